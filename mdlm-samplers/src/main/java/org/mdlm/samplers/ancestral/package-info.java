/** Ancestral sampling of masked diffusion models, with and without reuse of p(x0 | xt). */
package org.mdlm.samplers.ancestral;
