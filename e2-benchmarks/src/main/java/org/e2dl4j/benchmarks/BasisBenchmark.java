package org.e2dl4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.BasisPolicy;
import org.e2dl4j.math.kernel.KernelBasisCache;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.math.repr.Representation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of building a steerable convolution's kernel basis from nothing (escnn issue 54: escnn's R3Conv is
 * slow to construct): the layer basis of R3Conv from 8 x (irreps 0, 1, 2 of SO(3)) to the same at k = 5
 * ({@link #fields}), with {@link KernelBasisCache} cleared first, so that every pair basis is solved and sampled
 * again; the time a new R3Conv of these types takes in its first {@code layerBasis()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class BasisBenchmark {

    /** The kernel size of the benchmarked basis. */
    static final int KERNEL_SIZE = 5;
    /** Copies of each irrep in the benchmarked field type. */
    static final int COPIES = 8;

    private final GSpace gspace = GSpaces.rot3dOnR3();
    private final List<Representation> fields = fields(gspace);

    /** 8 x (irrep 0, irrep 1, irrep 2): 72 channels. */
    static List<Representation> fields(GSpace gspace) {
        List<Representation> fields = new ArrayList<>();
        for (int copy = 0; copy < COPIES; copy++) {
            for (int l = 0; l <= 2; l++) {
                fields.add(gspace.irrep(l));
            }
        }
        return fields;
    }

    /** The layer basis built with an empty cache; returns its dimension (kept from dead-code removal). */
    @Benchmark
    public int r3ConvBasis() {
        KernelBasisCache.clear();
        return LayerBasis.of(gspace, fields, fields, KERNEL_SIZE, 1, BasisPolicy.builder().build()).dimension();
    }
}
