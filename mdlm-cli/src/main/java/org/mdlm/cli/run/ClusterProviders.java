package org.mdlm.cli.run;

import java.util.ServiceLoader;
import java.util.function.Function;
import org.mdlm.cli.config.ConfigException;

/**
 * Finds a cluster provider (mdlm-spark's, when it is on the class path) by the name of its command
 * line option, or says how to launch with it.
 */
final class ClusterProviders {

    private ClusterProviders() {
    }

    /**
     * The provider of {@code type} whose {@code name} is {@code option}, from {@code loader}.
     *
     * @param command the mdlm command that asked ("train", "tokenize"), for the message
     * @throws ConfigException saying how to put mdlm-spark on the class path when none is found
     */
    static <T> T find(Class<T> type, Function<T, String> name, String option, String command, ClassLoader loader) {
        for (T p : ServiceLoader.load(type, loader)) {
            if (name.apply(p).equals(option)) {
                return p;
            }
        }
        throw new ConfigException("--" + option + " needs mdlm-spark and Spark on the class path, which this"
                + " launch does not have; run ./mdlm " + command + " --" + option + " MASTER ... (the launcher adds"
                + " them), or spark-submit --class org.mdlm.spark.SparkMain mdlm-spark/target/mdlm-spark-VERSION-all.jar "
                + command + " ...");
    }
}
