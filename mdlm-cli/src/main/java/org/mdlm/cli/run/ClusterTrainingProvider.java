package org.mdlm.cli.run;

import java.io.PrintWriter;
import java.util.ServiceLoader;
import org.mdlm.cli.config.ConfigException;

/**
 * Connects {@code mdlm train} to a cluster; found with {@link ServiceLoader} on the class path, so
 * the CLI needs no cluster library: mdlm-spark provides {@code spark} (and the {@code mdlm}
 * launcher adds it, with Spark, only when {@code --spark} is given).
 */
public interface ClusterTrainingProvider {

    /** The cluster kind, as in the option that asks for it: {@code spark} for {@code --spark}. */
    String name();

    /**
     * Connects to the cluster at {@code master} (for Spark: {@code local[N]}, {@code spark://host:7077},
     * {@code yarn}, ...).
     *
     * @param log where connection messages go
     */
    ClusterTraining connect(String master, PrintWriter log);

    /**
     * The provider named {@code name} that {@code loader} finds.
     *
     * @throws ConfigException saying how to put it on the class path when there is none
     */
    static ClusterTrainingProvider find(String name, ClassLoader loader) {
        for (ClusterTrainingProvider p : ServiceLoader.load(ClusterTrainingProvider.class, loader)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new ConfigException("--" + name + " needs mdlm-spark and Spark on the class path, which this"
                + " launch does not have; run ./mdlm train --" + name + " MASTER ... (the launcher adds them), or"
                + " spark-submit --class org.mdlm.spark.SparkMain mdlm-spark/target/mdlm-spark-VERSION-all.jar train ...");
    }
}
