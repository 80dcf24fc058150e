package org.e2dl4j.nn.linear;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldInputType;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.nonlinear.ReLU;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link Linear} as the head of a steerable CNN: R2Conv -> ReLU -> stock global average pooling (regular fields become
 * regular fibers) -> Linear to invariant fibers -> stock DenseLayer -> OutputLayer, as a MultiLayerNetwork and a
 * ComputationGraph. The prediction is invariant under the quarter turns of the input, trains, and exports.
 */
class SteerableHeadTest {

    private static final GSpace PLANE = GSpaces.rot2dOnR2(4);
    private static final GSpace POINT = GSpaces.noBaseSpace(PLANE.fibergroup());
    private static final FieldType IN = FieldType.trivial(PLANE, 1);
    private static final FieldType HIDDEN = FieldType.regular(PLANE, 3);
    private static final FieldType POOLED = FieldType.regular(POINT, 3);
    private static final FieldType INVARIANT = FieldType.trivial(POINT, 4);

    private static NeuralNetConfiguration.Builder base() {
        return new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT).updater(new Adam(1e-2));
    }

    private static MultiLayerNetwork network() {
        MultiLayerConfiguration conf = base().list()
                .layer(new R2Conv.Builder(IN, HIDDEN, 3).padding(1).build())
                .layer(new ReLU.Builder(HIDDEN).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new Linear.Builder(POOLED, INVARIANT).build())
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX)
                        .build())
                .setInputType(FieldInputType.of(IN, 9, 9)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static ComputationGraph graph() {
        ComputationGraphConfiguration conf = base().graphBuilder().addInputs("in")
                .addLayer("conv", new R2Conv.Builder(IN, HIDDEN, 3).padding(1).build(), "in")
                .addLayer("relu", new ReLU.Builder(HIDDEN).build(), "conv")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "relu")
                .addLayer("linear", new Linear.Builder(POOLED, INVARIANT).build(), "pool")
                .addLayer("dense", new DenseLayer.Builder().nOut(5).activation(Activation.TANH).build(), "linear")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out").setInputTypes(FieldInputType.of(IN, 9, 9)).build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    private static INDArray input() {
        return TestNetworks.gaussian(DataType.FLOAT, 5, 4, 1, 9, 9);
    }

    private static INDArray labels() {
        INDArray y = TestNetworks.gaussian(DataType.FLOAT, 6, 4, 2).gt(0).castTo(DataType.FLOAT);
        y.getColumn(1).assign(y.getColumn(0).rsub(1));
        return y;
    }

    /** Largest relative change of the prediction when the input is turned by each element of C4. */
    private static double invarianceError(UnaryOperator<INDArray> model) {
        INDArray x = input();
        INDArray y = model.apply(x);
        double worst = 0;
        for (GroupElement g : PLANE.testingElements()) {
            INDArray turned = model.apply(IN.transform(x, g).castTo(DataType.FLOAT));
            worst = Math.max(worst, turned.sub(y).amaxNumber().doubleValue() / y.amaxNumber().doubleValue());
        }
        return worst;
    }

    @Test
    void theMultiLayerHeadIsInvariantTrainsAndExports() {
        MultiLayerNetwork net = network();
        net.fit(input(), labels());
        double err = invarianceError(x -> net.output(x));
        assertTrue(err < 1e-5, "prediction changes under quarter turns by " + err);
        MultiLayerNetwork std = Export.toStandard(net);
        assertFalse(std.getLayerWiseConfigurations().toJson().contains("org.e2dl4j"));
        double diff = std.output(input()).sub(net.output(input())).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5, "exported network differs by " + diff);
    }

    @Test
    void theGraphHeadIsInvariantTrainsAndExports() {
        ComputationGraph g = graph();
        g.fit(new INDArray[] {input()}, new INDArray[] {labels()});
        double err = invarianceError(x -> g.outputSingle(x));
        assertTrue(err < 1e-5, "prediction changes under quarter turns by " + err);
        ComputationGraph std = Export.toStandard(g);
        double diff = std.outputSingle(input()).sub(g.outputSingle(input())).amaxNumber().doubleValue();
        assertTrue(diff < 1e-5, "exported graph differs by " + diff);
    }
}
