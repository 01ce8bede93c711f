package org.mdlm.process.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscreteTimeSamplerTest {

    @Test
    void aBatchOfTTimesHitsEveryStepOnce() {
        int steps = 50;
        double[] t = DiscreteTimeSampler.sample(steps, steps, new SplittableRandom(3));
        double[] sorted = t.clone();
        Arrays.sort(sorted);
        double[] expected = new double[steps];
        for (int i = 0; i < steps; i++) {
            expected[i] = (i + 1.0) / steps;
        }
        assertArrayEquals(expected, sorted, 0.0);
    }

    @Test
    void stepsAreUniformOverOneToT() {
        int steps = 4;
        int[] counts = new int[steps + 1];
        SplittableRandom rng = new SplittableRandom(11);
        int draws = 0;
        for (int k = 0; k < 2000; k++) {
            for (double t : DiscreteTimeSampler.sample(3, steps, rng)) {
                counts[DiscreteTimeSampler.indexOf(t, steps)]++;
                draws++;
            }
        }
        assertEquals(0, counts[0]);
        for (int i = 1; i <= steps; i++) {
            double p = 1.0 / steps;
            double sd = Math.sqrt(draws * p * (1 - p));
            assertEquals(draws * p, counts[i], 4 * sd, "step " + i);
        }
    }

    @Test
    void indexOfRefusesTimesOffTheGrid() {
        assertEquals(3, DiscreteTimeSampler.indexOf(0.3, 10));
        assertThrows(IllegalArgumentException.class, () -> DiscreteTimeSampler.indexOf(0.35, 10));
        assertThrows(IllegalArgumentException.class, () -> DiscreteTimeSampler.indexOf(0.0, 10));
        assertThrows(IllegalArgumentException.class, () -> DiscreteTimeSampler.sample(2, 0, new SplittableRandom(1)));
    }
}
