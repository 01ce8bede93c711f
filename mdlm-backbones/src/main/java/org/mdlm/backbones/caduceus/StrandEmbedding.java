package org.mdlm.backbones.caduceus;

import org.mdlm.api.model.BackboneInputs;
import org.mdlm.backbones.layers.ParamFactory;
import org.mdlm.backbones.layers.Shapes;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The token embedding {@code embedding.weight} [V, D] of one strand or of both.
 *
 * <p>Without reverse complement the rows of the input ids are fed by the engine
 * ({@link org.mdlm.api.model.GraphFeeds#rows}, placeholder {@value #ROWS}). With it, the trunk's
 * batch is [input strands; their reverse complements], and the second half needs the rows of the
 * complemented ids, which no feed can look up (a lookup reads the id placeholder only, and a table
 * read both through a lookup and in the graph would lose the in-graph gradient). So both halves
 * come from one product {@code onehot(x) [E | P E]} (P: the complement permutation), whose cost,
 * 2·V·D per token, is negligible for nucleotide vocabularies (V = 6).
 */
final class StrandEmbedding {

    /** Name of the row-lookup placeholder [B, L, D] (without reverse complement only). */
    static final String ROWS = "embedding.rows";

    private final SDVariable table;
    private final int vocab;
    private final int width;

    private StrandEmbedding(SDVariable table, int vocab, int width) {
        this.table = table;
        this.vocab = vocab;
        this.width = width;
    }

    /**
     * Creates {@code embedding.weight} [vocab, width], uniform with Mamba's standard deviation 0.02
     * (bound 0.02·sqrt(3)).
     */
    static StrandEmbedding create(ParamFactory params, int vocab, int width) {
        return new StrandEmbedding(params.uniform("embedding.weight", 0.02 * Math.sqrt(3.0), vocab, width), vocab,
                width);
    }

    /**
     * The embedded strands: [B, L, D] of the input, or with {@code complement} [2B, L, D], the input
     * rows then the reverse complements (complemented ids, reversed along L).
     *
     * @param complement the vocabulary's complement map, or null for one strand
     * @param shapes the shapes of the input ids [B, L]
     */
    SDVariable apply(BackboneInputs in, ComplementMap complement, Shapes shapes) {
        SameDiff sd = table.getSameDiff();
        if (complement == null) {
            return in.feeds().rows(ROWS, table, in.xt());
        }
        SDVariable oneHot = sd.reshape(sd.oneHot(in.xt(), vocab, -1, 1.0, 0.0, table.dataType()), -1, vocab);
        SDVariable complemented = sd.mmul(sd.constant(complement.permutation(table.dataType())), table);
        SDVariable rows = sd.mmul(oneHot, sd.concat(1, table, complemented));
        SDVariable forward = shapes.toBatchLength(rows.get(SDIndex.all(), SDIndex.interval(0, width)), width);
        SDVariable reverse = shapes.toBatchLength(rows.get(SDIndex.all(), SDIndex.interval(width, 2 * width)), width);
        return sd.concat(0, forward, sd.reverse(reverse, 1));
    }
}
