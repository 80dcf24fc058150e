package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Subgroup;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FieldTypeTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    private static INDArray unit(int channels, int size, int channel, int row, int col) {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, 1, channels, size, size);
        x.putScalar(new int[] {0, channel, row, col}, 1.0);
        return x;
    }

    private static void assertSame(INDArray expected, INDArray got, double tol, String what) {
        double err = expected.sub(got).amaxNumber().doubleValue();
        assertTrue(err <= tol, what + ": expected " + expected + "\n got " + got + "\n (max difference " + err + ")");
    }

    @Test
    void sizesAndFieldBoundariesFollowTheRepresentations() {
        FieldType t = new FieldType(C4, List.of(C4.regularRepr(), C4.trivialRepr(), C4.irrep(1)));
        assertEquals(7, t.size(), "size of regular(4) + trivial(1) + irrep_1(2)");
        assertEquals(3, t.fieldCount(), "field count");
        assertArrayEquals(new int[] {0, 4, 5}, t.fieldStarts(), "field starts");
        assertArrayEquals(new int[] {4, 5, 7}, t.fieldEnds(), "field ends");
    }

    @Test
    void plusSortedIndexSelectAndGroupByLabelsRearrangeFields() {
        FieldType a = FieldType.regular(C4, 1);
        FieldType b = FieldType.trivial(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        FieldType sum = a.plus(b);
        assertEquals(List.of(C4.regularRepr(), C4.trivialRepr(), C4.irrep(1)), sum.representations(), "plus");
        assertEquals(List.of(C4.trivialRepr(), C4.irrep(1), C4.regularRepr()), sum.sorted().representations(),
                "sorted by size");
        assertArrayEquals(new int[] {4, 5, 6, 0, 1, 2, 3}, sum.sortingPermutation(), "channels of the sorted type");
        assertEquals(b, sum.indexSelect(List.of(1, 2)), "indexSelect of the last two fields");
        assertArrayEquals(new int[] {5, 6, 4}, sum.channelIndices(List.of(2, 1)), "channels of fields 2, 1");
        Map<String, FieldType> groups = sum.groupByLabels(List.of("x", "y", "x"));
        assertEquals(List.of("x", "y"), List.copyOf(groups.keySet()), "labels in order of appearance");
        assertEquals(sum.indexSelect(List.of(0, 2)), groups.get("x"), "fields labelled x");
    }

    @Test
    void changeOfBasisIsOrthogonalAndDiagonalisesTheFiberIntoIrreps() {
        FieldType t = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        double[][] q = t.changeOfBasis();
        double[][] qi = t.changeOfBasisInv();
        for (int i = 0; i < t.size(); i++) {
            for (int j = 0; j < t.size(); j++) {
                double qqt = 0;
                double qqi = 0;
                for (int k = 0; k < t.size(); k++) {
                    qqt += q[i][k] * q[j][k];
                    qqi += q[i][k] * qi[k][j];
                }
                assertEquals(i == j ? 1 : 0, qqt, 1e-12, "Q Q^T of D4 regular + irrep_1,1 at " + i + "," + j);
                assertEquals(i == j ? 1 : 0, qqi, 1e-12, "Q Q^-1 at " + i + "," + j);
            }
        }
    }

    @Test
    void fiberMatricesFormAHomomorphism() {
        FieldType t = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 2, 1, 1));
        Group g = D4.fibergroup();
        for (GroupElement a : g.elements()) {
            for (GroupElement b : g.elements()) {
                INDArray lhs = Nd4j.createFromArray(t.fiberMatrix(g.combine(a, b)));
                INDArray rhs = Nd4j.createFromArray(t.fiberMatrix(a)).mmul(Nd4j.createFromArray(t.fiberMatrix(b)));
                assertSame(lhs, rhs, 1e-12, "rho(ab) = rho(a) rho(b) for a=" + a + ", b=" + b);
            }
        }
    }

    @Test
    void quarterTurnMovesTheTopCentrePixelToTheLeftCentre() {
        FieldType scalar = FieldType.trivial(C4, 1);
        INDArray moved = scalar.transform(unit(1, 3, 0, 0, 1), C4.fibergroup().elements().get(1));
        assertSame(unit(1, 3, 0, 1, 0), moved, 0, "C4 element 1 on a 3x3 scalar map (e2cnn's orientation)");
    }

    @Test
    void quarterTurnShiftsTheChannelsOfARegularFieldAndRotatesVectors() {
        GroupElement r1 = C4.fibergroup().elements().get(1);
        INDArray shifted = FieldType.regular(C4, 1).transform(unit(4, 3, 0, 1, 1), r1);
        assertSame(unit(4, 3, 1, 1, 1), shifted, 1e-12, "regular field: e_0 -> e_(r1 * 0) = e_1 at the centre");
        INDArray rotated = FieldType.irrep(C4, 1, 1).transform(unit(2, 3, 0, 1, 1), r1);
        assertSame(unit(2, 3, 1, 1, 1), rotated, 1e-12, "irrep_1 field: vector (1, 0) -> (0, 1) at the centre");
    }

    @Test
    void transformsComposeLikeTheGroup() {
        FieldType t = new FieldType(D4, List.of(D4.regularRepr(), D4.irrep(1, 1), D4.trivialRepr(), D4.irrep(1, 0)));
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 9, 2, t.size(), 5, 5);
        Group g = D4.fibergroup();
        GroupElement r1 = g.elements().get(1);
        GroupElement flip = g.elements().get(4);
        for (GroupElement a : g.elements()) {
            for (GroupElement b : List.of(r1, flip, g.combine(r1, flip))) {
                assertSame(t.transform(x, g.combine(a, b)), t.transform(t.transform(x, b), a), 1e-12,
                        "(ab).x = a.(b.x) for a=" + a + ", b=" + b);
            }
        }
    }

    @Test
    void splineResamplingNextToAQuarterTurnIsNextToThePixelPermutation() {
        GSpace so2 = GSpaces.rot2dOnR2(-1, 2);
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 4, 1, 3, 7, 7);
        FieldType t = FieldType.trivial(so2, 3);
        for (int k = 0; k < 4; k++) {
            INDArray exact = t.transform(x, GroupElement.continuous(0, k * Math.PI / 2));
            INDArray interpolated = t.transform(x, GroupElement.continuous(0, k * Math.PI / 2 + 1e-7));
            // the spline is C1: a turn 1e-7 away moves every source point by at most 5e-7 pixels; the border
            // pixels' sources leave the grid on one side and are 0 there, so only the inner 5 x 5 is compared
            INDArray inner = interpolated.sub(exact).get(NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.interval(1, 6), NDArrayIndex.interval(1, 6));
            assertTrue(inner.amaxNumber().doubleValue() < 1e-5, "spline vs permutation at " + k + " quarter turns");
        }
    }

    @Test
    void splineRotationKeepsAConstantMapInsideTheInscribedDisk() {
        GSpace so2 = GSpaces.rot2dOnR2(-1, 2);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 1, 1, 9, 9);
        INDArray rotated = FieldType.trivial(so2, 1).transform(ones, GroupElement.continuous(0, 0.3));
        for (int r = 0; r < 9; r++) {
            for (int c = 0; c < 9; c++) {
                if ((r - 4) * (r - 4) + (c - 4) * (c - 4) <= 9) {
                    assertEquals(1.0, rotated.getDouble(0, 0, r, c), 1e-12, "constant 1 at pixel " + r + "," + c);
                }
            }
        }
    }

    @Test
    void restrictionActsLikeTheParentOnSubgroupElements() {
        FieldType t = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        SubgroupId rotations = SubgroupId.dihedral(null, 4);
        FieldType r = t.restrict(rotations);
        assertEquals(GSpaces.rot2dOnR2(4), r.gspace(), "D4 restricted to (None, 4) is C4 acting by rotations");
        assertEquals(t.size(), r.size(), "restriction keeps the channels");
        Subgroup sub = D4.fibergroup().subgroup(rotations);
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 5, 1, t.size(), 5, 5);
        for (GroupElement h : sub.group().elements()) {
            assertSame(t.transform(x, sub.toParent(h)), r.transform(x, h), 1e-12, "restricted action of " + h);
        }
    }

    @Test
    void badArgumentsAreRejectedWithTheirValues() {
        IllegalArgumentException group = assertThrows(IllegalArgumentException.class,
                () -> new FieldType(C4, List.of(D4.regularRepr())));
        assertTrue(group.getMessage().contains("D4") && group.getMessage().contains("C4"), group.getMessage());
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> FieldType.regular(C4, 2).checkFeatureMap(Nd4j.zeros(1, 5, 3, 3), "test"));
        assertTrue(channels.getMessage().contains("expected 8 channels") && channels.getMessage().contains("got 5"),
                channels.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FieldType.trivial(C4, 1).plus(FieldType.trivial(D4, 1)));
    }
}
