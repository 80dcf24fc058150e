package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
