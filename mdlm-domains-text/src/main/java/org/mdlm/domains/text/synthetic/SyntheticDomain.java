package org.mdlm.domains.text.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.domain.Vocabulary;

/**
 * Seeded i.i.d. Zipf tokens (see {@link SyntheticConfig}). Text is the tokens' symbols separated by
 * spaces ({@code "w0 w17 [MASK]"}). The best achievable loss is the law's entropy, which
 * {@link #entropyNats()} reports.
 */
public final class SyntheticDomain implements Domain {

    private final SyntheticConfig config;
    private final SyntheticVocabulary vocabulary;
    private final ZipfLaw law;

    /** Creates the domain; the cumulative table is built here (O(vocab)). */
    public SyntheticDomain(SyntheticConfig config) {
        this.config = config;
        this.vocabulary = new SyntheticVocabulary(config.vocab());
        this.law = new ZipfLaw(config.vocab() - 1, config.zipf());
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public TokenStream read(Split split) {
        long length = split == Split.TRAIN ? config.trainTokens() : config.evalTokens();
        return new ZipfTokenStream(law, config.seed() * 31 + split.ordinal() * 0x5851F42D4C957F2DL, length);
    }

    @Override
    public int[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            ids.add(parse(word));
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private int parse(String word) {
        if (word.equals(SyntheticVocabulary.MASK)) {
            return vocabulary.maskId();
        }
        if (word.length() > 1 && word.charAt(0) == 'w') {
            try {
                int id = Integer.parseInt(word.substring(1));
                if (id >= 0 && id < vocabulary.maskId()) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not a synthetic token; write w0..w"
                + (vocabulary.maskId() - 1) + " or " + SyntheticVocabulary.MASK + ", separated by spaces");
    }

    @Override
    public String decode(int[] tokens) {
        StringJoiner out = new StringJoiner(" ");
        for (int t : tokens) {
            out.add(vocabulary.symbol(t));
        }
        return out.toString();
    }

    @Override
    public boolean characterLevel() {
        return false;
    }

    @Override
    public String dataSource() {
        return String.format(Locale.ROOT, "synthetic Zipf(s=%s) over %d ids, seed %d", config.zipf(),
                config.vocab() - 1, config.seed());
    }

    /** Entropy of the token law in nats per token: the floor of any model's loss on this data. */
    public double entropyNats() {
        return law.entropyNats();
    }
}
