package org.mdlm.api.sampling;

/**
 * Sampled sequences.
 *
 * @param tokens token ids [batch][length]; no mask token remains
 * @param networkCalls how many times the denoiser was evaluated
 */
public record SampleResult(int[][] tokens, int networkCalls) {
}
