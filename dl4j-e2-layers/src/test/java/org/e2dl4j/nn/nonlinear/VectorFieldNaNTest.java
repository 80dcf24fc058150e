package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * VectorFieldNonLinearity propagates NaN as e2cnn's ({@code torch.max} over the rotations is NaN, and so is the
 * vector): libnd4j's max alone skips NaN and would give a finite vector.
 */
class VectorFieldNaNTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    @Test
    void aFieldHoldingNaNGivesANaNVector() {
        FieldType type = FieldType.regular(C4, 2);
        INDArray x = Nd4j.createFromArray(Double.NaN, 0.2, 0.9, 0.1, 0.2, 0.9, 0.1, 0.3).reshape(1, 8, 1, 1);
        INDArray y = LayerRunner.forward(new VectorFieldNonLinearity.Builder(type).build(), TestNetworks.input(type, 1),
                x);
        // field 1: maximum 0.9 at rotation 1, angle pi / 2: (0.9 cos(pi/2), 0.9 sin(pi/2))
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 0.9 * Math.cos(Math.PI / 2), 0.9},
                y.data().asDouble(), 1e-15);
        LayerRunner.backward(new VectorFieldNonLinearity.Builder(type).build(), TestNetworks.input(type, 1), x,
                Nd4j.ones(1, 4, 1, 1));
    }
}
