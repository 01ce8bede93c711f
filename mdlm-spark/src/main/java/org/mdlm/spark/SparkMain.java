package org.mdlm.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mdlm.cli.Main;

/**
 * The main class of {@code mdlm-spark-VERSION-all.jar} under {@code spark-submit}: the {@code mdlm}
 * command line, where {@code train} computes its gradients, and {@code tokenize --input} tokenizes
 * its corpus, on the master spark-submit was given (as if {@code --spark MASTER} had been passed);
 * other commands run as {@code mdlm} does.
 * <pre>
 * spark-submit --master spark://HOST:7077 --class org.mdlm.spark.SparkMain mdlm-spark-VERSION-all.jar \
 *     train --preset tiny --workers 8
 * spark-submit --master yarn --class org.mdlm.spark.SparkMain mdlm-spark-VERSION-all.jar \
 *     tokenize --tokenizer gpt2 --input hdfs:///corpora/owt --out /shared/tokens/owt
 * </pre>
 */
public final class SparkMain {

    private SparkMain() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        String[] full = withMaster(args, System.getProperty("spark.master"));
        if (full == null) {
            err.println("error: SparkMain is started by spark-submit, which sets spark.master; on one machine run"
                    + " ./mdlm train --spark local[N] ... (or ./mdlm tokenize --spark local[N] ...)");
            System.exit(2);
        }
        System.exit(Main.execute(full, new PrintWriter(System.out, true), err));
    }

    /**
     * {@code args} with {@code --spark MASTER} after {@code train}, or after {@code tokenize} with
     * {@code --input} (a corpus), when it has none; null when such a command needs the master and there
     * is none. Other commands are left as they are.
     */
    static String[] withMaster(String[] args, String master) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        int train = list.indexOf("train");
        if (train < 0 && list.stream().anyMatch(a -> a.equals("--input") || a.startsWith("--input="))) {
            train = list.indexOf("tokenize");
        }
        boolean hasSpark = list.stream().anyMatch(a -> a.equals("--spark") || a.startsWith("--spark="));
        if (train < 0 || hasSpark) {
            return args;
        }
        if (master == null || master.isBlank()) {
            return null;
        }
        list.add(train + 1, "--spark");
        list.add(train + 2, master);
        return list.toArray(String[]::new);
    }
}
