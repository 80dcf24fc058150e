package org.e2dl4j.samples.bench;

import java.util.Locale;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The native threads of a benchmark run: libnd4j's own thread pool is capped from Java; the OpenMP threads of
 * oneDNN's kernels follow the environment variable {@code OMP_NUM_THREADS}, which must be set before the JVM
 * starts.
 */
final class NativeThreads {

    private NativeThreads() {
    }

    /** Caps libnd4j's threads at {@code threads} (0: leave ND4J's default); libnd4j can lower the cap, not raise it. */
    static void limit(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads: expected 0 (ND4J's default) or a positive count, got " + threads);
        }
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            Nd4j.getEnvironment().setMaxThreads(threads);
        }
    }

    /**
     * Sets libnd4j's thresholds for splitting an op over its own thread pool: the fewest elements of an elementwise
     * op and the fewest sub-arrays (TADs) of an op along dimensions (0: leave libnd4j's default, 1,024 and 1 in
     * 1.0.0-M2.1). On 2 cores, small ops handed to the pool can take the core oneDNN's second OpenMP thread needs
     * (BENCHMARKS.md, "Interleaved side by side").
     */
    static void thresholds(int elementwise, int tad) {
        if (elementwise < 0 || tad < 0) {
            throw new IllegalArgumentException("thresholds: expected 0 (libnd4j's default) or positive counts, got "
                    + elementwise + " and " + tad);
        }
        if (elementwise > 0) {
            Nd4j.getEnvironment().setElementwiseThreshold(elementwise);
        }
        if (tad > 0) {
            Nd4j.getEnvironment().setTadThreshold(tad);
        }
    }

    /** The thread settings in effect, for the log. */
    static String describe() {
        String omp = System.getenv("OMP_NUM_THREADS");
        return String.format(Locale.ROOT,
                "%d processors, libnd4j max threads %d (pool thresholds: %d elements, %d TADs), OMP_NUM_THREADS=%s",
                Runtime.getRuntime().availableProcessors(), Nd4j.getEnvironment().maxThreads(),
                Nd4j.getEnvironment().elementwiseThreshold(), Nd4j.getEnvironment().tadThreshold(),
                omp == null ? "(unset)" : omp);
    }
}
