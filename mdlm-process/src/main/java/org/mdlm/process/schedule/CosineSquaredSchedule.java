package org.mdlm.process.schedule;

/**
 * The cosine-squared noise schedule (the MDLM reference's {@code CosineSqrNoise}): a token survives
 * to time t with probability {@code alpha(t) = eps + (1-eps) cos^2(pi t / 2)}, so
 * {@code sigma(t) = -log(eps + (1-eps) cos^2(pi t / 2))} and, differentiating,
 * {@code dsigma(t) = (1-eps) (pi/2) sin(pi t) / (eps + (1-eps) cos^2(pi t / 2))}
 * (with {@code sin(pi t) = 2 sin(pi t / 2) cos(pi t / 2)}).
 *
 * <p>{@code alpha} and {@code maskProbability} are computed in closed form, the latter as
 * {@code (1-eps) sin^2(pi t / 2)} (equal to {@code 1 - alpha(t)} without its cancellation near
 * t = 0); sigma is taken from whichever of the two is smaller, so it keeps full relative precision
 * at both ends. {@code cos(pi t / 2)} is evaluated as {@code sin(pi (1-t) / 2)}, which makes
 * {@code alpha(1) = eps} exactly.
 *
 * <p>Defined for t in [0, 1]; every method throws {@link IllegalArgumentException} for a t outside
 * that interval (or NaN).
 */
public final class CosineSquaredSchedule extends SurvivalSchedule {

    private static final double HALF_PI = Math.PI / 2.0;

    private final double eps;
    private final double scale;

    /** Creates the schedule from its config. */
    public CosineSquaredSchedule(CosineSquaredConfig config) {
        this.eps = config.eps();
        this.scale = 1.0 - eps;
    }

    /** The eps this schedule was built with. */
    public double eps() {
        return eps;
    }

    /** cos(pi t / 2), exactly 0 at t = 1. */
    private static double cos(double t) {
        return Math.sin(HALF_PI * (1.0 - t));
    }

    @Override
    double survival(double t) {
        double c = cos(t);
        return eps + scale * c * c;
    }

    @Override
    double survivalRate(double t) {
        return scale * Math.PI * Math.sin(HALF_PI * t) * cos(t);
    }

    @Override
    double mask(double t) {
        double s = Math.sin(HALF_PI * t);
        return scale * s * s;
    }

    @Override
    public String toString() {
        return "CosineSquaredSchedule[eps=" + eps + "]";
    }
}
