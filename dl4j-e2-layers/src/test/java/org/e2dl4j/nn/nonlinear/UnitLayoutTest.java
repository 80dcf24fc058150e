package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link UnitLayout} and {@link UnitMaps} on small hand-worked types. */
class UnitLayoutTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    /** [irrep_1 (ch 0-1), trivial (ch 2), regular (ch 3-6), irrep_1 (ch 7-8)]. */
    private static final FieldType MIXED = FieldType.irrep(C4, 1, 1).plus(FieldType.trivial(C4, 1))
            .plus(FieldType.regular(C4, 1)).plus(FieldType.irrep(C4, 1, 1));

    @Test
    void unitFieldsAreSortedStablyBySizeAsE2cnnGroupsThem() {
        UnitLayout l = UnitLayout.of(MIXED, new int[] {2, 1, 4, 2});
        // sizes 1, 2, 2, 4: trivial (2), irrep_1 (0, 1), irrep_1 (7, 8), regular (3..6)
        assertArrayEquals(new int[] {2, 0, 1, 7, 8, 3, 4, 5, 6}, l.order());
        assertFalse(l.isInputOrder());
        assertEquals(List.of(new UnitLayout.Block(0, 0, 1, 1), new UnitLayout.Block(1, 1, 2, 2),
                new UnitLayout.Block(5, 3, 1, 4)), l.blocks());
        assertArrayEquals(new int[] {0, 1, 1, 2, 2, 3, 3, 3, 3}, l.unitOfChannel());
        assertArrayEquals(new int[] {1, 1, 0, 3, 3, 3, 3, 2, 2}, l.unitOfInputChannel());
        for (int c = 0; c < 9; c++) {
            assertEquals(c, l.order()[l.inverseOrder()[c]], "inverse permutation at channel " + c);
        }
    }

    @Test
    void gatesComeFirstAndSubFieldsAreUnits() {
        // [gated regular (0-3), gate trivial (4), gate trivial (5), gated irrep_1 (6-7)], regular gated per 2-channel unit
        FieldType t = FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 2)).plus(FieldType.irrep(C4, 1, 1));
        UnitLayout l = UnitLayout.of(t, new int[] {2, 0, 0, 2});
        assertEquals(2, l.gateChannels());
        // the irrep_1 field (size 2) sorts before the regular field (size 4)
        assertArrayEquals(new int[] {4, 5, 6, 7, 0, 1, 2, 3}, l.order());
        assertEquals(3, l.units());
        assertArrayEquals(new int[] {0, 1, 1}, l.fieldOfUnit());
        assertArrayEquals(new int[] {1, 1, 2, 2, -1, -1, 0, 0}, l.unitOfInputChannel());
    }

    @Test
    void unitSizesMustDivideTheFields() {
        assertThrows(IllegalArgumentException.class, () -> UnitLayout.of(MIXED, new int[] {2, 1, 3, 2}));
        assertThrows(IllegalArgumentException.class, () -> UnitLayout.of(MIXED, new int[] {2, 1}));
    }

    @Test
    void mapsSumAndBroadcastPerUnitAndMapFieldsToUnits() {
        UnitLayout l = UnitLayout.of(MIXED, new int[] {2, 1, 2, 2});
        UnitMaps maps = new UnitMaps(l, DataType.DOUBLE);
        assertTrue(maps.permutes());
        INDArray x = Nd4j.arange(9).castTo(DataType.DOUBLE).reshape(1, 9, 1);
        INDArray canonical = maps.toCanonical(x, Nd4j.create(DataType.DOUBLE, 1, 9, 1));
        assertArrayEquals(new double[] {2, 0, 1, 7, 8, 3, 4, 5, 6}, canonical.data().asDouble(), 0.0,
                "sizes 1, 2, 2, 4: trivial, irrep_1, irrep_1, regular (in units of 2)");
        INDArray sums = Nd4j.create(DataType.DOUBLE, 1, l.units(), 1);
        maps.unitSums(canonical, sums);
        assertArrayEquals(new double[] {2, 1, 15, 7, 11}, sums.data().asDouble(), 0.0, "per-unit sums");
        INDArray back = maps.fromCanonical(canonical, Nd4j.create(DataType.DOUBLE, 1, 9, 1));
        assertEquals(x, back, "fromCanonical inverts toCanonical");
        INDArray perUnit = Nd4j.createFromArray(10.0, 20.0, 30.0, 40.0, 50.0).reshape(1, 5, 1);
        assertArrayEquals(new double[] {10, 20, 20, 30, 30, 40, 40, 50, 50},
                maps.expand(perUnit, Nd4j.create(DataType.DOUBLE, 1, 9, 1)).data().asDouble(), 0.0, "broadcast");
        // unit fields in canonical order: trivial (1 unit), irrep_1 (1), irrep_1 (1), regular (2 units)
        assertArrayEquals(new double[] {1, 2, 3, 4, 4}, maps.fieldToUnits(Nd4j.createFromArray(1.0, 2, 3, 4))
                .data().asDouble(), 0.0, "field values to units");
        assertArrayEquals(new double[] {1, 2, 3, 9}, maps.unitsToFields(Nd4j.createFromArray(1.0, 2, 3, 4, 5))
                .data().asDouble(), 0.0, "unit values summed per field");
    }
}
