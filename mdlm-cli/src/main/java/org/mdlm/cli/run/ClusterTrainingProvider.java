package org.mdlm.cli.run;

import java.io.PrintWriter;
import org.mdlm.cli.config.ConfigException;

/**
 * Connects {@code mdlm train} to a cluster; found with {@link java.util.ServiceLoader} on the class path, so
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
        return ClusterProviders.find(ClusterTrainingProvider.class, ClusterTrainingProvider::name, name, "train", loader);
    }
}
