import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.mdlm.cli.run.CorpusTokenization;
import org.mdlm.cli.run.TokenizedSplit;
import org.mdlm.spark.SparkSettings;
import org.mdlm.spark.tokenize.SparkTokenizationProvider;

/**
 * The tokenization job's steady rate: one Spark session, the corpus tokenized 1 + R times (gpt2), the
 * first pass discarded (class loading, Spark's code generation, the JIT); prints each timed pass's train
 * figure and their median. Run by bench/spark/tokenize-warm.sh with the launcher's class path:
 *   java ... bench/spark/TokenizeWarm.java INPUT MASTER R
 */
public final class TokenizeWarm {
    public static void main(String[] args) throws Exception {
        String input = args[0];
        String master = args[1];
        int rounds = Integer.parseInt(args[2]);
        SparkSession spark = SparkSession.builder().config(SparkSettings.of(master, "tokenize-warm")).getOrCreate();
        List<Double> rates = new ArrayList<>();
        try {
            for (int r = 0; r <= rounds; r++) {
                Path out = Files.createTempDirectory("mdlm-tokenize-warm");
                TokenizedSplit train = new SparkTokenizationProvider().tokenize(master, new CorpusTokenization(input, out,
                        "gpt2", "text", "wrap", 0, 0), new PrintWriter(new StringWriter())).get(0);
                String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
                System.out.printf("%s pass %d%s: %,d tokens in %.2f s, %,.0f tokens/s (load %s)%n", master, r,
                        r == 0 ? " (warm-up)" : "", train.tokens(), train.seconds(), train.tokensPerSecond(), load);
                if (r > 0) {
                    rates.add(train.tokensPerSecond());
                }
                try (Stream<Path> files = Files.walk(out)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } finally {
            spark.stop();
        }
        Collections.sort(rates);
        System.out.printf("%s median %,.0f tokens/s over %d passes%n", master, rates.get(rates.size() / 2), rates.size());
    }
}
