package org.e2dl4j.math.repr;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.group.TestGroups;
import org.e2dl4j.math.kernel.HaarOrthogonal;

/** Representations of every kind the library builds, for the tests of properties all of them must have. */
final class SampleRepresentations {

    /** The N for which quotient, induced and restricted representations are built for every subgroup. */
    static final int[] COMPOSITE_N = {1, 2, 3, 4, 5, 6, 8, 16};

    private static List<Representation> all;

    private SampleRepresentations() {
    }

    /**
     * The irreps and regular representation of C_N and D_N for N up to 16; the quotients by every subgroup for
     * the N in {@link #COMPOSITE_N}, and for those up to 8 the representations induced from every irrep of every
     * subgroup and the restrictions of the regular representation and of every irrep to every subgroup; irreps
     * of SO(2) and O(2) and their restrictions; O(2)'s quotient by SO(2) and the representations induced from
     * SO(2), restricted to (0.5, -1) and to D_3; direct sums and changes of basis; user representations.
     */
    static synchronized List<Representation> all() {
        if (all != null) {
            return all;
        }
        List<Representation> list = new ArrayList<>();
        for (Group g : TestGroups.finiteGroups()) {
            list.addAll(Representations.irreps(g));
            list.add(Representations.regular(g));
        }
        for (int n : COMPOSITE_N) {
            for (Group g : List.of(Groups.cyclic(n), Groups.dihedral(n))) {
                for (SubgroupId id : TestGroups.subgroupIds(g)) {
                    list.add(Representations.quotient(g, id));
                    if (n <= 8) {
                        list.add(Representations.restrict(Representations.regular(g), id));
                        for (IrreducibleRepresentation irr : Representations.irreps(g)) {
                            list.add(Representations.restrict(irr, id));
                        }
                        for (IrreducibleRepresentation psi : Representations.irreps(g.subgroup(id).group())) {
                            list.add(Representations.induced(g, id, psi));
                        }
                    }
                }
            }
        }
        for (Group g : TestGroups.continuousGroups()) {
            list.addAll(Representations.irreps(g));
            for (SubgroupId id : TestGroups.subgroupIds(g)) {
                for (IrreducibleRepresentation irr : Representations.irreps(g)) {
                    list.add(Representations.restrict(irr, id));
                }
            }
            list.add(Representations.directSum(Representations.irreps(g), null));
        }
        Group o2 = Groups.o2(6);
        SubgroupId so2 = SubgroupId.orthogonal(null, -1);
        list.add(Representations.quotient(o2, so2));
        for (IrreducibleRepresentation psi : Representations.irreps(o2.subgroup(so2).group())) {
            Representation induced = Representations.induced(o2, so2, psi);
            list.add(induced);
            list.add(Representations.restrict(induced, SubgroupId.orthogonal(0.5, -1)));
            list.add(Representations.restrict(induced, SubgroupId.orthogonal(0.0, 3)));
        }
        Random rnd = new Random(11);
        Group c8 = Groups.cyclic(8);
        Group d4 = Groups.dihedral(4);
        Representation mixed = Representations.directSum(List.of(Representations.irrep(c8, 0),
                Representations.irrep(c8, 3), Representations.regular(c8), Representations.quotient(c8,
                SubgroupId.rotations(2))), null);
        list.add(mixed);
        list.add(Representations.changeBasis(mixed, HaarOrthogonal.sample(mixed.size(), rnd), "c8_rotated",
                EnumSet.noneOf(Nonlinearity.class)));
        Representation d4mixed = Representations.directSum(List.of(Representations.irrep(d4, 1, 1),
                Representations.quotient(d4, SubgroupId.dihedral(0, 1)), Representations.irrep(d4, 0, 2)), "d4_mixed");
        list.add(d4mixed);
        list.add(Representations.changeBasis(d4mixed, HaarOrthogonal.sample(d4mixed.size(), rnd), "d4_rotated",
                EnumSet.of(Nonlinearity.NORM)));
        list.add(Representations.restrict(d4mixed, SubgroupId.dihedral(1, 2)));
        list.add(Representations.fromIrreps(d4, "user_d4", List.of(Representations.irrep(d4, 1, 1),
                Representations.irrep(d4, 0, 2)), HaarOrthogonal.sample(3, rnd), EnumSet.of(Nonlinearity.NORM)));
        list.add(Representations.fromIrreps(o2, "user_o2", List.of(Representations.irrep(o2, 1, 3),
                Representations.irrep(o2, 1, 0)), HaarOrthogonal.sample(3, rnd), EnumSet.of(Nonlinearity.GATED)));
        list.add(Representations.fromDiscreteGroup(c8, "user_c8", regularMatrices(c8), EnumSet.of(Nonlinearity.POINTWISE)));
        all = List.copyOf(list);
        return all;
    }

    /** The permutation matrices e_h -> e_(gh) of the regular representation, by hand. */
    private static Map<GroupElement, double[][]> regularMatrices(Group g) {
        List<GroupElement> els = g.elements();
        Map<GroupElement, double[][]> m = new HashMap<>();
        for (GroupElement x : els) {
            double[][] p = new double[els.size()][els.size()];
            for (int h = 0; h < els.size(); h++) {
                p[els.indexOf(g.combine(x, els.get(h)))][h] = 1;
            }
            m.put(x, p);
        }
        return m;
    }
}
