/** The diffusion transformer (DiT) backbone of MDLM. */
package org.mdlm.backbones.dit;
