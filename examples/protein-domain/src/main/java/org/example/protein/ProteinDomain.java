package org.example.protein;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mdlm.api.domain.ByteTokenStream;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.domain.Vocabulary;

/**
 * Protein sequences from a FASTA file, all records concatenated and split by position
 * 90% / 5% / 5% into train / valid / test.
 */
public final class ProteinDomain implements Domain {

    private static final String DEMO = "/org/example/protein/demo.fasta";
    private final ProteinConfig config;
    private final ProteinVocabulary vocabulary = new ProteinVocabulary();
    private byte[] residues;

    /** Creates the domain; the FASTA is read on first use. */
    public ProteinDomain(ProteinConfig config) {
        this.config = config;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public synchronized TokenStream read(Split split) {
        if (residues == null) {
            residues = load();
        }
        int n = residues.length;
        int a = (int) (n * 0.90);
        int b = (int) (n * 0.95);
        return switch (split) {
            case TRAIN -> stream(0, a);
            case VALID -> stream(a, b);
            case TEST -> stream(b, n);
        };
    }

    private TokenStream stream(int from, int to) {
        return new ByteTokenStream(residues, from, to - from);
    }

    private byte[] load() {
        boolean demo = config.data() == null || config.data().isEmpty();
        try (InputStream in = demo ? ProteinDomain.class.getResourceAsStream(DEMO) : open(Path.of(config.data()))) {
            if (in == null) {
                throw new DataException("the demo FASTA " + DEMO + " is missing from the plugin jar; rebuild the jar");
            }
            StringBuilder sb = new StringBuilder();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith(">") && !line.startsWith(";")) {
                    sb.append(line.strip());
                }
            }
            if (sb.length() < 1000) {
                throw new DataException("FASTA " + dataSource() + " holds only " + sb.length()
                        + " residues; give at least 1000");
            }
            byte[] ids = new byte[sb.length()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = (byte) ProteinVocabulary.idOf(sb.charAt(i));
            }
            return ids;
        } catch (IOException e) {
            throw new DataException("cannot read FASTA " + dataSource() + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new DataException("FASTA file " + p + " does not exist; set domain.data to a protein FASTA file");
        }
        return Files.newInputStream(p);
    }

    @Override
    public int[] encode(String text) {
        return text.chars().filter(Character::isLetter).map(c -> ProteinVocabulary.idOf((char) c)).toArray();
    }

    @Override
    public String decode(int[] tokens) {
        StringBuilder sb = new StringBuilder(tokens.length);
        for (int t : tokens) {
            sb.append(t == ProteinVocabulary.MASK ? '_' : vocabulary.symbol(t).charAt(0));
        }
        return sb.toString();
    }

    @Override
    public boolean characterLevel() {
        return false;
    }

    @Override
    public String dataSource() {
        return config.data() == null || config.data().isEmpty() ? "embedded:synthetic-demo.fasta" : config.data();
    }
}
