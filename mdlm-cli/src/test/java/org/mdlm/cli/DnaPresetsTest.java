package org.mdlm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nucleotide presets: {@code chr20} trains on a given FASTA and reports per base (nats, bits,
 * perplexity); {@code hg38} without data says which file to give and where to get it.
 */
class DnaPresetsTest {

    @TempDir
    Path tmp;

    /** Two chromosomes of random bases with an N gap, 60 per line. */
    private Path genome() throws Exception {
        SplittableRandom rnd = new SplittableRandom(1);
        StringBuilder fa = new StringBuilder();
        for (int c = 1; c <= 2; c++) {
            fa.append(">chr").append(c).append('\n');
            for (int i = 0; i < 30_000; i++) {
                fa.append(i >= 10_000 && i < 10_500 ? 'N' : "ACGT".charAt(rnd.nextInt(4)));
                if (i % 60 == 59) {
                    fa.append('\n');
                }
            }
        }
        return Files.writeString(tmp.resolve("genome.fa"), fa);
    }

    @Test
    void chr20TrainsOnAGivenFastaAndReportsPerBase() throws Exception {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("train", "--preset", "chr20", "--data", genome().toString(),
                "--out", out.toString(), "--set", "domain.cache_dir=" + tmp.resolve("cache"),
                "--set", "domain.block_size=2000", "--set", "train.steps=2", "--set", "train.eval_every=2",
                "--set", "train.checkpoint_every=2", "--set", "train.eval_windows=2", "--set", "train.eval_t_samples=2",
                "--set", "train.log_every=1", "--set", "model.hidden=32", "--set", "model.blocks=1",
                "--set", "train.seq_len=64", "--set", "train.batch_size=2");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("nats/base") && r.out().contains("bits/base") && r.out().contains("perplexity"),
                r.out());
        ObjectMapper json = new ObjectMapper();
        JsonNode config = json.readTree(out.resolve("config.json").toFile());
        assertEquals("dna", config.at("/domain/type").asText());
        assertEquals(0.5, config.at("/domain/rc_augment").asDouble());
        JsonNode summary = json.readTree(out.resolve("summary.json").toFile());
        assertEquals("base", summary.get("token_unit").asText());
        double nats = summary.get("val_nats_per_token").asDouble();
        assertTrue(nats > 0 && Double.isFinite(nats), summary.toString());
        assertEquals(nats / Math.log(2), summary.get("val_bits_per_base").asDouble(), 1e-12);
        assertEquals(Math.exp(nats), summary.get("val_ppl").asDouble(), 1e-9);
        assertTrue(!summary.has("val_bpc"), "bases are not characters");
        String metrics = Files.readString(out.resolve("metrics.jsonl"));
        assertTrue(metrics.contains("\"val_bits_per_base\""), metrics);
        try (var cached = Files.list(tmp.resolve("cache"))) {
            assertEquals(1, cached.filter(p -> p.toString().endsWith(".bases")).count(),
                    "the genome was decoded into the configured cache");
        }
    }

    @Test
    void hg38WithoutDataSaysWhichFileToGiveAndWhereToGetIt() {
        CliRunner.Result r = CliRunner.run("train", "--preset", "hg38", "--out", tmp.resolve("hg38").toString(),
                "--set", "train.steps=1");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--data FILE") && r.err().contains("FASTA")
                && r.err().contains("https://hgdownload.soe.ucsc.edu/goldenPath/hg38/bigZips/hg38.fa.gz"), r.err());
    }

    @Test
    void thePresetsAreListedAndResolve() throws Exception {
        CliRunner.Result list = CliRunner.run("presets");
        assertTrue(list.out().contains("chr20") && list.out().contains("hg38"), list.out());
        ObjectMapper json = new ObjectMapper();
        JsonNode chr20 = json.readTree(CliRunner.run("presets", "chr20").out());
        assertEquals("../shared/data/dna/hg19-chr20.fa.gz", chr20.at("/domain/data").asText());
        assertEquals("region", chr20.at("/domain/split").asText());
        assertEquals("dit", chr20.at("/model/type").asText());
        assertEquals(4, chr20.at("/model/blocks").asInt());
        assertEquals(128, chr20.at("/model/hidden").asInt());
        JsonNode hg38 = json.readTree(CliRunner.run("presets", "hg38").out());
        assertTrue(hg38.at("/domain/data").isNull(), hg38.toString());
        assertEquals("chromosome", hg38.at("/domain/split").asText());
        assertEquals("chr21", hg38.at("/domain/valid_chromosomes/0").asText());
        assertEquals("chr22", hg38.at("/domain/test_chromosomes/0").asText());
        assertEquals(1024, hg38.at("/train/seq_len").asInt());
    }
}
