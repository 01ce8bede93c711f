package org.mdlm.engine;

/**
 * One batch of the forward process: clean and noisy tokens, times and what the graph is fed.
 *
 * @param x0 clean tokens [B][L]
 * @param xt noisy tokens [B][L]
 * @param t diffusion time per sequence [B]
 * @param sigma noise level fed to the backbone per sequence [B] (0 if it is not time-conditioned)
 * @param weight loss weight per sequence [B]
 */
record NoisyBatch(int[][] x0, int[][] xt, double[] t, double[] sigma, double[] weight) {

    int batch() {
        return x0.length;
    }

    int length() {
        return x0.length == 0 ? 0 : x0[0].length;
    }
}
