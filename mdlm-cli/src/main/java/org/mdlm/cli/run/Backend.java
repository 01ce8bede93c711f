package org.mdlm.cli.run;

import org.nd4j.linalg.factory.Nd4j;

/** Describes the ND4J backend in use and its threads. */
public final class Backend {

    private Backend() {
    }

    /** E.g. "CpuBackend". */
    public static String describe() {
        return Nd4j.getBackend().getClass().getSimpleName();
    }

    /** The number of OpenMP threads ND4J's native code uses. */
    public static int threads() {
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp != null && omp.matches("\\d+")) {
            return Integer.parseInt(omp);
        }
        return Nd4j.getEnvironment().maxMasterThreads();
    }
}
