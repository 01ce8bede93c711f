/** Left-to-right sampling of autoregressive models (the {@code ar} objective's own sampler). */
package org.mdlm.samplers.ar;
