/** Categorical draws from rows of log-probabilities, shared by the samplers (module-internal). */
package org.mdlm.samplers.draw;
