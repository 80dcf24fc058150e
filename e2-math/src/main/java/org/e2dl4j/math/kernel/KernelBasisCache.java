package org.e2dl4j.math.kernel;

import java.util.BitSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide cache of analytic kernel bases and of their sampled forms, so that every layer with the same
 * representation pair, grid and policy shares one {@link SampledBasis} (e2cnn caches the same way: by the
 * analytic basis, the mask of kept elements and the grid). Thread-safe: concurrent builders of the same key
 * compute it once.
 */
public final class KernelBasisCache {

    private static final ConcurrentHashMap<AnalyticKey, AnalyticKernelBasis> ANALYTIC = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<SampledKey, Optional<SampledBasis>> SAMPLED = new ConcurrentHashMap<>();

    private KernelBasisCache() {
    }

    /** Forgets every cached basis (bases already handed out stay valid). */
    public static void clear() {
        SAMPLED.clear();
        ANALYTIC.clear();
    }

    /** Number of cached sampled bases (empty ones included). */
    public static int sampledCount() {
        return SAMPLED.size();
    }

    /**
     * The sampled kernel basis of a representation pair under a resolved policy: empty when the band limit and
     * filter keep nothing or every kept element vanishes on the grid.
     */
    static Optional<SampledBasis> sampled(PlanarSymmetry symmetry, int rotationOrder, double axis,
                                          IrrepDecomposition in, IrrepDecomposition out, SamplingPlan plan) {
        AnalyticKey key = new AnalyticKey(symmetry, rotationOrder, symmetry.hasReflections() ? axis : 0.0, in, out,
                plan.radialProfile(), plan.maximumFrequency(), plan.maximumOffset());
        AnalyticKernelBasis analytic = ANALYTIC.computeIfAbsent(key, k -> new AnalyticKernelBasis(k.symmetry,
                k.rotationOrder, k.axis, k.in, k.out, k.radial, k.maximumFrequency, k.maximumOffset));
        BitSet mask = analytic.mask(plan);
        return SAMPLED.computeIfAbsent(new SampledKey(key, plan.grid(), mask),
                k -> KernelSampling.sample(analytic, k.mask, k.grid));
    }

    private record AnalyticKey(PlanarSymmetry symmetry, int rotationOrder, double axis, IrrepDecomposition in,
                               IrrepDecomposition out, GaussianRadialProfile radial, int maximumFrequency,
                               OptionalInt maximumOffset) {
    }

    /** The mask is never modified after it is put in a key. */
    private record SampledKey(AnalyticKey analytic, SamplingGrid grid, BitSet mask) {
    }
}
