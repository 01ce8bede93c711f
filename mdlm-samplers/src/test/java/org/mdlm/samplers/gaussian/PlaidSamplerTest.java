package org.mdlm.samplers.gaussian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.model.Denoiser;
import org.mdlm.api.model.DenoiserOutput;
import org.mdlm.api.model.DenoiserOutputKind;
import org.mdlm.api.model.EmbeddingDiffusion;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.api.sampling.SampleRequest;
import org.mdlm.api.sampling.SampleResult;
import org.mdlm.api.sampling.SamplerProvider;
import org.mdlm.api.schedule.NoiseSchedule;

/**
 * The embedding-space sampler: its step is the Gaussian posterior q(z_s | z_t, x) derived here from
 * the joint of (z_s, z_t); with a denoiser certain of one token the chain's z_0 has exactly the
 * forward marginal N(alpha_0 e_x, sigma_0^2) (statistically, fixed seed); samples decode to clean
 * tokens only, fixed tokens stay, a seed gives the same tokens, and token models are refused.
 */
class PlaidSamplerTest {

    @Test
    void stepIsTheGaussianPosteriorOfTheForwardProcess() {
        EmbeddingDiffusion process = new FakeStateDenoiser(v -> 0).process;
        for (double[] ts : new double[][] {{1.0, 0.75}, {0.5, 0.49}, {0.01, 0.0}}) {
            double t = ts[0];
            double s = ts[1];
            double a2s = 1 / (1 + Math.exp(process.gamma(s)));
            double a2t = 1 / (1 + Math.exp(process.gamma(t)));
            double s2s = 1 - a2s;
            double s2t = 1 - a2t;
            // z_t = a z_s + sqrt(v) eps with a = alpha_t / alpha_s, v = sigma_t^2 - a^2 sigma_s^2; prior
            // z_s ~ N(alpha_s x, sigma_s^2). Posterior precision 1/sigma_s^2 + a^2/v, mean
            // var (alpha_s x / sigma_s^2 + a z_t / v).
            double a = Math.sqrt(a2t / a2s);
            double v = s2t - a * a * s2s;
            double variance = 1 / (1 / s2s + a * a / v);
            GaussianStep step = GaussianStep.between(process, t, s);
            assertEquals(variance, step.variance(), 1e-12 * Math.max(1, variance), "variance at " + t);
            assertEquals(variance * a / v, step.stateCoefficient(), 1e-9, "z_t coefficient at " + t);
            assertEquals(variance * Math.sqrt(a2s) / s2s, step.predictionCoefficient(), 1e-9, "x coefficient at " + t);
        }
        assertThrows(IllegalArgumentException.class, () -> GaussianStep.between(process, 0.5, 0.5));
    }

    @Test
    void aCertainDenoiserLeadsTheChainToTheForwardMarginalAtZero() {
        FakeStateDenoiser certain = new FakeStateDenoiser(v -> v == 2 ? 0.0 : -1e4);
        int batch = 20;
        int length = 200;
        SampleResult r = new PlaidSampler(new PlaidSamplerConfig(40, 1.0, 1.0)).sample(certain,
                new SampleRequest(batch, length, 17L), null);
        assertEquals(41, r.networkCalls());
        assertEquals(41, certain.calls);
        assertEquals(0.0, certain.lastTime);
        for (int[] row : r.tokens()) {
            for (int x : row) {
                assertEquals(2, x);
            }
        }
        double alpha0 = Math.sqrt(1 / (1 + Math.exp(-4.0)));
        double sigma2 = 1 / (1 + Math.exp(4.0));
        int n = batch * length;
        for (int i = 0; i < FakeStateDenoiser.D; i++) {
            double sum = 0;
            double sumSq = 0;
            for (int p = 0; p < n; p++) {
                double z = certain.lastStates[p * FakeStateDenoiser.D + i];
                sum += z;
                sumSq += z * z;
            }
            double mean = sum / n;
            double var = (sumSq - n * mean * mean) / (n - 1);
            assertEquals(alpha0 * certain.table[2 * FakeStateDenoiser.D + i], mean, 5 * Math.sqrt(sigma2 / n),
                    "mean, dimension " + i);
            assertEquals(sigma2, var, 5 * sigma2 * Math.sqrt(2.0 / (n - 1)), "variance, dimension " + i);
        }
    }

    @Test
    void samplesAreCleanTokensFixedTokensStayAndASeedRepeats() {
        FakeStateDenoiser uniform = new FakeStateDenoiser(v -> 0.0);
        int[][] initial = new int[3][12];
        for (int[] row : initial) {
            java.util.Arrays.fill(row, FakeStateDenoiser.MASK);
        }
        initial[0][0] = 4;
        initial[2][11] = 1;
        PlaidSampler sampler = new PlaidSampler(new PlaidSamplerConfig(5, 1.0, 1.0));
        SampleResult a = sampler.sample(uniform, new SampleRequest(3, 12, 5L, initial), null);
        SampleResult b = sampler.sample(uniform, new SampleRequest(3, 12, 5L, initial), null);
        assertArrayEquals(a.tokens(), b.tokens());
        boolean[] seen = new boolean[FakeStateDenoiser.V];
        for (int[] row : a.tokens()) {
            for (int x : row) {
                assertTrue(x >= 0 && x < FakeStateDenoiser.V && x != FakeStateDenoiser.MASK, "clean token: " + x);
                seen[x] = true;
            }
        }
        assertTrue(seen[0] && seen[1] && seen[2] && seen[3] && seen[4], "a uniform model draws every clean token");
        assertEquals(4, a.tokens()[0][0]);
        assertEquals(1, a.tokens()[2][11]);
    }

    @Test
    void refusesATokenModel() {
        Denoiser tokens = new Denoiser() {
            @Override
            public DenoiserOutputKind kind() {
                return DenoiserOutputKind.CLEAN_LOG_PROBS;
            }

            @Override
            public int vocabSize() {
                return 6;
            }

            @Override
            public int maskId() {
                return 5;
            }

            @Override
            public boolean timeConditioned() {
                return false;
            }

            @Override
            public NoiseSchedule schedule() {
                return null;
            }

            @Override
            public int trainedLength() {
                return 0;
            }

            @Override
            public DenoiserOutput evaluate(int[][] xt, double[] sigma) {
                throw new AssertionError();
            }
        };
        PlaidSampler sampler = new PlaidSampler(PlaidSamplerConfig.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sampler.sample(tokens, new SampleRequest(1, 4, 0L), null));
        assertTrue(e.getMessage().contains("embedding-space"), e.getMessage());
        assertTrue(sampler.incompatibility(DenoiserOutputKind.CLEAN_LOG_PROBS, false).isPresent());
        assertTrue(sampler.incompatibility(DenoiserOutputKind.STATE_CLEAN_LOG_PROBS, true).isEmpty());
    }

    @Test
    void registryFindsItByNameAndTheConfigIsChecked() {
        SamplerProvider<?> p = PluginRegistry.loadDefault().find(ExtensionPoint.SAMPLER, "plaid", SamplerProvider.class);
        assertTrue(p.createFromRecord(p.defaultConfig()) instanceof PlaidSampler);
        assertTrue(PluginRegistry.loadDefault().names(ExtensionPoint.SAMPLER).containsAll(List.of("plaid", "ddpm")));
        assertThrows(IllegalArgumentException.class, () -> new PlaidSamplerConfig(0, 1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new PlaidSamplerConfig(4, 0.0, 1.0));
    }
}
