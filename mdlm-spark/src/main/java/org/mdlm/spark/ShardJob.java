package org.mdlm.spark;

import java.io.Serializable;

/**
 * What an executor needs to compute shards of a run, sent with every task: the run's resolved
 * config as JSON (from which it rebuilds the model and reads the corpus, once per executor) and an
 * id that names the run in the executor's cache. Java objects of the pipeline are not sent: they
 * are not serialisable, and the config rebuilds them exactly.
 *
 * @param id unique per training session
 * @param configJson the resolved config ({@code config.json} of the run folder)
 */
record ShardJob(String id, String configJson) implements Serializable {

    /** @throws NullPointerException naming a missing field */
    ShardJob {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(configJson, "configJson");
    }
}
