package org.mdlm.process.param;

import java.util.Map;
import org.mdlm.api.schedule.NoiseSchedule;
import org.mdlm.process.forward.DiscreteTimeSampler;

/**
 * The per-sequence coefficients of one step of the discrete-time absorbing chain with T steps, from
 * time t = i/T back to s = (i-1)/T, computed in double precision. The chain's level 0 is the data
 * itself (alpha_0 = 1), its level i masks with probability 1 - alpha(i/T). At a masked position the
 * true posterior puts {@code (alpha_s - alpha_t)/(1 - alpha_t)} on x0 and
 * {@code (1 - alpha_s)/(1 - alpha_t)} on the mask; both are multiplied by T (the Monte Carlo weight
 * of a step drawn uniformly among T).
 *
 * @param unmask T (alpha_s - alpha_t) / (1 - alpha_t)
 * @param stay T (1 - alpha_s) / (1 - alpha_t); 0 at the first step
 * @param oddsT alpha_t / (1 - alpha_t)
 * @param oddsS alpha_s / (1 - alpha_s); 0 at the first step, where it is not used
 */
record DiscreteStepWeights(double unmask, double stay, double oddsT, double oddsS) {

    /** Row-input names of the four coefficients. */
    static final String UNMASK = "unmask_weight";
    static final String STAY = "stay_weight";
    static final String ODDS_T = "odds_t";
    static final String ODDS_S = "odds_s";

    /**
     * The coefficients of the step ending at time {@code t} (a grid point i/steps).
     *
     * @throws IllegalArgumentException if t is not on the grid or the schedule masks nothing at t
     */
    static DiscreteStepWeights at(NoiseSchedule schedule, int steps, double t) {
        int i = DiscreteTimeSampler.indexOf(t, steps);
        double maskT = schedule.maskProbability(t);
        if (!(maskT > 0.0)) {
            throw new IllegalArgumentException("the schedule masks nothing at t = " + t + "; a discrete step needs "
                    + "1 - alpha(t) > 0");
        }
        double alphaT = 1.0 - maskT;
        if (i == 1) {
            return new DiscreteStepWeights(steps, 0.0, alphaT / maskT, 0.0);
        }
        double maskS = schedule.maskProbability((double) (i - 1) / steps);
        double alphaS = 1.0 - maskS;
        return new DiscreteStepWeights(steps * (maskT - maskS) / maskT, steps * maskS / maskT, alphaT / maskT,
                alphaS / maskS);
    }

    /** The four coefficients of each sequence of a batch as row values. */
    static Map<String, double[]> rows(NoiseSchedule schedule, int steps, double[] t) {
        double[] unmask = new double[t.length];
        double[] stay = new double[t.length];
        double[] oddsT = new double[t.length];
        double[] oddsS = new double[t.length];
        for (int b = 0; b < t.length; b++) {
            DiscreteStepWeights w = at(schedule, steps, t[b]);
            unmask[b] = w.unmask;
            stay[b] = w.stay;
            oddsT[b] = w.oddsT;
            oddsS[b] = w.oddsS;
        }
        return Map.of(UNMASK, unmask, STAY, stay, ODDS_T, oddsT, ODDS_S, oddsS);
    }
}
