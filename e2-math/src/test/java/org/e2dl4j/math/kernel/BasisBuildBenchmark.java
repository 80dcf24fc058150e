package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;

/**
 * Times building layer bases plus their generalized He initialization in a warm JVM, with the basis cache
 * cleared before every build ("cold"), and with it kept ("cached"). Not a test: run it by hand, e.g.
 * {@code java -cp e2-math/target/classes:e2-math/target/test-classes:<hipparchus jar>
 * org.e2dl4j.math.kernel.BasisBuildBenchmark}.
 */
public final class BasisBuildBenchmark {

    private static final int WARMUP = 30;
    private static final int RUNS = 30;

    private BasisBuildBenchmark() {
    }

    public static void main(String[] args) {
        GSpace c16 = GSpaces.rot2dOnR2(16);
        List<Representation> wide = Collections.nCopies(24, c16.regularRepr());
        Runnable c16Layer = () -> LayerBasis.of(c16, wide, wide, 5, 1, BasisPolicy.defaults()).heInit(new Random(1));

        GSpace c8 = GSpaces.rot2dOnR2(8);
        int[] widths = {1, 24, 48, 48, 96, 96, 64};
        int[] kernels = {7, 5, 5, 5, 5, 5};
        Runnable c8Model = () -> {
            for (int l = 0; l < kernels.length; l++) {
                List<Representation> in = l == 0
                        ? List.of(c8.trivialRepr()) : Collections.nCopies(widths[l], c8.regularRepr());
                List<Representation> out = Collections.nCopies(widths[l + 1], c8.regularRepr());
                LayerBasis.of(c8, in, out, kernels[l], 1, BasisPolicy.defaults()).heInit(new Random(l));
            }
        };

        report("C16 regular x24 -> regular x24, k=5, basis + He init", c16Layer);
        report("C8 6-conv model (1 -> 24 -> 48 -> 48 -> 96 -> 96 -> 64 regular, k 7,5,5,5,5,5), bases + He init",
                c8Model);
    }

    private static void report(String what, Runnable build) {
        for (int k = 0; k < WARMUP; k++) {
            KernelBasisCache.clear();
            build.run();
        }
        double[] cold = new double[RUNS];
        for (int k = 0; k < RUNS; k++) {
            KernelBasisCache.clear();
            long t0 = System.nanoTime();
            build.run();
            cold[k] = (System.nanoTime() - t0) / 1e6;
        }
        double[] cached = new double[RUNS];
        for (int k = 0; k < RUNS; k++) {
            long t0 = System.nanoTime();
            build.run();
            cached[k] = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf("%s%n  cold cache:   median %.2f ms, min %.2f ms%n  warm cache:   median %.2f ms, min %.2f ms%n",
                what, median(cold), Arrays.stream(cold).min().orElseThrow(), median(cached),
                Arrays.stream(cached).min().orElseThrow());
    }

    private static double median(double[] v) {
        List<Double> sorted = new ArrayList<>();
        for (double x : v) {
            sorted.add(x);
        }
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
