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

class InducedRepresentationTest {

    private static final double EXACT = 1e-12;

    static Stream<Arguments> inductions() {
        List<Arguments> args = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 8}) {
            for (Group g : List.of(Groups.cyclic(n), Groups.dihedral(n))) {
                for (SubgroupId id : TestGroups.subgroupIds(g)) {
                    for (IrreducibleRepresentation psi : Representations.irreps(g.subgroup(id).group())) {
                        args.add(Arguments.of(g, id, psi));
                    }
                }
            }
        }
        return args.stream();
    }

    /**
     * Ind(g) maps block r_j H to block r_i H (g r_j in r_i H) by psi(r_i^-1 g r_j); the decomposition into
     * irreps of G must rebuild this block matrix exactly, with |G| / |H| blocks of size(psi).
     */
    @ParameterizedTest(name = "{0} from {1}: {2}")
    @MethodSource("inductions")
    void inducedDecompositionRebuildsTheCosetBlockMatrix(Group g, SubgroupId id, IrreducibleRepresentation psi) {
        Representation ind = Representations.induced(g, id, psi);
        Subgroup sub = g.subgroup(id);
        Cosets cosets = new Cosets(sub);
        String where = g + "|" + ind.name();
        assertEquals("induced[" + id + "][" + psi.name() + "]", ind.name(), g + ": name");
        assertEquals(g.order() / sub.group().order() * psi.size(), ind.size(), where + ": size |G| / |H| * size(psi)");
        for (GroupElement x : g.elements()) {
            Mat.assertClose(cosets.inducedMatrix(psi, x), ind.matrix(x), EXACT, where + " at " + x);
        }
    }

    /**
     * Frobenius reciprocity: an irrep psi_i of G occurs in Ind psi as often as the H-mean of
     * chi_psi(h) chi_i(h^-1), divided by c_i (2 for complex-type irreps, else 1).
     */
    @ParameterizedTest(name = "{0} from {1}: {2}")
    @MethodSource("inductions")
    void inducedMultiplicitiesObeyFrobeniusReciprocity(Group g, SubgroupId id, IrreducibleRepresentation psi) {
        Representation ind = Representations.induced(g, id, psi);
        Subgroup sub = g.subgroup(id);
        for (IrreducibleRepresentation irr : Representations.irreps(g)) {
            // <chi_Ind, chi_irr>_G = <chi_psi, Res chi_irr>_H
            double overH = 0;
            for (GroupElement h : sub.group().elements()) {
                overH += psi.character(h) * irr.character(sub.toParent(sub.group().inverse(h)));
            }
            overH /= sub.group().order();
            long copies = ind.irreps().stream().filter(i -> i == irr).count();
            assertEquals(overH, copies * irr.sumOfSquaresConstituents(), 1e-9,
                    g + "|" + ind.name() + ": copies of " + irr.name());
        }
    }

    @Test
    void inducedNonlinearitiesFollowTheSubgroupIrrep() {
        Group d4 = Groups.dihedral(4);
        IrreducibleRepresentation sign = Representations.irrep(Groups.cyclic(2), 1);
        Representation ind = Representations.induced(d4, SubgroupId.dihedral(0, 1), sign);
        // irrep_1 of C2 supports norm, gated, concatenated (e2cnn)
        assertEquals(EnumSet.of(Nonlinearity.CONCATENATED, Nonlinearity.GATED, Nonlinearity.INDUCED_GATED,
                Nonlinearity.NORM, Nonlinearity.INDUCED_NORM), ind.supportedNonlinearities(), "D4|" + ind.name());
        assertEquals(1, ind.inducedSubfieldSize().getAsInt(), "D4|" + ind.name() + ": sub-field size");
        IrreducibleRepresentation planar = Representations.irrep(Groups.cyclic(4), 1);
        Representation ind2 = Representations.induced(Groups.cyclic(8), SubgroupId.rotations(4), planar);
        assertEquals(EnumSet.of(Nonlinearity.GATED, Nonlinearity.INDUCED_GATED, Nonlinearity.NORM,
                Nonlinearity.INDUCED_NORM), ind2.supportedNonlinearities(), "C8|" + ind2.name());
        assertEquals(2, ind2.inducedSubfieldSize().getAsInt(), "C8|" + ind2.name() + ": sub-field size");
    }

    @Test
    void inducingFromARepresentationOfAnotherGroupIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Representations.induced(
                Groups.dihedral(4), SubgroupId.dihedral(null, 2), Representations.irrep(Groups.cyclic(4), 1)));
        assertTrue(e.getMessage().contains("needs an irrep of C2"), "D4 from (None, 2) with a C4 irrep: " + e.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> Representations.induced(
                Groups.so2(3), SubgroupId.rotations(2), Representations.irrep(Groups.cyclic(2), 1)));
        assertTrue(c.getMessage().contains("finite group"), "SO(2) induction: " + c.getMessage());
    }
}
