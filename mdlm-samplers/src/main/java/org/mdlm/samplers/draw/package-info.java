/**
 * Categorical draws from rows of log-probabilities, and their shaping by temperature and top-p
 * ({@link org.mdlm.samplers.draw.DrawShaping}), shared by the samplers (module-internal: not exported).
 */
package org.mdlm.samplers.draw;
