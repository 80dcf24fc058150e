package org.e2dl4j.nn.invariant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The max-based invariant maps propagate NaN as e2cnn's (PyTorch's {@code max}): the maximum of a field holding a
 * NaN is NaN (libnd4j's max pooling alone gives 0.7 for (NaN, NaN, 0.3, 0.7) and -Double.MAX_VALUE for an all-NaN
 * field). Expected values checked against {@code torch.max}.
 */
class InvariantNaNTest {

    private static final double NAN = Double.NaN;
    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    private static INDArray pixel(double... channels) {
        return Nd4j.createFromArray(channels).reshape(1, channels.length, 1, 1);
    }

    @Test
    void groupPoolingOfAFieldHoldingNaNIsNaN() {
        FieldType type = FieldType.regular(C4, 3);
        INDArray x = pixel(NAN, NAN, 0.3, 0.7, NAN, NAN, NAN, NAN, 0.1, 0.9, -0.2, 0.4);
        INDArray y = LayerRunner.forward(new GroupPooling.Builder(type).build(), TestNetworks.input(type, 1), x);
        assertArrayEquals(new double[] {NAN, NAN, 0.9}, y.data().asDouble(), 0.0);
        INDArray dx = LayerRunner.backward(new GroupPooling.Builder(type).build(), TestNetworks.input(type, 1), x,
                pixel(1, 1, 1));
        assertEquals(1.0, dx.getDouble(0, 9, 0, 0), 0.0, "the finite field's gradient goes to its maximum");
    }

    @Test
    void inducedNormPoolOfASubfieldWithNaNIsNaN() {
        // C4 induced from C2's irrep 1: sub-fields of one channel each, norms |x_0| and |x_1|
        FieldType type = FieldType.of(C4, C4.inducedRepr(SubgroupId.rotations(2),
                Representations.irrep(C4.fibergroup().subgroup(SubgroupId.rotations(2)).group(), 1)), 2);
        INDArray x = pixel(NAN, 0.5, -0.25, 0.125);
        INDArray y = LayerRunner.forward(new InducedNormPool.Builder(type).build(), TestNetworks.input(type, 1), x);
        assertArrayEquals(new double[] {NAN, 0.25}, y.data().asDouble(), 0.0);
    }

    @Test
    void normPoolOfAFieldWithNaNIsNaN() {
        FieldType type = FieldType.irrep(C4, 2, 1);
        INDArray y = LayerRunner.forward(new NormPool.Builder(type).build(), TestNetworks.input(type, 1),
                pixel(NAN, 0.5, 0.6, 0.8));
        assertArrayEquals(new double[] {NAN, 1.0}, y.data().asDouble(), 1e-15);
    }
}
