package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.Subgroup;
import org.e2dl4j.math.group.SubgroupId;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The restriction of an irrep of a 3D group (SO(3), O(3), the octahedral and icosahedral groups) to a subgroup.
 * <ul>
 *   <li>to a finite subgroup: the decomposition of h -> psi(h) by characters and projections
 *       ({@link DiscreteDecomposition}: the irreps in escnn's order, by name);</li>
 *   <li>O(3) to SO(3): irrep_j,l becomes irrep_l;</li>
 *   <li>to SO(2) about the z axis: the pair (Y_l,m, Y_l,-m) of escnn's real basis turns by rot(m theta), so D_l
 *       becomes irrep_0 (+) irrep_1 (+) .. (+) irrep_l with Q's columns e_l, then e_(l+m), e_(l-m) for m = 1..l;</li>
 *   <li>to O(2) about z (dihedral: flip the pi rotation about x; conic: flip the mirror y -> -y): the flip acts on
 *       the pair as sigma_m diag(1, -1), with sigma_m = (-1)^(l+m) (dihedral) or (-1)^(j+l) (conic, for irrep_j,l),
 *       so the pair is irrep_1,m (in the basis (e_(l-m), -e_(l+m)) when sigma_m = -1) and Y_l,0 is irrep_0,0 or
 *       irrep_1,0 as sigma_0 is 1 or -1, in the order m = 0..l; with an axis a, the subgroup is the axis-0 one
 *       conjugated by a rotation C about z, and Q is psi(C) times the axis-0 Q;</li>
 *   <li>to the cylinder groups C_2 x SO(2) and C_2 x O(2) as to SO(2) and the dihedral O(2), each irrep of the planar
 *       factor paired with the inversion frequency j of irrep_j,l.</li>
 * </ul>
 */
final class SpatialRestriction {

    private SpatialRestriction() {
    }

    static boolean isSpatial(Group g) {
        return switch (g.kind()) {
            case SO3, O3, OCTAHEDRAL, FULL_OCTAHEDRAL, ICOSAHEDRAL, FULL_ICOSAHEDRAL, CYLINDRICAL, CYLINDRICAL_DISCRETE,
                    FULL_CYLINDRICAL, FULL_CYLINDRICAL_DISCRETE -> true;
            default -> false;
        };
    }

    private static boolean isOrthogonal3(Group g) {
        return g.kind() == GroupKind.SO3 || g.kind() == GroupKind.O3;
    }

    static IrrepRestriction of(IrreducibleRepresentation psi, Subgroup sub) {
        Group h = sub.group();
        if (h.isFinite()) {
            Map<GroupElement, double[][]> matrices = new HashMap<>();
            for (GroupElement e : h.elements()) {
                matrices.put(e, psi.matrix(sub.toParent(e)));
            }
            DiscreteDecomposition d = DiscreteDecomposition.of(h, matrices,
                    "the restriction of " + psi.name() + " of " + psi.group().name() + " to " + h.name());
            return new IrrepRestriction(d.changeOfBasis(), d.irreps());
        }
        int l = psi.frequency();
        int d = psi.size();
        if (h.kind() == GroupKind.SO3) {
            return new IrrepRestriction(Matrices.identity(d), List.of(Representations.irrep(h, l)));
        }
        if (!isOrthogonal3(psi.group())) {
            throw new IllegalArgumentException("the restriction of " + psi.name() + " of " + psi.group().name() + " to the"
                    + " continuous " + h.name() + " is not built (only from SO(3) and O(3))");
        }
        SubgroupId.Spatial kind = sub.id().spatial();
        // the cylinder groups keep O(3)'s inversion frequency as the first entry of their irreps' ids
        boolean cylinder = h.kind() == GroupKind.CYLINDRICAL || h.kind() == GroupKind.FULL_CYLINDRICAL;
        int j = psi.flipFrequency();
        double[][] q = new double[d][d];
        List<IrreducibleRepresentation> irreps = new ArrayList<>();
        q[l][0] = 1;
        if (h.kind() == GroupKind.SO2 || h.kind() == GroupKind.CYLINDRICAL) {
            irreps.add(cylinder ? Representations.irrep(h, j, 0) : Representations.irrep(h, 0));
            for (int m = 1; m <= l; m++) {
                q[l + m][2 * m - 1] = 1;
                q[l - m][2 * m] = 1;
                irreps.add(cylinder ? Representations.irrep(h, j, m) : Representations.irrep(h, m));
            }
            return new IrrepRestriction(q, irreps);
        }
        for (int m = 0; m <= l; m++) {
            int sigma = kind == SubgroupId.Spatial.CONE ? (psi.flipFrequency() + l) % 2 : (l + m) % 2;
            if (m == 0) {
                irreps.add(cylinder ? Representations.irrep(h, j, sigma, 0) : Representations.irrep(h, sigma, 0));
                continue;
            }
            if (sigma == 0) {
                q[l + m][2 * m - 1] = 1;
                q[l - m][2 * m] = 1;
            } else {
                q[l - m][2 * m - 1] = 1;
                q[l + m][2 * m] = -1;
            }
            irreps.add(cylinder ? Representations.irrep(h, j, 1, m) : Representations.irrep(h, 1, m));
        }
        double a = sub.id().axis();
        if (a != 0) {
            // the subgroup is C H_0 C^-1 for the rotation C by a (dihedral) or -a (conic) about z
            Rotation c = new Rotation(Vector3D.PLUS_K, kind == SubgroupId.Spatial.CONE ? -a : a,
                    RotationConvention.VECTOR_OPERATOR);
            q = Matrices.multiply(psi.matrix(GroupElement.spatial(0, c)), q);
        }
        return new IrrepRestriction(q, irreps);
    }
}
