package org.e2dl4j.onednn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * {@link ReluLayers} replaces the stock plain-ReLU {@code ActivationLayer} by a layer that computes the same values
 * without DL4J's copies: a network of ReLU, convolution, ReLU, convolution and an MSE loss, built twice with equal
 * parameters, gives bit for bit the same inference output, training-mode activations, parameter and input gradients
 * (the first ReLU meets exact zeros, where its derivative is taken as 0), and the same parameters after three
 * Adam steps. Other activations and bounded or leaky ReLUs are left alone; DL4J's gradient check passes in double;
 * a computation graph is served too; a restored network has the stock layers until installed again; an uninitialized network is refused.
 */
class ReluLayersTest {

    @Test
    void computesTheStockLayersValuesBitForBit() {
        MultiLayerNetwork off = network(DataType.FLOAT, new ActivationReLU());
        MultiLayerNetwork on = network(DataType.FLOAT, new ActivationReLU());
        on.setParams(off.params().dup());
        assertEquals(2, ReluLayers.install(on));
        assertTrue(ReluLayers.installed(on.getLayer(0)) && ReluLayers.installed(on.getLayer(2)), "layers 0 and 2");
        assertSame(on.getLayer(0), on.getLayer("relu0"), "the layer by name");
        assertFalse(ReluLayers.installed(off.getLayer(0)), "the stock layer");

        INDArray x = input(DataType.FLOAT, 4);
        assertTrue(x.eq(0).castTo(DataType.INT32).sumNumber().intValue() > 0, "the first ReLU meets exact zeros");
        INDArray labels = Nd4j.randn(DataType.FLOAT, 4, 3, 2, 2);
        assertBitEqual(off.output(x, false), on.output(x, false), "inference");
        List<INDArray> a = on.feedForward(x, true);
        List<INDArray> b = off.feedForward(x, true);
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) {
            assertBitEqual(b.get(i), a.get(i), "training-mode activation " + i);
        }

        Pair<Gradient, INDArray> ga = on.calculateGradients(x, labels, null, null);
        Pair<Gradient, INDArray> gb = off.calculateGradients(x, labels, null, null);
        assertBitEqual(gb.getFirst(), ga.getFirst());
        assertBitEqual(gb.getSecond(), ga.getSecond(), "input gradient");

