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

    /** The thread settings in effect, for the log. */
    static String describe() {
        String omp = System.getenv("OMP_NUM_THREADS");
        return String.format(Locale.ROOT, "%d processors, libnd4j max threads %d, OMP_NUM_THREADS=%s",
                Runtime.getRuntime().availableProcessors(), Nd4j.getEnvironment().maxThreads(),
                omp == null ? "(unset)" : omp);
    }
}
