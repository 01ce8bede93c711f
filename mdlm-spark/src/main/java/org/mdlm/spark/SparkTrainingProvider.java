package org.mdlm.spark;

import java.io.PrintWriter;
import org.mdlm.cli.run.ClusterTraining;
import org.mdlm.cli.run.ClusterTrainingProvider;

/** {@code mdlm train --spark MASTER}: connects to Spark (found by the CLI with ServiceLoader). */
public final class SparkTrainingProvider implements ClusterTrainingProvider {

    /** Creates the provider (ServiceLoader's constructor). */
    public SparkTrainingProvider() {
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public ClusterTraining connect(String master, PrintWriter log) {
        return SparkTraining.connect(master, log);
    }
}
