package org.e2dl4j.math.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * cleared before every build ("cold cache"), and with it kept ("warm cache"). Reports wall-clock time and the
 * building thread's CPU time (the latter is what to compare on a loaded machine). Not a test: run it by hand, e.g.
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < WARMUP; k++) {
            KernelBasisCache.clear();
            build.run();
        }
        System.out.println(what);
        for (boolean clear : new boolean[] {true, false}) {
            double[] wall = new double[RUNS];
            double[] cpu = new double[RUNS];
            for (int k = 0; k < RUNS; k++) {
                if (clear) {
                    KernelBasisCache.clear();
                }
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                build.run();
                wall[k] = (System.nanoTime() - t0) / 1e6;
                cpu[k] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            System.out.printf("  %s: wall median %.2f ms (min %.2f), cpu median %.2f ms (min %.2f)%n",
                    clear ? "cold cache" : "warm cache", median(wall), Arrays.stream(wall).min().orElseThrow(),
                    median(cpu), Arrays.stream(cpu).min().orElseThrow());
        }
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