        DataSet batch = new DataSet(x, labels);
        for (int i = 0; i < 3; i++) {
            on.fit(batch);
            off.fit(batch);
        }
        assertBitEqual(off.params(), on.params(), "parameters after 3 Adam steps");
    }

    /** A NaN dL/dy reaches dL/dx, also where x <= 0 (the stock relu_bp drops it to 0 there). */
    @Test
    void keepsANanGradientWhereTheStockLayerDropsIt() {
        MultiLayerNetwork net = network(DataType.FLOAT, new ActivationReLU());
        assertEquals(2, ReluLayers.install(net));
        org.deeplearning4j.nn.api.Layer relu = net.getLayer(0);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        INDArray x = Nd4j.createFromArray(-1f, 0f, 2f).reshape(1, 3, 1, 1);
        relu.setInput(x, mgr);
        relu.activate(true, mgr);
        INDArray dy = Nd4j.createFromArray(Float.NaN, Float.NaN, 3f).reshape(1, 3, 1, 1);
        INDArray dx = relu.backpropGradient(dy, mgr).getSecond();
        assertTrue(Float.isNaN(dx.getFloat(0)) && Float.isNaN(dx.getFloat(1)), dx::toString);
        assertEquals(3f, dx.getFloat(2), dx::toString);
    }

    @Test
    void leavesOtherActivationsAlone() {
        for (IActivation fn : new IActivation[] {new ActivationReLU(6.0, null, null), new ActivationReLU(null, 0.5, null),
                new ActivationReLU(null, null, 0.1), Activation.LEAKYRELU.getActivationFunction(),
                Activation.TANH.getActivationFunction()}) {
            MultiLayerNetwork net = network(DataType.FLOAT, fn);
            assertEquals(0, ReluLayers.install(net), fn::toString);
            assertFalse(ReluLayers.installed(net.getLayer(0)), fn::toString);
        }
    }

    @Test
    void refusesANetworkBeforeInit() {
        MultiLayerNetwork net = new MultiLayerNetwork(network(DataType.FLOAT, new ActivationReLU()).getLayerWiseConfigurations());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReluLayers.install(net));
        assertTrue(e.getMessage().contains("call init() before install"), e.getMessage());
    }

    /** DL4J's numerical gradient check, in double, through the replaced layers (inputs away from ReLU's kink). */
    @Test
    void passesTheGradientCheckInDouble() {
        DataType previous = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            MultiLayerNetwork net = network(DataType.DOUBLE, new ActivationReLU());
            assertEquals(2, ReluLayers.install(net));
            Nd4j.getRandom().setSeed(3);
            INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 2, 6, 6);
            INDArray labels = Nd4j.randn(DataType.DOUBLE, 3, 3, 2, 2);
            assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                    .labels(labels).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-8)), "gradient check");
        } finally {
            Nd4j.setDefaultDataTypes(previous, previous);
        }
    }

    @Test
    void isReplacedInAComputationGraph() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(new Adam(1e-2)).weightInit(WeightInit.XAVIER).graphBuilder().addInputs("in")
                .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(3).activation(Activation.IDENTITY).build(), "in")
                .addLayer("relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), "conv")
                .addLayer("loss", new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build(), "relu")
                .setOutputs("loss").setInputTypes(InputType.convolutional(6, 6, 2, CNN2DFormat.NCHW)).build();
        ComputationGraph off = new ComputationGraph(conf);
        off.init();
        ComputationGraph on = off.clone();
        assertEquals(1, ReluLayers.install(on));
        assertTrue(ReluLayers.installed(on.getLayer("relu")), "the vertex's layer");
        assertTrue(java.util.Arrays.stream(on.getLayers()).anyMatch(ReluLayers::installed), "the graph's layer array");
        INDArray x = input(DataType.FLOAT, 4);
        INDArray labels = Nd4j.randn(DataType.FLOAT, 4, 3, 4, 4);
        assertBitEqual(off.outputSingle(true, x), on.outputSingle(true, x), "training-mode output");
        off.setInputs(x);
        off.setLabels(labels);
        off.computeGradientAndScore();
        on.setInputs(x);
        on.setLabels(labels);
        on.computeGradientAndScore();
        assertBitEqual(off.gradient(), on.gradient());
    }

    @Test
    void isInstalledAgainAfterARestore() throws Exception {
        MultiLayerNetwork net = network(DataType.FLOAT, new ActivationReLU());
        assertEquals(2, ReluLayers.install(net));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()));
        assertFalse(ReluLayers.installed(restored.getLayer(0)), "a restored network has the stock layer");
        assertEquals(net.getLayerWiseConfigurations().toJson(), restored.getLayerWiseConfigurations().toJson(),
                "the configuration stays the stock one");
        assertEquals(2, ReluLayers.install(restored));
        INDArray x = input(DataType.FLOAT, 3);
        assertBitEqual(net.output(x), restored.output(x), "outputs after restore");
    }

    private static void assertBitEqual(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertArrayEquals(expected.dup('c').data().asDouble(), actual.dup('c').data().asDouble(), 0.0, what);
    }

    private static void assertBitEqual(Gradient expected, Gradient actual) {
        assertEquals(expected.gradientForVariable().keySet(), actual.gradientForVariable().keySet(), "gradient keys");
        for (String key : expected.gradientForVariable().keySet()) {
            assertBitEqual(expected.getGradientFor(key), actual.getGradientFor(key), "gradient of " + key);
        }
    }

    /** Normal entries, a quarter of them set to exactly 0. */
    private static INDArray input(DataType type, int batch) {
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.randn(type, batch, 2, 6, 6);
        return x.muli(Nd4j.rand(type, x.shape()).gt(0.25).castTo(type));
    }

    private static MultiLayerNetwork network(DataType type, IActivation relu) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(type)
                .updater(type == DataType.DOUBLE ? new NoOp() : new Adam(1e-2)).weightInit(WeightInit.XAVIER).list()
                .layer(new ActivationLayer.Builder().activation(relu).name("relu0").build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.IDENTITY).build())
                .layer(new ActivationLayer.Builder().activation(relu).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(3).activation(Activation.IDENTITY).build())
                .layer(new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(6, 6, 2, CNN2DFormat.NCHW)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
