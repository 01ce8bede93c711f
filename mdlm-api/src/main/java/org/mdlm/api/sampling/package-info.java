/** Samplers: reverse processes that turn an all-mask sequence into tokens with a {@link org.mdlm.api.model.Denoiser}. */
package org.mdlm.api.sampling;
