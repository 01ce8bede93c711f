/**
 * The analytic sampler of SEDD (Lou et al. 2024, "Tweedie tau-leaping") for the absorbing process:
 * each step multiplies the staggered concrete score by the transposed forward transition. It reads
 * log score ratios (SEDD) or clean-token log-probs (SUBS, D3PM) through their implied scores.
 */
package org.mdlm.samplers.analytic;
