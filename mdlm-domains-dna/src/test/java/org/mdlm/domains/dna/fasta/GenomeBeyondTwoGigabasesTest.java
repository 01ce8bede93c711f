package org.mdlm.domains.dna.fasta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.Split;
import org.mdlm.domains.dna.windows.GenomeStream;
import org.mdlm.domains.dna.windows.PositionSplit;

/**
 * A genome longer than any Java array (2.2 billion bases, as hg38 is), generated as a FASTA
 * stream and never stored as a file, is read into a memory-mapped file under the temporary folder:
 * names, lengths, N runs and bases far past 2^31 come back exactly, and crops are cut there.
 */
@Tag("slow")
class GenomeBeyondTwoGigabasesTest {

    private static final long[] LENGTHS = {1_450_000_007L, 750_000_003L};
    private static final int WIDTH = 80;
    /** Each chromosome's first 1,000 bases of every 100,000,000 are N. */
    private static final long N_EVERY = 100_000_000L;
    private static final long N_RUN = 1_000;

    @TempDir
    Path tmp;

    /** The base of chromosome-local position p: N in the runs, else two well-mixed bits of p. */
    static byte base(int chromosome, long p) {
        if (p % N_EVERY < N_RUN) {
            return 4;
        }
        return (byte) (((p + 31L * chromosome) * 0x9e3779b97f4a7c15L) >>> 62);
    }

    /** The FASTA text of the genome, produced on demand. */
    static final class GeneratedFasta extends InputStream {
        private static final byte[] LETTERS = "ACGTN".getBytes(StandardCharsets.US_ASCII);
        private int chromosome;
        private long position;
        private int column;
        private byte[] pending = header(0);
        private int pendingAt;

        private static byte[] header(int c) {
            return (">chr" + (c + 1) + " generated test chromosome\n").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                if (pendingAt < pending.length) {
                    b[off + n++] = pending[pendingAt++];
                } else if (chromosome == LENGTHS.length) {
                    break;
                } else if (column == WIDTH) {
                    b[off + n++] = '\n';
                    column = 0;
                } else {
                    b[off + n++] = LETTERS[base(chromosome, position++)];
                    column++;
                    if (position == LENGTHS[chromosome]) {
                        chromosome++;
                        position = 0;
                        column = 0;
                        byte[] next = chromosome < LENGTHS.length ? header(chromosome) : new byte[0];
                        pending = new byte[next.length + 1];
                        pending[0] = '\n';
                        System.arraycopy(next, 0, pending, 1, next.length);
                        pendingAt = 0;
                    }
                }
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }

    @Test
    void readsAndCropsAGenomePastTwoToThe31Bases() throws IOException {
        long t0 = System.nanoTime();
        Genome g = FastaReader.read(new GeneratedFasta(), "a generated stream", new FileBaseSink(tmp.resolve("g.bases")));
        double seconds = (System.nanoTime() - t0) / 1e9;
        long total = LENGTHS[0] + LENGTHS[1];
        assertTrue(total > (1L << 31));
        assertEquals(List.of(new Chromosome("chr1", 0, LENGTHS[0]), new Chromosome("chr2", LENGTHS[0], LENGTHS[1])),
                g.chromosomes());
        assertEquals(total, g.length());
        assertEquals(15 + 8, g.nRuns().size(), "one run per 100 Mbp of each chromosome");
        assertEquals(23 * N_RUN, g.nRuns().total());
        assertEquals(LENGTHS[0] + 700_000_000L, g.nRuns().start(22));
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            long at = i < 10_000 ? rnd.nextLong((1L << 31) - 50, total) : rnd.nextLong(total);
            Chromosome c = g.chromosomeAt(at);
            int k = c.name().equals("chr1") ? 0 : 1;
            assertEquals(base(k, at - c.start()), g.bases().get(at), "genome position " + at);
        }
        int[] last = new int[10];
        g.bases().copy(total - 10, last, 0, 10);
        for (int i = 0; i < 10; i++) {
            assertEquals(base(1, LENGTHS[1] - 10 + i), last[i], "the last bases");
        }

        GenomeStream train = new GenomeStream("train", g, new PositionSplit(0.01, 0.01).regions(g).get(Split.TRAIN),
                0.05, 0.5);
        SplittableRandom rng = new SplittableRandom(2);
        int beyond = 0;
        for (int i = 0; i < 2000; i++) {
            long offset = train.cropOffset(1024, rng);
            long first = train.genomePosition(offset);
            int[] crop = new int[1024];
            train.read(offset, crop, 0, 1024);
            Chromosome c = g.chromosomeAt(first);
            assertTrue(first + 1024 <= c.end(), "inside " + c.name());
            assertEquals(base(c.name().equals("chr1") ? 0 : 1, first + 7 - c.start()), crop[7]);
            beyond += first > (1L << 31) ? 1 : 0;
        }
        assertTrue(beyond > 0, "crops are cut past 2^31 too");
        System.out.printf("read %d bases in %.1f s%n", total, seconds);
    }
}
