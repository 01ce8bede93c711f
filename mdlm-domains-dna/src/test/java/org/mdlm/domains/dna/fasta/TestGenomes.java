package org.mdlm.domains.dna.fasta;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Small genomes and FASTA texts for the tests of this module, all from fixed seeds. */
public final class TestGenomes {

    private TestGenomes() {
    }

    /** Gzip members, one per string, concatenated (as bgzip writes them). */
    public static byte[] gzip(String... members) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            for (String m : members) {
                ByteArrayOutputStream one = new ByteArrayOutputStream();
                try (OutputStream out = new GZIPOutputStream(one)) {
                    out.write(m.getBytes(StandardCharsets.US_ASCII));
                }
                all.write(one.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toByteArray();
    }

    /**
     * Random sequences (upper case A, C, G, T) with runs of N: about {@code nRate} of the positions
     * start a run of 1 to {@code maxRun} N.
     */
    public static Map<String, String> random(long seed, int chromosomes, int minLength, int maxLength, double nRate,
                                             int maxRun) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, String> out = new LinkedHashMap<>();
        for (int c = 0; c < chromosomes; c++) {
            int n = rnd.nextInt(minLength, maxLength + 1);
            StringBuilder sb = new StringBuilder(n);
            while (sb.length() < n) {
                if (rnd.nextDouble() < nRate) {
                    int run = Math.min(n - sb.length(), rnd.nextInt(1, maxRun + 1));
                    sb.append("N".repeat(run));
                } else {
                    sb.append("ACGT".charAt(rnd.nextInt(4)));
                }
            }
            out.put("chr" + (c + 1), sb.toString());
        }
        return out;
    }

    /** FASTA text of named sequences, {@code width} bases per line. */
    public static String fasta(Map<String, String> sequences, int width) {
        StringBuilder fa = new StringBuilder();
        for (Map.Entry<String, String> e : sequences.entrySet()) {
            fa.append('>').append(e.getKey()).append(" test record\n");
            String s = e.getValue();
            for (int i = 0; i < s.length(); i += width) {
                fa.append(s, i, Math.min(s.length(), i + width)).append('\n');
            }
        }
        return fa.toString();
    }

    /** The genome of named sequences, read through the FASTA reader into memory. */
    public static Genome genome(Map<String, String> sequences) {
        byte[] text = fasta(sequences, 60).getBytes(StandardCharsets.US_ASCII);
        return FastaReader.read(new ByteArrayInputStream(text), "test genome", new MemoryBaseSink(12));
    }

    /** The ids of {@code [from, from+len)} of a genome as a string of A, C, G, T, N. */
    public static String text(Bases bases, long from, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (byte b : bases.bytes(from, len)) {
            sb.append("ACGTN".charAt(b));
        }
        return sb.toString();
    }
}
