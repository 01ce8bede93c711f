/**
 * Noise schedules of the absorbing process, each a plugin found by its short name:
 * <ul>
 *   <li>{@code loglinear}: {@code sigma(t) = -log1p(-(1-eps) t)}, mask probability {@code (1-eps) t}
 *       (eps = 1e-3; MDLM's default);</li>
 *   <li>{@code linear}: {@code sigma(t) = sigma_min + t (sigma_max - sigma_min)} (0 and 10);</li>
 *   <li>{@code cosine}: {@code sigma(t) = -log(eps + (1-eps) cos(pi t / 2))} (eps = 1e-3);</li>
 *   <li>{@code cosine2}: {@code sigma(t) = -log(eps + (1-eps) cos^2(pi t / 2))} (eps = 1e-3);</li>
 *   <li>{@code geometric}: {@code sigma(t) = sigma_min^(1-t) sigma_max^t} (1e-4 and 20; SEDD's);</li>
 *   <li>{@code polynomial}: mask probability {@code (1-eps) t^k}, {@code sigma(t) = -log1p(-(1-eps) t^k)}
 *       (k = 2, eps = 1e-3; k = 1 is {@code loglinear}).</li>
 * </ul>
 * Each has a config record validated in its constructor (JSON keys: its components in snake_case),
 * a schedule class and a provider; every schedule refuses t outside [0, 1].
 */
package org.mdlm.process.schedule;
