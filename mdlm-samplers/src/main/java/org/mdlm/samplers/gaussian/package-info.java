/**
 * The {@code plaid} sampler: ancestral sampling of a Gaussian diffusion in embedding space (Plaid),
 * rounding to tokens at the end.
 */
package org.mdlm.samplers.gaussian;
