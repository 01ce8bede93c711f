package org.mdlm.spark.tokenize;

import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.mdlm.cli.run.ClusterTokenizationProvider;
import org.mdlm.cli.run.CorpusTokenization;
import org.mdlm.cli.run.TokenizedSplit;
import org.mdlm.spark.SparkSettings;

/**
 * {@code mdlm tokenize --spark MASTER --input DIR --out DIR} (found by the CLI with ServiceLoader).
 * The JVM's active Spark session is used when there is one (a notebook, a test), and left running;
 * otherwise a session for {@code MASTER} with {@link SparkSettings} is started and stopped at the end.
 */
public final class SparkTokenizationProvider implements ClusterTokenizationProvider {

    /** Creates the provider (ServiceLoader's constructor). */
    public SparkTokenizationProvider() {
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public List<TokenizedSplit> tokenize(String master, CorpusTokenization request, PrintWriter log) {
        scala.Option<SparkSession> active = SparkSession.getDefaultSession();
        if (active.isDefined()) {
            String running = active.get().sparkContext().master();
            if (!running.equals(master)) {
                log.println("tokenize: this JVM already runs Spark on " + running + "; tokenizing there, not on " + master);
            }
            return CorpusJob.run(active.get(), request, log);
        }
        SparkSession spark = SparkSession.builder().config(SparkSettings.of(master, "mdlm tokenize")).getOrCreate();
        try {
            return CorpusJob.run(spark, request, log);
        } finally {
            spark.stop();
        }
    }
}
