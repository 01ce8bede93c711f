package org.mdlm.backbones.caduceus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mdlm.api.domain.Vocabulary;
import org.mdlm.api.model.AttentionPattern;
import org.mdlm.api.model.BackboneInputs;
import org.mdlm.api.model.BackboneProvider;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.engine.PlaceholderFeeds;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;

/** Registry discovery, the default size, config validation and the inputs the backbone refuses. */
class CaduceusProviderTest {

    @Test
    void registryFindsCaduceusByName() {
        BackboneProvider<?> p = PluginRegistry.loadDefault().find(ExtensionPoint.BACKBONE, "caduceus",
                BackboneProvider.class);
        assertInstanceOf(CaduceusProvider.class, p);
        assertEquals(CaduceusConfig.class, p.configType());
        assertEquals(CaduceusConfig.defaults(), p.defaultConfig());
        assertInstanceOf(Caduceus.class, p.createFromRecord(p.defaultConfig()));
        assertFalse(p.createFromRecord(p.defaultConfig()).timeConditioned());
    }

    /**
     * The default model over the 6 nucleotide ids, counted by hand (D = 128, E = 256, N = 16, R = 8,
     * K = 4): embedding 6·128 = 768; per layer in_proj 512·128 = 65,536, out_proj 128·256 = 32,768,
     * norm 128, and per direction conv 256·4 + 256 = 1,280, x_proj 40·256 = 10,240, dt_proj
     * 256·8 + 256 = 2,304, A_log 256·16 = 4,096, D 256 (18,176; two directions 36,352): 134,784 per
     * layer, 539,136 for 4; final norm 128; lm_head 768. Total 540,800.
     */
    @Test
    void defaultModelHasThePapersSize() {
        SameDiff sd = SameDiff.create();
        new Caduceus(CaduceusConfig.defaults()).logits(sd, inputs(sd, new DnaLikeVocabulary(), null,
                AttentionPattern.BIDIRECTIONAL));
        long count = sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
        assertEquals(540_800, count);
        assertEquals(8, CaduceusConfig.defaults().resolvedDtRank());
        assertEquals(256, CaduceusConfig.defaults().featureWidth());
    }

    @Test
    void invalidConfigsNameTheFieldAndTheFix() {
        assertMessage("d_model", () -> config(0, 4, 16, 2, 4, 0, 0.001, 0.1, false, 32));
        assertMessage("layers", () -> config(128, 0, 16, 2, 4, 0, 0.001, 0.1, false, 32));
        assertMessage("d_state", () -> config(128, 4, 0, 2, 4, 0, 0.001, 0.1, false, 32));
        assertMessage("expand", () -> config(128, 4, 16, 0, 4, 0, 0.001, 0.1, false, 32));
        assertMessage("conv_kernel", () -> config(128, 4, 16, 2, 0, 0, 0.001, 0.1, false, 32));
        assertMessage("dt_rank", () -> config(128, 4, 16, 2, 4, -1, 0.001, 0.1, false, 32));
        assertMessage("dt_min", () -> config(128, 4, 16, 2, 4, 0, 0.0, 0.1, false, 32));
        assertMessage("dt_min", () -> config(128, 4, 16, 2, 4, 0, 0.2, 0.1, false, 32));
        assertMessage("scan_chunk", () -> config(128, 4, 16, 2, 4, 0, 0.001, 0.1, false, 0));
        assertMessage("model.time_conditioning=false", () -> config(128, 4, 16, 2, 4, 0, 0.001, 0.1, true, 32));
        assertEquals(3, config(40, 1, 1, 1, 1, 0, 0.001, 0.1, false, 1).resolvedDtRank(), "ceil(40 / 16)");
    }

    @Test
    void refusesInputsItCannotServe() {
        CaduceusConfig config = new CaduceusConfig(8, 1, 2, 2, 2, 0, 0.001, 0.1, true, true, true, false, 4);
        assertMessage("model.rc_equivariant=false", () -> build(config, Vocabulary.of(6, 5), false,
                AttentionPattern.BIDIRECTIONAL));
        assertMessage("padded", () -> build(config, new DnaLikeVocabulary(), true, AttentionPattern.BIDIRECTIONAL));
        assertMessage("model.bidirectional=false", () -> build(config, new DnaLikeVocabulary(), false,
                AttentionPattern.CAUSAL));
        assertMessage("involution", () -> build(config, new DnaLikeVocabulary() {
            @Override
            public int complement(int id) {
                return (id + 1) % 6;
            }
        }, false, AttentionPattern.BIDIRECTIONAL));
        // a causal Mamba (one direction, one strand) builds for causal objectives
        build(config.withSymmetry(false, false), Vocabulary.of(6, 5), false, AttentionPattern.CAUSAL);
    }

    private static void build(CaduceusConfig config, Vocabulary vocabulary, boolean padded, AttentionPattern pattern) {
        SameDiff sd = SameDiff.create();
        SDVariable valid = padded ? sd.placeHolder("valid", DataType.FLOAT, -1, -1) : null;
        new Caduceus(config).logits(sd, inputs(sd, vocabulary, valid, pattern));
    }

    private static BackboneInputs inputs(SameDiff sd, Vocabulary vocabulary, SDVariable valid,
                                         AttentionPattern pattern) {
        return new BackboneInputs(sd.placeHolder("xt", DataType.INT, -1, -1), sd.placeHolder("sigma",
                DataType.FLOAT, -1), valid, pattern, vocabulary, true, 1L, new PlaceholderFeeds(sd));
    }

    private static CaduceusConfig config(int d, int layers, int n, int expand, int kernel, int rank, double dtMin,
                                         double dtMax, boolean time, int chunk) {
        return new CaduceusConfig(d, layers, n, expand, kernel, rank, dtMin, dtMax, true, true, true, time, chunk);
    }

    private static void assertMessage(String expected, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expected), "message '" + ex.getMessage() + "' names " + expected);
    }
}
