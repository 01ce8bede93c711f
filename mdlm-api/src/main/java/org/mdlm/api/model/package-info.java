/**
 * Models: backbones that build logits in a SameDiff graph, parameterizations that turn logits into
 * log p(x0 | xt) and a loss, and the {@link org.mdlm.api.model.Denoiser} view that samplers see.
 */
package org.mdlm.api.model;
