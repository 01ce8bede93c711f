package org.mdlm.process.schedule;

/**
 * The cosine noise schedule (the MDLM reference's {@code CosineNoise}): a token survives to time t
 * with probability {@code alpha(t) = eps + (1-eps) cos(pi t / 2)}, so
 * {@code sigma(t) = -log(eps + (1-eps) cos(pi t / 2))} and
 * {@code dsigma(t) = (1-eps) (pi/2) sin(pi t / 2) / (eps + (1-eps) cos(pi t / 2))}.
 *
 * <p>{@code alpha} and {@code maskProbability} are computed in closed form, the latter as
 * {@code (1-eps) 2 sin^2(pi t / 4)} (equal to {@code (1-eps)(1 - cos(pi t / 2))} without its
 * cancellation near t = 0); sigma is taken from whichever of the two is smaller, so it keeps full
 * relative precision at both ends. {@code cos(pi t / 2)} is evaluated as {@code sin(pi (1-t) / 2)},
 * which makes {@code alpha(1) = eps} exactly.
 *
 * <p>Defined for t in [0, 1]; every method throws {@link IllegalArgumentException} for a t outside
 * that interval (or NaN).
 */
public final class CosineSchedule extends SurvivalSchedule {

    private static final double HALF_PI = Math.PI / 2.0;

    private final double eps;
    private final double scale;

    /** Creates the schedule from its config. */
    public CosineSchedule(CosineConfig config) {
        this.eps = config.eps();
        this.scale = 1.0 - eps;
    }

    /** The eps this schedule was built with. */
    public double eps() {
        return eps;
    }

    @Override
    double survival(double t) {
        return eps + scale * Math.sin(HALF_PI * (1.0 - t));
    }

    @Override
    double survivalRate(double t) {
        return scale * HALF_PI * Math.sin(HALF_PI * t);
    }

    @Override
    double mask(double t) {
        double s = Math.sin(Math.PI / 4.0 * t);
        return scale * 2.0 * s * s;
    }

    @Override
    public String toString() {
        return "CosineSchedule[eps=" + eps + "]";
    }
}
