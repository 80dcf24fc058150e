package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;

/**
 * Process-wide cache of analytic kernel bases and of their sampled forms, so that every layer with the same
 * representation pair, grid and policy shares one {@link SampledBasis} (e2cnn caches the same way: by the
 * analytic basis, the mask of kept elements and the grid). The 3D bases are cached by G-space, representation
 * pair and resolved plan, and their harmonic intertwiners by G-space, irreps pair and degree. Thread-safe:
 * concurrent builders of the same key compute it once.
 */
public final class KernelBasisCache {

    private static final ConcurrentHashMap<AnalyticKey, AnalyticKernelBasis> ANALYTIC = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<SampledKey, Optional<SampledBasis>> SAMPLED = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<IntertwinerKey, List<double[]>> INTERTWINERS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<SpatialKey, Optional<SampledBasis>> SPATIAL = new ConcurrentHashMap<>();

    private KernelBasisCache() {
    }

    /** Forgets every cached basis (bases already handed out stay valid). */
    public static void clear() {
        SAMPLED.clear();
        ANALYTIC.clear();
        SPATIAL.clear();
        INTERTWINERS.clear();
    }

    /** Number of cached sampled bases (empty ones included), planar and 3D. */
    public static int sampledCount() {
        return SAMPLED.size() + SPATIAL.size();
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

    /** The sampled 3D kernel basis of a representation pair of a 3D G-space under a resolved plan. */
    static Optional<SampledBasis> sampled(GSpace gspace, Representation in, Representation out, SamplingPlan plan) {
        return SPATIAL.computeIfAbsent(new SpatialKey(gspace, in, out, plan),
                k -> SphericalKernelSampling.sample(k.gspace, k.in, k.out, k.plan));
    }

    /**
     * The orthonormal intertwiners {@code Hom_G(Y_J|_G (x) psi_in, psi_out)} of a 3D G-space ({@link
     * HarmonicIntertwiners}), solved on the generators of its group acting on R^3 through
     * {@link GSpace#baseMatrix}; shared, never modified.
     */
    static List<double[]> intertwiners(GSpace gspace, IrreducibleRepresentation in, IrreducibleRepresentation out,
                                       int degree) {
        return INTERTWINERS.computeIfAbsent(new IntertwinerKey(gspace, in, out, degree), k -> {
            Group group = k.gspace.fibergroup();
            List<double[][]> actions = new ArrayList<>();
            List<double[][]> inInverses = new ArrayList<>();
            List<double[][]> outMatrices = new ArrayList<>();
            for (GroupElement g : group.generators()) {
                actions.add(SphericalHarmonicTable.action(k.degree, k.gspace.baseMatrix(g)));
                inInverses.add(k.in.matrix(group.inverse(g)));
                outMatrices.add(k.out.matrix(g));
            }
            return List.copyOf(HarmonicIntertwiners.solve(2 * k.degree + 1, k.in.size(), k.out.size(), actions,
                    inInverses, outMatrices));
        });
    }

    private record IntertwinerKey(GSpace gspace, IrreducibleRepresentation in, IrreducibleRepresentation out,
                                  int degree) {
    }

    private record SpatialKey(GSpace gspace, Representation in, Representation out, SamplingPlan plan) {
    }

    private record AnalyticKey(PlanarSymmetry symmetry, int rotationOrder, double axis, IrrepDecomposition in,
                               IrrepDecomposition out, GaussianRadialProfile radial, int maximumFrequency,
                               OptionalInt maximumOffset) {
    }

    /** The mask is never modified after it is put in a key. */
    private record SampledKey(AnalyticKey analytic, SamplingGrid grid, BitSet mask) {
    }
}
