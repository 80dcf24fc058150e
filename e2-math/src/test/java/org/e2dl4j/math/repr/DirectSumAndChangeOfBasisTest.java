package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import org.e2dl4j.math.Mat;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.kernel.HaarOrthogonal;
import org.junit.jupiter.api.Test;

class DirectSumAndChangeOfBasisTest {

    private static final double EXACT = 1e-12;

    @Test
    void directSumIsBlockDiagonalWithConcatenatedIrrepsAndCommonNonlinearities() {
        Group d4 = Groups.dihedral(4);
        List<Representation> parts = List.of(Representations.regular(d4), Representations.irrep(d4, 1, 1),
                Representations.quotient(d4, SubgroupId.dihedral(null, 2)));
        Representation sum = Representations.directSum(parts, null);
        assertEquals("[regular]_[irrep_1,1]_[quotient[(None, 2)]]", sum.name(), "D4 direct sum: e2cnn's default name");
        assertEquals(8 + 2 + 4, sum.size(), "D4 direct sum: size");
        for (GroupElement x : d4.elements()) {
            Mat.assertClose(Mat.blockDiagonal(parts.stream().map(p -> p.matrix(x)).toList()), sum.matrix(x), EXACT,
                    "D4|" + sum.name() + " at " + x);
        }
        assertEquals(parts.stream().flatMap(r -> r.irreps().stream()).toList(), sum.irreps(),
                "D4 direct sum: the parts' irreps, in order");
        assertEquals(EnumSet.of(Nonlinearity.NORM, Nonlinearity.GATED), sum.supportedNonlinearities(),
                "D4|" + sum.name() + ": nonlinearities all parts support");
        assertTrue(sum.inducedSubfieldSize().isEmpty(), "no induced nonlinearity without irrep_1,1 supporting it");
    }

    @Test
    void directSumOfInducedRepresentationsKeepsAOnlyACommonSubfieldSize() {
        Group c8 = Groups.cyclic(8);
        Representation q2 = Representations.quotient(c8, SubgroupId.rotations(2));
        Representation q4 = Representations.quotient(c8, SubgroupId.rotations(4));
        Representation same = Representations.directSum(List.of(q2, q4), null);
        assertTrue(same.supports(Nonlinearity.INDUCED_NORM), "C8 quotients share sub-field size 1");
        assertEquals(1, same.inducedSubfieldSize().getAsInt(), "C8 quotients: sub-field size");
        Representation planar = Representations.induced(c8, SubgroupId.rotations(4),
                Representations.irrep(Groups.cyclic(4), 1));
        Representation mixed = Representations.directSum(List.of(q2, planar), null);
        assertTrue(!mixed.supports(Nonlinearity.INDUCED_NORM) && mixed.inducedSubfieldSize().isEmpty(),
                "sub-field sizes 1 and 2 do not combine: " + mixed.supportedNonlinearities());
        assertTrue(mixed.supports(Nonlinearity.NORM), "norm survives the direct sum");
    }

    @Test
    void directSumOfDifferentGroupsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Representations.directSum(
                List.of(Representations.regular(Groups.cyclic(4)), Representations.regular(Groups.cyclic(8))), null));
        assertTrue(e.getMessage().contains("different groups"), e.getMessage());
    }

    @Test
    void changeOfBasisConjugatesEveryMatrix() {
        Group c8 = Groups.cyclic(8);
        Representation reg = Representations.regular(c8);
        double[][] b = HaarOrthogonal.sample(8, new Random(5));
        Representation rotated = Representations.changeBasis(reg, b, "rotated_regular", EnumSet.of(Nonlinearity.NORM));
        assertEquals("rotated_regular", rotated.name(), "C8 change of basis: name");
        assertEquals(EnumSet.of(Nonlinearity.NORM), rotated.supportedNonlinearities(), "C8 change of basis: nonlinearities");
        for (GroupElement x : c8.elements()) {
            Mat.assertClose(Mat.multiply(Mat.multiply(b, reg.matrix(x)), Mat.transpose(b)), rotated.matrix(x), 1e-12,
                    "C8|rotated_regular at " + x);
        }
        assertThrows(IllegalArgumentException.class, () -> Representations.changeBasis(reg, Mat.identity(3), "bad",
                EnumSet.noneOf(Nonlinearity.class)), "a 3 x 3 basis for an 8-dimensional representation");
        IllegalArgumentException induced = assertThrows(IllegalArgumentException.class, () -> Representations.changeBasis(
                reg, b, "bad", EnumSet.of(Nonlinearity.INDUCED_NORM)));
        assertTrue(induced.getMessage().contains("sub-fields"), induced.getMessage());
    }
}
