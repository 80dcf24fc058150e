package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.e2dl4j.math.Mat;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.Subgroup;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.group.TestGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RestrictionTest {

    private static final double TOL = 1e-9;

    /**
     * Every sample irrep, regular, quotient, direct sum and change of basis of C_N / D_N with N up to 8 and of
     * SO(2) / O(2), with every (sampled) subgroup id of its group. Induced and restricted representations are
     * left out: restriction acts irrep by irrep, which the irreps here cover.
     */
    static Stream<Arguments> restrictions() {
        List<Arguments> args = new ArrayList<>();
        for (Representation rho : SampleRepresentations.all()) {
            Group g = rho.group();
            boolean small = !g.isFinite() || g.rotationOrder() <= 8;
            if (small && !rho.name().contains(":") && !rho.name().startsWith("induced[")) {
                for (SubgroupId id : TestGroups.subgroupIds(g)) {
                    args.add(Arguments.of(rho, id));
                }
            }
        }
        return args.stream();
    }

    /** Res rho (h) = rho(toParent(h)) for every h of the subgroup, with the subgroup's irreps. */
    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("restrictions")
    void restrictionCommutesWithTheElementMaps(Representation rho, SubgroupId id) {
        Group g = rho.group();
        Subgroup sub = g.subgroup(id);
        Representation res = Representations.restrict(rho, id);
        String where = g + "|" + rho.name() + " restricted to " + id;
        assertEquals(sub.group(), res.group(), where + ": group");
        assertEquals(g.name() + ":" + rho.name(), res.name(), where + ": e2cnn's name");
        assertEquals(rho.size(), res.size(), where + ": size");
        Group h = sub.group();
        for (GroupElement x : h.isFinite() ? h.elements() : h.testingElements()) {
            Mat.assertClose(rho.matrix(sub.toParent(x)), res.matrix(x), TOL, where + " at " + x);
        }
        double[][] q = res.changeOfBasis();
        Mat.assertClose(Mat.identity(res.size()), Mat.multiply(q, Mat.transpose(q)), TOL, where + ": Q Q^T");
    }

    @Test
    void restrictedIrrepsFollowE2cnnRules() {
        // C8 irrep_3 on C4: frequency 3 folds to 1 with Q = diag(1, -1)
        Representation c = Representations.restrict(Representations.irrep(Groups.cyclic(8), 3), SubgroupId.rotations(4));
        assertEquals(List.of("irrep_1"), names(c), "C8|irrep_3 on C4");
        Mat.assertClose(new double[][] {{1, 0}, {0, -1}}, c.changeOfBasis(), 0, "C8|irrep_3 on C4: Q");
        // C8 irrep_2 on C2: two copies of irrep_0
        assertEquals(List.of("irrep_0", "irrep_0"),
                names(Representations.restrict(Representations.irrep(Groups.cyclic(8), 2), SubgroupId.rotations(2))),
                "C8|irrep_2 on C2");
        // D4 irrep_1,1 on the flips {e, r f}: reflection axis rotated by pi/4, Q = rot(pi / 4)
        Representation f = Representations.restrict(Representations.irrep(Groups.dihedral(4), 1, 1),
                SubgroupId.dihedral(1, 1));
        assertEquals(List.of("irrep_0", "irrep_1"), names(f), "D4|irrep_1,1 on (1, 1)");
        double s = Math.sqrt(0.5);
        Mat.assertClose(new double[][] {{s, -s}, {s, s}}, f.changeOfBasis(), 1e-15, "D4|irrep_1,1 on (1, 1): Q");
        // D4 irrep_0,2 ((-1)^k) on the flips {e, r f}: r f maps to -1
        assertEquals(List.of("irrep_1"), names(Representations.restrict(Representations.irrep(Groups.dihedral(4), 0, 2),
                SubgroupId.dihedral(1, 1))), "D4|irrep_0,2 on (1, 1)");
        // D8 irrep_1,2 on D2 = (0, 2): frequency 2 = M is 0 mod M, splits into irrep_0,0 + irrep_1,0
        assertEquals(List.of("irrep_0,0", "irrep_1,0"), names(Representations.restrict(
                Representations.irrep(Groups.dihedral(8), 1, 2), SubgroupId.dihedral(0, 2))), "D8|irrep_1,2 on (0, 2)");
        // O(2) irrep_1,3 on SO(2): irrep_3
        assertEquals(List.of("irrep_3"), names(Representations.restrict(Representations.irrep(Groups.o2(4), 1, 3),
                SubgroupId.orthogonal(null, -1))), "O(2)|irrep_1,3 on SO(2)");
    }

    @Test
    void restrictionKeepsTheNonlinearitiesAndAddsPointwiseWhenTrivial() {
        Group d4 = Groups.dihedral(4);
        Representation reg = Representations.restrict(Representations.regular(d4), SubgroupId.dihedral(null, 4));
        assertEquals(Representations.regular(d4).supportedNonlinearities(), reg.supportedNonlinearities(),
                "D4|regular on C4");
        Representation sign = Representations.restrict(Representations.irrep(d4, 1, 0), SubgroupId.dihedral(null, 4));
        assertTrue(sign.isTrivial(), "D4|irrep_1,0 on C4 is trivial");
        assertEquals(EnumSet.of(Nonlinearity.NORM, Nonlinearity.GATED, Nonlinearity.CONCATENATED, Nonlinearity.POINTWISE),
                sign.supportedNonlinearities(), "D4|irrep_1,0 on C4 gains pointwise");
    }

    @Test
    void restrictingToAnIdThatIsNotASubgroupIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Representations.restrict(Representations.regular(Groups.dihedral(6)), SubgroupId.dihedral(null, 4)));
        assertTrue(e.getMessage().contains("M dividing 6"), "D6 to (None, 4): " + e.getMessage());
    }

    private static List<String> names(Representation r) {
        return r.irreps().stream().map(Representation::name).toList();
    }
}
