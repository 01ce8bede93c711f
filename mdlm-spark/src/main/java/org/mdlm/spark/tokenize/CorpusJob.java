package org.mdlm.spark.tokenize;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.cli.run.CorpusTokenization;
import org.mdlm.cli.run.TokenizedSplit;
import org.mdlm.domains.text.cache.TokenCache;

/**
 * A whole {@code mdlm tokenize --spark} request on a Spark session: everything that can be checked
 * on the driver is checked before any job runs (the tokenizer exists and can pad if asked to, the
 * corpus folder holds the three splits, no entry would be replaced), then each split is tokenized
 * into its entry ({@link SplitJob}).
 */
final class CorpusJob {

    private CorpusJob() {
    }

    /** Runs {@code request} and returns its splits in the order train, valid, test. */
    static List<TokenizedSplit> run(SparkSession spark, CorpusTokenization request, PrintWriter log) {
        Tokenizer tokenizer = ExecutorTokenizers.get(request.tokenizer());
        if (request.packing().equals("pad") && tokenizer.padId().isEmpty()) {
            throw new DataException("--packing pad fills rows with the tokenizer's pad id, but " + request.tokenizer()
                    + " has none; use --packing wrap, or a tokenizer with a pad (bert-base-uncased)");
        }
        List<SplitSource> sources = sources(spark, request.input());
        try {
            Files.createDirectories(request.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create --out " + request.out() + ": " + e.getMessage(), e);
        }
        for (SplitSource s : sources) {
            Path entry = request.out().resolve(s.split());
            if (Files.exists(entry)) {
                throw new DataException(entry + " already exists; remove it, or give another --out");
            }
        }
        long shardTokens = request.shardTokens() > 0 ? request.shardTokens() : TokenCache.DEFAULT_SHARD_TOKENS;
        SplitJob job = new SplitJob(spark, request, tokenizer, shardTokens);
        List<TokenizedSplit> done = new ArrayList<>();
        for (SplitSource s : sources) {
            log.printf(Locale.ROOT, "tokenizing %s: %d %s file%s of %s with %s on Spark %s (%s)%n", s.split(), s.size(),
                    s.kind() == CorpusKind.JSONL ? "JSON-lines" : "Parquet", s.size() == 1 ? "" : "s", s.location(),
                    request.tokenizer(), spark.version(), spark.sparkContext().master());
            log.flush();
            done.add(job.run(s));
        }
        return done;
    }

    private static List<SplitSource> sources(SparkSession spark, String input) {
        org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        try {
            org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(input);
            FileSystem fs = dir.getFileSystem(hadoop);
            if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
                throw new DataException("--input " + input + (fs.exists(dir) ? " is not a folder" : " does not exist")
                        + "; give the corpus folder, holding " + SplitSource.EXPECTED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --input " + input + ": " + e.getMessage(), e);
        }
        List<SplitSource> sources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String split : SplitSource.SPLITS) {
            SplitSource s = SplitSource.find(hadoop, input, split);
            if (s == null) {
                missing.add(split);
            } else {
                sources.add(s);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException("the corpus folder " + input + " lacks split" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; it must hold " + SplitSource.EXPECTED);
        }
        return sources;
    }
}
