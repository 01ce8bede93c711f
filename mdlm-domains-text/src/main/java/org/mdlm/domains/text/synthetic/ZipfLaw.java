package org.mdlm.domains.text.synthetic;

import java.util.Arrays;

/** The distribution p(k) ∝ 1/(k+1)^s over ids 0..n-1, sampled by inverting its cumulative table. */
final class ZipfLaw {

    private final double[] cumulative;
    private final double entropyNats;

    ZipfLaw(int n, double s) {
        double[] weights = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            weights[k] = Math.pow(k + 1, -s);
            total += weights[k];
        }
        cumulative = new double[n];
        double running = 0;
        double entropy = 0;
        for (int k = 0; k < n; k++) {
            double p = weights[k] / total;
            running += p;
            cumulative[k] = running;
            entropy -= p * Math.log(p);
        }
        cumulative[n - 1] = 1.0;
        entropyNats = entropy;
    }

    /** The id whose cumulative interval holds {@code u} in [0, 1). */
    int sample(double u) {
        int i = Arrays.binarySearch(cumulative, u);
        int k = i >= 0 ? i + 1 : -i - 1;
        return Math.min(k, cumulative.length - 1);
    }

    /** Probability of id {@code k}. */
    double probability(int k) {
        return k == 0 ? cumulative[0] : cumulative[k] - cumulative[k - 1];
    }

    /** Entropy of the law in nats: the best loss any model of i.i.d. tokens can reach. */
    double entropyNats() {
        return entropyNats;
    }
}
