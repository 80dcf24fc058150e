package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class R2ConvEquivarianceTest {

    private static final double TOLERANCE = 1e-5;

    private static void assertExactlyEquivariant(String what, EquivarianceReport r) {
        assertTrue(!r.exactErrors().isEmpty(), what + ": no grid-preserving element was tested");
        assertTrue(r.maxExactRelativeError() <= TOLERANCE, what + ": expected relative error <= " + TOLERANCE
                + " on grid-preserving elements, got\n" + r);
    }

    private static MultiLayerNetwork stack(FieldType... types) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .list();
        for (int i = 0; i + 1 < types.length; i++) {
            b.layer(new R2Conv.Builder(types[i], types[i + 1], 5).padding(2).build());
        }
        MultiLayerNetwork net = new MultiLayerNetwork(b.setInputType(InputType.convolutional(15, 15, types[0].size()))
                .validateOutputLayerConfig(false).build());
        net.init();
        return net;
    }

    @Test
    void c4TrivialToRegularLayerCommutesWithRotations() {
        GSpace gs = GSpaces.rot2dOnR2(4);
        FieldType in = FieldType.trivial(gs, 3);
        FieldType out = FieldType.regular(gs, 4);
        EquivarianceReport r = EquivarianceCheck.of(new R2Conv.Builder(in, out, 5).build(), in, out, DataType.FLOAT)
                .inputSize(15, 15).run();
        System.out.println(r);
        assertExactlyEquivariant("C4 trivial->regular", r);
    }

    @Test
    void c8StackCommutesWithRotations() {
        GSpace gs = GSpaces.rot2dOnR2(8);
        FieldType a = FieldType.trivial(gs, 2);
        FieldType b = FieldType.regular(gs, 2);
        FieldType c = FieldType.irrep(gs, 2, 1).plus(FieldType.trivial(gs, 1)).plus(FieldType.irrep(gs, 1, 3));
        EquivarianceReport r = EquivarianceCheck.of(stack(a, b, c, b), a, b).inputSize(15, 15).run();
        System.out.println(r);
        assertExactlyEquivariant("C8 stack", r);
    }
}
