package org.e2dl4j.math.diffop;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.kernel.PairBasisSampler;
import org.e2dl4j.math.kernel.PlanarSymmetry;
import org.e2dl4j.math.kernel.SampledBasis;
import org.e2dl4j.math.kernel.SamplingGrid;
import org.e2dl4j.math.kernel.SteerableKernelSampler;
import org.e2dl4j.math.repr.Representation;

/**
 * The discretized basis of steerable PDOs between two representations under a {@link DiffopPolicy} (what
 * e2cnn's R2Diffop expands its filter from): an {@link AnalyticDiffopBasis} up to the maximum order that the
 * policy gives on the k x k grid, discretized by {@link DiffopSampling}. Sampled bases are shared process-wide
 * (thread-safe) by G-space family, representations, policy and grid.
 */
public final class SteerableDiffopSampler implements PairBasisSampler {

    private static final ConcurrentHashMap<Key, Optional<SampledBasis>> SAMPLED = new ConcurrentHashMap<>();

    private final DiffopPolicy policy;

    public SteerableDiffopSampler(DiffopPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public DiffopPolicy policy() {
        return policy;
    }

    /**
     * @throws IllegalArgumentException if the representations are not of the G-space's group, the accuracy needs
     *                                  a larger kernel, or finite differences cannot discretize an element on the
     *                                  grid (the message names the element and the sizes)
     */
    @Override
    public Optional<SampledBasis> sample(GSpace gspace, Representation in, Representation out, int kernelSize,
                                         int dilation) {
        for (Representation r : new Representation[] {in, out}) {
            if (!r.group().equals(gspace.fibergroup())) {
                throw new IllegalArgumentException("representation " + r.name() + " of " + r.group().name()
                        + " does not belong to the G-space " + gspace.name() + " (group "
                        + gspace.fibergroup().name() + ")");
            }
        }
        PlanarSymmetry symmetry = SteerableKernelSampler.symmetryOf(gspace);
        int rotationOrder = SteerableKernelSampler.rotationOrder(gspace, symmetry);
        double axis = symmetry.hasReflections() ? gspace.axis() : 0.0;
        SamplingGrid grid = new SamplingGrid(kernelSize, dilation);
        int maximumOrder = policy.maximumOrder(kernelSize);
        int maximumPower = policy.maximumPower(kernelSize);
        Key key = new Key(symmetry, rotationOrder, axis, in, out, policy, grid);
        Optional<SampledBasis> cached = SAMPLED.get(key);
        if (cached != null) {
            return cached;
        }
        AnalyticDiffopBasis analytic = AnalyticDiffopBasis.of(symmetry, rotationOrder, axis, in, out, maximumOrder,
                maximumPower, policy.maximumOffset(), policy.finiteDifferences());
        Optional<SampledBasis> sampled = DiffopSampling.sample(analytic, grid, policy);
        Optional<SampledBasis> previous = SAMPLED.putIfAbsent(key, sampled);
        return previous != null ? previous : sampled;
    }

    @Override
    public String toString() {
        return "SteerableDiffopSampler[" + policy + "]";
    }

    private record Key(PlanarSymmetry symmetry, int rotationOrder, double axis, Representation in, Representation out,
                       DiffopPolicy policy, SamplingGrid grid) {
    }
}
