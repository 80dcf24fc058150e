package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.conv.R2Conv;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class EquivarianceCheckTest {

    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    @Test
    void plainConvolutionIsReportedAsNotEquivariant() {
        FieldType regular = FieldType.regular(D4, 1);
        EquivarianceReport r = EquivarianceCheck.of(new ConvolutionLayer.Builder(3, 3).nIn(8).nOut(8).build(),
                regular, regular, DataType.FLOAT).inputSize(9, 9).run();
        assertEquals(8, r.errors().size(), "one entry per element of D4");
        assertEquals(0.0, r.errors().get(0).maxAbsoluteError(), 1e-6, "the identity commutes with anything");
        assertTrue(r.maxExactRelativeError() > 0.1, "an unconstrained convolution is far from equivariant:\n" + r);
    }

    @Test
    void invariantOutputOfRankTwoIsChecked() {
        FieldType in = FieldType.trivial(D4, 1);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.FLOAT).list()
                .layer(new R2Conv.Builder(in, FieldType.trivial(D4, 3), 3).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .setInputType(InputType.convolutional(9, 9, 1)).validateOutputLayerConfig(false).build());
        net.init();
        EquivarianceReport r = EquivarianceCheck.of(net, in, FieldType.trivial(D4, 3)).inputSize(9, 9).run();
        assertTrue(r.maxExactRelativeError() < 1e-5, "pooled scalar fields are invariant:\n" + r);
    }

    /** A one-layer R2Conv network trivial(1) -> regular(D4) x 1 on 9 x 9 maps. */
    private static MultiLayerNetwork convolution() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).list()
                .layer(new R2Conv.Builder(FieldType.trivial(D4, 1), FieldType.regular(D4, 1), 3).padding(1).build())
                .setInputType(InputType.convolutional(9, 9, 1)).validateOutputLayerConfig(false).build());
        net.init();
        return net;
    }

    private static EquivarianceReport check(java.util.function.UnaryOperator<INDArray> f) {
        return EquivarianceCheck.of(f, FieldType.trivial(D4, 1), FieldType.regular(D4, 1)).inputSize(9, 9)
                .dataType(DataType.DOUBLE).run();
    }

    private static void assertDegenerate(EquivarianceReport r, String reason) {
        assertTrue(r.degenerate(), "expected a degenerate report, got:\n" + r);
        assertTrue(r.degeneracy().contains(reason), "expected the reason '" + reason + "', got: " + r.degeneracy());
        assertTrue(r.toString().startsWith("DEGENERATE: " + r.degeneracy()), r.toString());
        assertEquals(Double.POSITIVE_INFINITY, r.maxExactRelativeError(), "a degenerate map fails every threshold");
        assertEquals(Double.POSITIVE_INFINITY, r.maxRelativeError());
        assertEquals(Double.POSITIVE_INFINITY, r.maxAbsoluteError());
    }

    @Test
    void anEquivariantNetworkIsNotDegenerate() {
        EquivarianceReport r = EquivarianceCheck.of(convolution(), FieldType.trivial(D4, 1), FieldType.regular(D4, 1))
                .inputSize(9, 9).run();
        assertFalse(r.degenerate(), r.toString());
        assertTrue(r.maxExactRelativeError() < 1e-10, r.toString());
    }

    @Test
    void aNetworkWhoseLastLayerMultipliesByZeroIsDegenerate() {
        MultiLayerNetwork net = convolution();
        net.params().assign(0);
        EquivarianceReport zeroWeights = EquivarianceCheck.of(net, FieldType.trivial(D4, 1), FieldType.regular(D4, 1))
                .inputSize(9, 9).run();
        assertDegenerate(zeroWeights, "the output is all zeros");
        MultiLayerNetwork working = convolution();
        assertDegenerate(check(x -> working.output(x).muli(0)), "the output is all zeros");
    }

    @Test
    void constantNonFiniteAndInputIndependentOutputsAreDegenerate() {
        MultiLayerNetwork net = convolution();
        assertDegenerate(check(x -> net.output(x).muli(0).addi(3)), "constant (every entry 3.0)");
        assertDegenerate(check(x -> net.output(x).assign(Double.NaN)), "NaN or infinite values (1296 of 1296 entries)");
        // a per-channel bias alone: not constant over channels, but the same whatever the input
        assertDegenerate(check(x -> {
            INDArray y = net.output(x).muli(0);
            for (int c = 0; c < 8; c++) {
                y.get(NDArrayIndex.all(), NDArrayIndex.point(c)).addi(c);
            }
            return y;
        }), "the same for all 2 random inputs");
        assertFalse(check(x -> {
            INDArray y = net.output(x);
            y.putScalar(new long[] {0, 0, 4, 4}, Double.NaN);
            return y;
        }).maxExactRelativeError() < 1, "one NaN entry makes the check fail");
    }
}
