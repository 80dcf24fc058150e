package org.e2dl4j.nn.pooling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The max-based poolings propagate NaN as PyTorch's {@code max_pool2d} / {@code adaptive_max_pool2d}: a window
 * holding a NaN gives NaN, the others their maximum (libnd4j's max pooling alone skips NaN). Expected values
 * checked against torch.
 */
class PoolingNaNTest {

    private static final double NAN = Double.NaN;
    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType SCALAR = FieldType.trivial(C4, 1);
    /** A 4 x 4 map with NaN in the top-left and bottom-right 2 x 2 windows. */
    private static final double[][] MAP = {{NAN, 0.3, 1, 2}, {0.7, 0.1, 3, 4}, {5, 6, NAN, NAN}, {7, 8, NAN, NAN}};

    private static INDArray map(double[][] rows) {
        return Nd4j.createFromArray(rows).reshape(1, 1, rows.length, rows[0].length);
    }

    @Test
    void maxPoolOfAWindowHoldingNaNIsNaN() {
        INDArray y = LayerRunner.forward(new PointwiseMaxPool.Builder(SCALAR, 2).build(), TestNetworks.input(SCALAR, 4),
                map(MAP));
        assertArrayEquals(new double[] {NAN, 4, 8, NAN}, y.data().asDouble(), 0.0);
        INDArray dx = LayerRunner.backward(new PointwiseMaxPool.Builder(SCALAR, 2).build(),
                TestNetworks.input(SCALAR, 4), map(MAP), Nd4j.ones(1, 1, 2, 2));
        assertEquals(1.0, dx.getDouble(0, 0, 1, 3), 0.0, "a finite window's gradient goes to its maximum");
    }

    @Test
    void adaptiveMaxPoolPropagatesNaNOnUniformAndUnevenWindows() {
        INDArray uniform = LayerRunner.forward(new PointwiseAdaptiveMaxPool.Builder(SCALAR, 2).build(),
                TestNetworks.input(SCALAR, 4), map(MAP));
        assertArrayEquals(new double[] {NAN, 4, 8, NAN}, uniform.data().asDouble(), 0.0);
        // 3 -> 2 cells: windows [0, 2) and [1, 3) along each axis; the NaN at (0, 0) is in the first only
        double[][] odd = {{NAN, 1, 2}, {3, 4, 5}, {6, 7, 8}};
        INDArray uneven = LayerRunner.forward(new PointwiseAdaptiveMaxPool.Builder(SCALAR, 2).build(),
                TestNetworks.input(SCALAR, 3), map(odd));
        assertArrayEquals(new double[] {NAN, 5, 7, 8}, uneven.data().asDouble(), 0.0);
        INDArray dx = LayerRunner.backward(new PointwiseAdaptiveMaxPool.Builder(SCALAR, 2).build(),
                TestNetworks.input(SCALAR, 3), map(odd), Nd4j.ones(1, 1, 2, 2));
        assertEquals(1.0, dx.getDouble(0, 0, 2, 2), 0.0, "the last window's gradient goes to its maximum, 8");
    }

    @Test
    void antialiasedMaxPoolSpreadsNaNInsteadOfHidingIt() {
        double[][] one = new double[5][5];
        one[2][2] = NAN;
        INDArray y = LayerRunner.forward(new PointwiseMaxPoolAntialiased.Builder(SCALAR, 2).build(),
                TestNetworks.input(SCALAR, 5), map(one));
        assertTrue(Double.isNaN(y.getDouble(0, 0, 1, 1)), "the output over the NaN pixel must be NaN, got " + y);
    }

    @Test
    void normMaxPoolOfAWindowWithANaNNormIsNaNForTheWholeField() {
        // two irrep-1 fields (2 channels each) on 2 x 2 pixels, one window: field 0 has (NaN, 0.5) at (0, 0) and
        // (3, 4) at (1, 1); field 1 has (1, 0) at (0, 0) and (0, 2) at (0, 1). e2cnn would give (NaN, 0.5) for
        // field 0 (the vector at the NaN norm); here the whole field is NaN.
        FieldType type = FieldType.irrep(C4, 2, 1);
        INDArray x = Nd4j.createFromArray(new double[] {NAN, 0, 0, 3, 0.5, 0, 0, 4, 1, 0, 0, 0, 0, 2, 0, 0})
                .reshape(1, 4, 2, 2);
        INDArray y = LayerRunner.forward(new NormMaxPool.Builder(type, 2).build(), TestNetworks.input(type, 2), x);
        assertArrayEquals(new double[] {NAN, NAN, 0, 2}, y.data().asDouble(), 0.0,
                "field 0 is NaN; field 1 keeps its vector of largest norm, (0, 2) at (0, 1)");
    }
}
