/**
 * Semi-autoregressive sampling of diffusion models beyond their trained length: windows of the
 * trained length, each starting with the previous window's last tokens as a fixed prefix, sampled
 * by an inner sampler of this module ({@code ddpm}, {@code ddpm_cache} or {@code analytic}).
 */
package org.mdlm.samplers.semiar;
