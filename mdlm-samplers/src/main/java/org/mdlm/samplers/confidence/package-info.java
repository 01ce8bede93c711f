/**
 * Confidence-ordered unmasking (MaskGIT, LLaDA): at every step each masked position draws a
 * candidate, and the positions whose candidates the model is most confident about are unmasked, as
 * many as the noise schedule says; optionally, the least confident of the earlier choices are masked
 * again (remasking).
 */
package org.mdlm.samplers.confidence;
