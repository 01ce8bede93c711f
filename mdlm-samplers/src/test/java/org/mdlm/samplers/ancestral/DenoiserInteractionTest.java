package org.mdlm.samplers.ancestral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mockito.ArgumentCaptor;

/**
 * How the ancestral samplers talk to their denoiser, observed with a Mockito spy: ddpm_cache calls
 * it exactly as often as it reports and never twice on the same input; fixed positions of the
 * request are never changed; a denoiser of another output kind is refused before any call.
 */
class DenoiserInteractionTest {

    @Test
    void ddpmCacheNeverCallsTheDenoiserWhileNothingChanged() {
        Denoiser denoiser = spy(FakeDenoiser.xtDependent(6, false));
        SampleResult r = new AncestralSampler(AncestralConfig.of(64, 1e-5), true)
                .sample(denoiser, new SampleRequest(2, 9, 11L), null);
        ArgumentCaptor<int[][]> inputs = ArgumentCaptor.forClass(int[][].class);
        verify(denoiser, times(r.networkCalls())).evaluate(inputs.capture(), any());
        List<int[][]> seen = inputs.getAllValues();
        assertTrue(seen.size() < 64, "64 steps over 18 tokens need far fewer calls: " + seen.size());
        for (int i = 1; i < seen.size(); i++) {
            assertFalse(Arrays.deepEquals(seen.get(i - 1), seen.get(i)), "call " + i + " repeats the previous input");
        }
    }

    @Test
    void fixedPositionsOfTheRequestAreNeverChanged() {
        int mask = 5;
        int[][] initial = {{2, mask, mask, 0, mask, mask, 4, mask}, {mask, 1, 1, mask, mask, mask, mask, 3}};
        for (boolean cache : new boolean[] {false, true}) {
            SampleResult r = new AncestralSampler(AncestralConfig.of(16, 1e-5), cache)
                    .sample(FakeDenoiser.xtDependent(6, false), new SampleRequest(2, 8, 3L, initial), null);
            for (int b = 0; b < 2; b++) {
                for (int l = 0; l < 8; l++) {
                    if (initial[b][l] != mask) {
                        assertEquals(initial[b][l], r.tokens()[b][l], "fixed token at (" + b + ", " + l + ")");
                    } else {
                        assertTrue(r.tokens()[b][l] != mask, "every masked position is filled");
                    }
                }
            }
        }
    }

    @Test
    void aDenoiserOfAnotherKindIsRefusedBeforeAnyCall() {
        Denoiser ar = spy(FakeDenoiser.xtDependent(6, false));
        when(ar.kind()).thenReturn(DenoiserOutputKind.NEXT_TOKEN_LOG_PROBS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AncestralSampler(
                AncestralConfig.of(4, 1e-5), false).sample(ar, new SampleRequest(1, 4, 1L), null));
        assertTrue(e.getMessage().contains("next-token log-probs"), e.getMessage());
        verify(ar, atLeastOnce()).kind();
        verify(ar, times(0)).evaluate(any(), any());
    }
}
