package org.e2dl4j.math.kernel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;

/**
 * The steerable kernel basis of e2cnn's R2Conv: Gaussian rings times the analytic angular solutions of every
 * irreps pair, lifted through the representations' changes of basis ({@code K = Q_out K_irreps Q_in^-1}),
 * sampled on the grid, band-limited, normalized and filtered as described by a {@link BasisPolicy}.
 * On a 3D G-space it is escnn's R3Conv basis instead: Gaussian rings times spherical harmonics of degree J
 * contracted with the intertwiners {@code Hom_G(Y_J|_G (x) psi_in, psi_out)}, sampled on the k x k x k grid.
 * Sampled bases are shared through {@link KernelBasisCache}.
 */
public final class SteerableKernelSampler implements PairBasisSampler {

    private final BasisPolicy policy;

    public SteerableKernelSampler(BasisPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public BasisPolicy policy() {
        return policy;
    }

    @Override
    public Optional<SampledBasis> sample(GSpace gspace, Representation in, Representation out, int kernelSize,
                                         int dilation) {
        checkGroup(gspace, in);
        checkGroup(gspace, out);
        if (gspace.dimensionality() == 3) {
            return sampleSpatial(gspace, in, out, kernelSize, dilation);
        }
        SamplingPlan plan = policy.resolve(kernelSize, dilation);
        PlanarSymmetry symmetry = symmetryOf(gspace);
        int order = rotationOrder(gspace, symmetry);
        return KernelBasisCache.sampled(symmetry, order, gspace.axis(), decomposition(in, symmetry, order),
                decomposition(out, symmetry, order), plan);
    }

    private Optional<SampledBasis> sampleSpatial(GSpace gspace, Representation in, Representation out,
                                                 int kernelSize, int dilation) {
        if (policy.basisFilter().isPresent()) {
            throw new IllegalArgumentException("a basis filter is not supported on the 3D G-space " + gspace.name()
                    + " (its elements are " + SphericalBasisElement.class.getSimpleName() + "s, not the planar "
                    + BasisElement.class.getSimpleName() + "s the filter reads); use rings, sigma and the frequency"
                    + " cut-off instead");
        }
        if (policy.maximumOffset().isPresent()) {
            throw new IllegalArgumentException("a maximum offset is not defined on the 3D G-space " + gspace.name()
                    + " (escnn's R3Conv has none), got " + policy.maximumOffset().getAsInt());
        }
        return KernelBasisCache.sampled(gspace, in, out, policy.resolve(kernelSize, dilation, 3));
    }

    /** The solution family of a G-space: its action and the kind of its fibergroup. */
    public static PlanarSymmetry symmetryOf(GSpace gspace) {
        Group g = gspace.fibergroup();
        return switch (gspace.action()) {
            case ROTATIONS -> g.isFinite() ? PlanarSymmetry.CYCLIC : PlanarSymmetry.SO2;
            case FLIPS_AND_ROTATIONS -> g.isFinite() ? PlanarSymmetry.DIHEDRAL : PlanarSymmetry.O2;
            case FLIPS -> PlanarSymmetry.FLIP;
            case TRIVIAL -> PlanarSymmetry.CYCLIC;
            case NONE -> throw new IllegalArgumentException(gspace.name() + " has no base space, so no convolution"
                    + " kernels: its equivariant maps are the fiber intertwiners (" + FiberIntertwinerSampler.class
                    .getSimpleName() + ")");
            case ROTATIONS_3D, ROTATIONS_AND_INVERSION_3D, ROTATIONS_ABOUT_Z, DIHEDRAL_ABOUT_Z, CONICAL, MIRROR, INVERSION,
                    TRIVIAL_3D ->
                    throw new IllegalArgumentException(gspace.name() + " acts on R^3: its kernels are not planar ones");
        };
    }

    /** N of C_N and D_N, 2 for the flip group, -1 for SO(2) and O(2) (the rotation order the solutions take). */
    public static int rotationOrder(GSpace gspace, PlanarSymmetry symmetry) {
        return switch (symmetry) {
            case CYCLIC, DIHEDRAL -> gspace.fibergroup().rotationOrder();
            case FLIP -> 2;
            case SO2, O2 -> -1;
        };
    }

    static void checkGroup(GSpace gspace, Representation r) {
        if (!r.group().equals(gspace.fibergroup())) {
            throw new IllegalArgumentException("representation " + r.name() + " of " + r.group().name()
                    + " does not belong to the G-space " + gspace.name() + " (group " + gspace.fibergroup().name()
                    + ")");
        }
    }

    static IrrepDecomposition decomposition(Representation r, PlanarSymmetry symmetry, int order) {
        List<IrreducibleRepresentation> irreps = r.irreps();
        String[] names = new String[irreps.size()];
        PlanarIrrep[] ids = new PlanarIrrep[irreps.size()];
        for (int k = 0; k < ids.length; k++) {
            IrreducibleRepresentation irr = irreps.get(k);
            names[k] = irr.name();
            ids[k] = new PlanarIrrep(irr.flipFrequency(), irr.frequency());
        }
        return new IrrepDecomposition(symmetry, order, names, ids, r.changeOfBasis(), r.changeOfBasisInv());
    }
}
