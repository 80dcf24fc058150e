package org.e2dl4j.samples.voxel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.junit.jupiter.api.Test;

/**
 * The rotations follow the Haar measure of SO(3), by two of its moments: for uniform R the character of the
 * 3-dimensional representation has mean 0 ({@code E[tr R] = 0}, no invariant vector) and mean square 1
 * ({@code E[tr(R)^2] = 1}, one invariant in the tensor square); and a seed gives the same sequence twice.
 */
class UniformRotationsTest {

    @Test
    void theTraceHasTheMomentsOfTheHaarMeasure() {
        UniformRotations rotations = new UniformRotations(11);
        int n = 40_000;
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < n; i++) {
            double[][] m = rotations.next().getMatrix();
            double trace = m[0][0] + m[1][1] + m[2][2];
            sum += trace;
            sumOfSquares += trace * trace;
        }
        // the trace lies in [-1, 3]: its standard deviation is 1, so the means are within 0.03 at 6 sigma
        assertEquals(0, sum / n, 0.03, "mean trace");
        assertEquals(1, sumOfSquares / n, 0.05, "mean squared trace");
    }

    @Test
    void aSeedGivesTheSameRotations() {
        Rotation a = new UniformRotations(7).next();
        Rotation b = new UniformRotations(7).next();
        assertArrayEquals(a.getMatrix()[0], b.getMatrix()[0]);
        assertArrayEquals(a.getMatrix()[2], b.getMatrix()[2]);
    }
}
