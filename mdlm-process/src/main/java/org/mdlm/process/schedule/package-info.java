/** Noise schedules: log-linear sigma(t) = -log1p(-(1-eps) t). */
package org.mdlm.process.schedule;
