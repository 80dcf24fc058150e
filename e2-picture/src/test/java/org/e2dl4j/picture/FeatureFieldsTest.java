package org.e2dl4j.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Scalar and vector fields: how they turn (the convention the arrows are drawn in) and how they are compared. */
class FeatureFieldsTest {

    private static final int SIDE = 5;

    /** Fields zero everywhere but at (row, column), where s = scalar and v = (vx, vy). */
    private static FeatureFields at(int row, int column, float scalar, float vx, float vy) {
        INDArray map = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 3, SIDE, SIDE);
        map.putScalar(new int[] {0, 0, row, column}, scalar);
        map.putScalar(new int[] {0, 1, row, column}, vx);
        map.putScalar(new int[] {0, 2, row, column}, vy);
        return FeatureFields.of(map);
    }

    @Test
    void aQuarterTurnCarriesAVectorPointingRightOnTheRightToOnePointingUpOnTop() {
        // the pixel right of the centre, (2, 3), is the point (1, 0); turned by 90 degrees it is (0, 1): pixel (1, 2).
        FeatureFields turned = at(2, 3, 2f, 1f, 0f).rotated(Math.PI / 2);
        assertEquals(2f, turned.scalar(1, 2), "the scalar moves along, unchanged");
        assertEquals(0f, turned.vectorX(1, 2), 1e-7, "v_x of the turned vector (1, 0)");
        assertEquals(1f, turned.vectorY(1, 2), 1e-7, "v_y of the turned vector (1, 0): it points up");
        assertEquals(0f, turned.vectorX(2, 3), "nothing is left at the old place");
    }

    @Test
    void stabilizingUndoesTheTurn() {
        FeatureFields f = at(1, 3, 1f, 0.5f, -2f);
        FeatureFields back = f.rotated(Math.PI).stabilized(Math.PI);
        assertEquals(0.0, back.relativeDifference(f), 1e-7, "turned by 180 degrees, then stabilized");
    }

    @Test
    void theRelativeDifferenceIsEuclideanOverTheDiskOnly() {
        FeatureFields reference = at(2, 2, 3f, 0f, 4f); // norm 5
        FeatureFields other = at(2, 2, 3f, 0f, 1f);     // differs by 3 in v_y
        assertEquals(3.0 / 5.0, other.relativeDifference(reference), 1e-7, "|(0, 0, 3)| / |(3, 0, 4)|");
        FeatureFields cornerOnly = at(0, 0, 100f, 100f, 100f);
        FeatureFields zero = at(2, 2, 0f, 0f, 0f);
        assertEquals(1.0, zero.relativeDifference(reference), 1e-7, "zero fields against the reference");
        assertThrows(IllegalArgumentException.class, () -> reference.relativeDifference(cornerOnly),
                "a reference that is zero on the disk (its only value sits in the corner) cannot scale a difference");
    }

    @Test
    void mapsThatAreNotOneSquareScalarAndVectorAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> FeatureFields.of(Nd4j.zeros(1, 2, SIDE, SIDE)), "two channels");
        assertThrows(IllegalArgumentException.class,
                () -> FeatureFields.of(Nd4j.zeros(1, 3, SIDE, SIDE + 2)), "not square");
    }
}
