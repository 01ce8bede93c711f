package org.mdlm.engine;

/**
 * Keeps ND4J's native memory bounded. SameDiff allocates its intermediate arrays off-heap and
 * frees them only when the Java objects that own them are garbage-collected; the heap itself
 * barely grows, so the JVM rarely collects and the process's resident memory climbs by hundreds of
 * MB per training step (the tiny DiT preset: 6 GB after 10 steps with -Xmx2g; OOM-killed at 24 GB
 * with -Xmx8g; 1.6 GB steady with a collection after every step).
 *
 * <p>Policy: request {@link System#gc()} once the work done since the last collection is at least
 * {@code 1 / maxOverhead} times what the last collection cost, so collections take at most about
 * {@code maxOverhead} of the time (default 5 %): every step or two for the DiT preset (~30 ms per
 * collection, ~450 ms per step), rarely for tiny test models. Call {@link #check()} after each
 * unit of work (a training step, an evaluation chunk, an inference call).
 */
final class NativeMemoryGuard {

    /** Default share of time spent in requested collections. */
    static final double DEFAULT_MAX_OVERHEAD = 0.05;

    /**
     * Share of time for training through the {@link LeanExecutor}, which reuses its arrays: peak
     * RSS of the tiny preset was the same with a collection every ~3 steps (5 %) and with none in
     * 100 steps (1.12 vs 1.13 GB), so collections only bound slow leaks (bench/RESULTS.md, round 2).
     */
    static final double LEAN_MAX_OVERHEAD = 0.002;

    private final double maxOverhead;
    private long lastCheck = -1;
    private long workSinceGc;
    private long lastGcCost;
    private int collections;

    NativeMemoryGuard(double maxOverhead) {
        if (!(maxOverhead > 0 && maxOverhead <= 1)) {
            throw new IllegalArgumentException("maxOverhead must be in (0, 1], got " + maxOverhead);
        }
        this.maxOverhead = maxOverhead;
    }

    /** The guard with {@link #DEFAULT_MAX_OVERHEAD}, or {@code -Dmdlm.gc.maxOverhead} when set. */
    NativeMemoryGuard() {
        this(DEFAULT_MAX_OVERHEAD);
    }

    /** The guard with {@code fallback}, or {@code -Dmdlm.gc.maxOverhead} when set. */
    static NativeMemoryGuard withOverhead(double fallback) {
        String p = System.getProperty("mdlm.gc.maxOverhead");
        return new NativeMemoryGuard(p == null ? fallback : Double.parseDouble(p));
    }

    /** Call after each unit of work; may trigger {@link System#gc()}. */
    void check() {
        long now = System.nanoTime();
        if (lastCheck < 0) {
            lastCheck = now;   // the first unit's duration is unknown: start counting from here
            return;
        }
        workSinceGc += now - lastCheck;
        if (workSinceGc * maxOverhead >= lastGcCost) {
            System.gc();
            long after = System.nanoTime();
            lastGcCost = Math.max(1, after - now);
            workSinceGc = 0;
            collections++;
            now = after;
        }
        lastCheck = now;
    }

    /** Number of collections requested so far. */
    int collections() {
        return collections;
    }
}
