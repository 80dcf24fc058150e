package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.Mat;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.TestGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegularRepresentationTest {

    /** Exact up to floating-point error in Q (diag of irreps) Q^T. */
    private static final double EXACT = 1e-12;

    static Stream<Group> finiteGroups() {
        return TestGroups.finiteGroups().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteGroups")
    void regularCharacterIsOrderAtIdentityAndZeroElsewhere(Group g) {
        Representation reg = Representations.regular(g);
        for (GroupElement e : g.elements()) {
            double expected = e.equals(g.identity()) ? g.order() : 0;
            assertEquals(expected, reg.character(e), 1e-9, g + "|regular: character at " + e);
        }
    }

    /** rho(g) e_h = e_(gh): the decomposition into irreps must rebuild this permutation exactly. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteGroups")
    void regularDecompositionRebuildsTheLeftMultiplicationPermutation(Group g) {
        Representation reg = Representations.regular(g);
        List<GroupElement> els = g.elements();
        assertEquals(g.order(), reg.size(), g + "|regular: size");
        for (GroupElement x : els) {
            double[][] expected = new double[els.size()][els.size()];
            for (int h = 0; h < els.size(); h++) {
                expected[els.indexOf(g.combine(x, els.get(h)))][h] = 1;
            }
            Mat.assertClose(expected, reg.matrix(x), EXACT, g + "|regular at " + x);
        }
        for (IrreducibleRepresentation irr : Representations.irreps(g)) {
            long copies = reg.irreps().stream().filter(i -> i == irr).count();
            assertEquals(irr.size() / irr.sumOfSquaresConstituents(), copies,
                    g + "|regular: copies of " + irr.name());
        }
        assertTrue(reg.supports(Nonlinearity.POINTWISE), g + "|regular supports pointwise");
    }

    static Stream<String> referenceFiniteGroups() {
        return ReferenceData.groupNames().stream().filter(k -> ReferenceData.groupEntry(k).has("regular"));
    }

    /** Irreps order and change of basis equal e2cnn's (rounded there to 8 decimals: tolerance 5e-9). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceFiniteGroups")
    void regularChangeOfBasisEqualsE2cnn(String key) {
        Group g = ReferenceData.group(key);
        Representation reg = Representations.regular(g);
        JsonNode ref = ReferenceData.groupEntry(key).get("regular");
        assertEquals(ReferenceData.strings(ref.get("irreps")),
                reg.irreps().stream().map(Representation::name).toList(), key + "|regular: irreps");
        Mat.assertClose(ReferenceData.matrix(ref.get("change_of_basis")), reg.changeOfBasis(),
                ReferenceData.ROUNDING + 1e-12, key + "|regular: change of basis");
        Mat.assertClose(ReferenceData.matrix(ref.get("change_of_basis_inv")), reg.changeOfBasisInv(),
                ReferenceData.ROUNDING + 1e-12, key + "|regular: inverse change of basis");
    }

    @Test
    void regularRepresentationOfAContinuousGroupIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Representations.regular(Groups.so2(4)));
        assertTrue(e.getMessage().contains("only for finite groups"), "SO(2) regular: " + e.getMessage());
    }
}
