package org.mdlm.spark;

import java.util.Locale;
import org.apache.spark.SparkConf;

/**
 * The Spark settings of an mdlm command: every {@code spark.*} setting of the JVM (those of
 * {@code spark-submit}, or {@code -Dspark.x=y}), the master, and defaults: no cap on the results the
 * driver collects (Spark's 1 GB default would refuse the gradients of a 170 M-parameter model from
 * two tasks: each is 4 bytes a parameter), and for a local master the loopback address and no web UI.
 */
public final class SparkSettings {

    private SparkSettings() {
    }

    /**
     * The settings for {@code master}.
     *
     * @param appName the application's name when the JVM sets none, e.g. {@code "mdlm train"}
     */
    public static SparkConf of(String master, String appName) {
        SparkConf conf = new SparkConf().setMaster(master).setIfMissing("spark.app.name", appName)
                .setIfMissing("spark.driver.maxResultSize", "0");
        if (master.toLowerCase(Locale.ROOT).startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1")
                    .setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false");
        }
        return conf;
    }
}
