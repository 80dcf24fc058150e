package org.e2dl4j.onednn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.nn.Export;
import org.e2dl4j.samples.model.C8SteerableCnnFactory;
import org.e2dl4j.samples.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * {@link FrozenDepthwiseLayers} gives a frozen depthwise convolution a backward pass computing dL/dx alone. In a
 * network of a trainable 1 x 1 convolution, the frozen depthwise convolution and an MSE loss on a 9 x 8 input, built
 * twice with equal parameters, the installed one gives bit for bit the stock training-mode output and, for
 * strides 1 to 3, kernels 3 x 3 to 3 x 5, padding up to the kernel's span, dilation 2, Same mode and a biased tanh,
 * the stock input gradient and first layer's gradient (in double, to 1e-12 of their largest entry; in float to
 * 1e-5, without dilation), also for a filter that is one outer product on every channel (taken from band
 * matrices) and after the filter changes, the same parameters after three Adam steps, and the frozen filter unchanged. DL4J's gradient check passes
 * through it in double; layers it does not serve keep the stock pass; a graph is served; a restored network has the
 * stock layers until installed again; an uninitialized network is refused. The export of the sample's C8 model
 * trains with the same gradients.
 */
class FrozenDepthwiseLayersTest {

    private record Case(String name, int[] kernel, int[] stride, int[] padding, int[] dilation, ConvolutionMode mode,
            boolean bias, Activation activation) {

        DepthwiseConvolution2D layer() {
            return new DepthwiseConvolution2D.Builder(kernel, stride, padding).dilation(dilation).convolutionMode(mode)
                    .depthMultiplier(1).hasBias(bias).activation(activation).dataFormat(CNN2DFormat.NCHW).build();
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("3x3 s1 p1", new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1},
                    ConvolutionMode.Truncate, false, Activation.IDENTITY),
            new Case("5x5 s2 p2 (the blur)", new int[] {5, 5}, new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1},
                    ConvolutionMode.Truncate, false, Activation.IDENTITY),
            new Case("3x3 s2 p0, last row unused", new int[] {3, 3}, new int[] {2, 2}, new int[] {0, 0},
                    new int[] {1, 1}, ConvolutionMode.Truncate, false, Activation.IDENTITY),
            new Case("3x5 s(2,3) p(2,4)", new int[] {3, 5}, new int[] {2, 3}, new int[] {2, 4}, new int[] {1, 1},
                    ConvolutionMode.Truncate, false, Activation.IDENTITY),
            new Case("3x3 dilation 2 p(2,1)", new int[] {3, 3}, new int[] {1, 2}, new int[] {2, 1}, new int[] {2, 2},
                    ConvolutionMode.Truncate, false, Activation.IDENTITY),
            new Case("3x3 s2 Same", new int[] {3, 3}, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1},
                    ConvolutionMode.Same, false, Activation.IDENTITY),
            new Case("3x3 s1 p1, bias and tanh", new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1},
                    new int[] {1, 1}, ConvolutionMode.Truncate, true, Activation.TANH));

    @Test
    void matchesTheStockBackwardPassInDouble() {
        for (Case c : CASES) {
            assertMatchesStock(c, DataType.DOUBLE, 1e-12, false);
        }
    }

    /** Every channel's filter the same outer product u v^T: the band matrices' path. */
    @Test
    void matchesTheStockBackwardPassForASeparableFilter() {
        for (Case c : CASES) {
            assertMatchesStock(c, DataType.DOUBLE, 1e-12, true);
            if (c.dilation()[0] == 1 && c.dilation()[1] == 1) {
                assertMatchesStock(c, DataType.FLOAT, 1e-5, true);
            }
        }
    }

    /**
     * A filter set after install is taken as it is: separable, different per channel, the same on every channel but
     * not an outer product, separable again.
     */
    @Test
    void followsTheFilterWhenItChanges() {
        Case c = CASES.get(3);
        MultiLayerNetwork off = network(DataType.DOUBLE, frozen(c));
        MultiLayerNetwork on = off.clone();
        assertEquals(1, FrozenDepthwiseLayers.install(on));
        INDArray x = input(DataType.DOUBLE, 2);
        INDArray labels = Nd4j.randn(DataType.DOUBLE, off.output(x).shape());
        INDArray random = off.getLayer(1).getParam("W").dup();
        INDArray sharedNotSeparable = Nd4j.randn(DataType.DOUBLE, c.kernel()[0], c.kernel()[1], 1, 1).repeat(2, 3)
                .dup('c');
        for (INDArray filter : List.of(separable(c, DataType.DOUBLE), random, sharedNotSeparable,
                separable(c, DataType.DOUBLE).mul(-2))) {
            off.getLayer(1).setParam("W", filter);
            on.getLayer(1).setParam("W", filter);
            assertClose(off.calculateGradients(x, labels, null, null).getSecond(),
                    on.calculateGradients(x, labels, null, null).getSecond(), 1e-12, "dL/dx");
        }
    }

    /** All cases but dilation: libnd4j's oneDNN path refuses that one in float, the stock forward pass included. */
    @Test
    void matchesTheStockBackwardPassInFloat() {
        for (Case c : CASES) {
            if (c.dilation()[0] == 1 && c.dilation()[1] == 1) {
                assertMatchesStock(c, DataType.FLOAT, 1e-5, false);
            }
        }
    }

    /** The export of the sample's C8 model has three frozen blurs (its antialiased poolings). */
    @Test
    void servesTheBlursOfTheExportedC8Model() {
        MultiLayerNetwork c8 = C8SteerableCnnFactory.standard().create(new ModelSpec(29, 10, 0.125, 12, 0.002));
        MultiLayerNetwork served = Export.toStandard(c8);
        assertEquals(3, FrozenDepthwiseLayers.install(served));
        Nd4j.getRandom().setSeed(21);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 1, 29, 29);
        INDArray labels = Nd4j.eye(10).getRows(1, 4, 7, 9).castTo(DataType.FLOAT);
        HelperPair pair = new HelperPair(served, Export.toStandard(c8));
        assertEquals(0.0, pair.trainingForward(x), "training-mode activations");
        double backward = pair.backward(x, labels);
        assertTrue(backward <= 1e-5, () -> "gradients differ by " + backward + " of the largest");
    }

    @Test
    void leavesOtherLayersAlone() {
        Case blur = CASES.get(1);
        List<Layer> others = List.of(
                new FrozenLayerWithBackprop(new DepthwiseConvolution2D.Builder(3, 3).depthMultiplier(2)
                        .activation(Activation.IDENTITY).build()),
                new FrozenLayerWithBackprop(new DepthwiseConvolution2D.Builder(3, 3).padding(3, 0)
                        .activation(Activation.IDENTITY).build()),
                new FrozenLayerWithBackprop(new DepthwiseConvolution2D.Builder(3, 3).dropOut(new Dropout(0.5))
                        .activation(Activation.IDENTITY).build()),
                blur.layer());
        String[] names = {"depth multiplier 2", "padding beyond the kernel", "dropout", "not frozen"};
        for (int i = 0; i < names.length; i++) {
            MultiLayerNetwork net = network(DataType.FLOAT, others.get(i));
            assertEquals(0, FrozenDepthwiseLayers.install(net), names[i]);
            assertFalse(FrozenDepthwiseLayers.installed(net.getLayer(1)), names[i]);
        }
        // a network's input type sets its layers' data format, so NHWC is asked of the rule itself
        assertFalse(FrozenDepthwiseLayer.supports(new DepthwiseConvolution2D.Builder(3, 3)
                .dataFormat(CNN2DFormat.NHWC).build()), "NHWC");
        assertTrue(FrozenDepthwiseLayer.supports(new DepthwiseConvolution2D.Builder(3, 3)
                .dataFormat(CNN2DFormat.NCHW).build()), "NCHW");
    }

    @Test
    void refusesANetworkBeforeInit() {
        MultiLayerNetwork net = new MultiLayerNetwork(network(DataType.FLOAT, frozen(CASES.get(0)))
                .getLayerWiseConfigurations());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrozenDepthwiseLayers.install(net));
        assertTrue(e.getMessage().contains("call init() before install"), e.getMessage());
    }

    /** DL4J's numerical gradient check in double of the first layer's parameters, through the frozen layer. */
    @Test
    void passesTheGradientCheckInDouble() {
        DataType previous = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            for (Case c : List.of(CASES.get(1), CASES.get(4), CASES.get(6))) {
                MultiLayerNetwork net = network(DataType.DOUBLE, frozen(c), new NoOp());
                assertEquals(1, FrozenDepthwiseLayers.install(net), c.name());
                INDArray x = input(DataType.DOUBLE, 2);
                INDArray labels = Nd4j.randn(DataType.DOUBLE, net.output(x).shape());
                assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                        .labels(labels).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-9)
                        .excludeParams(Set.of("1_W", "1_b"))), c.name() + ": gradient check");
            }
        } finally {
            Nd4j.setDefaultDataTypes(previous, previous);
        }
    }

    @Test
    void isInstalledInAComputationGraph() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .updater(new Adam(1e-2)).weightInit(WeightInit.XAVIER).graphBuilder().addInputs("in")
                .addLayer("mix", new ConvolutionLayer.Builder(1, 1).nOut(3).activation(Activation.IDENTITY).build(), "in")
                .addLayer("blur", frozen(CASES.get(1)), "mix")
                .addLayer("loss", new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build(),
                        "blur")
                .setOutputs("loss").setInputTypes(InputType.convolutional(9, 8, 2, CNN2DFormat.NCHW)).build();
        ComputationGraph off = new ComputationGraph(conf);
        off.init();
        ComputationGraph on = off.clone();
        assertEquals(1, FrozenDepthwiseLayers.install(on));
        assertTrue(FrozenDepthwiseLayers.installed(on.getLayer("blur")), "the vertex's layer");
        INDArray x = input(DataType.DOUBLE, 3);
        INDArray labels = Nd4j.randn(DataType.DOUBLE, off.outputSingle(x).shape());
        assertBitEqual(off.outputSingle(true, x), on.outputSingle(true, x), "training-mode output");
        off.setInputs(x);
        off.setLabels(labels);
        off.computeGradientAndScore();
        on.setInputs(x);
        on.setLabels(labels);
        on.computeGradientAndScore();
        assertClose(off.gradient().getGradientFor("mix_W"), on.gradient().getGradientFor("mix_W"), 1e-12, "mix_W");
    }

    @Test
    void isInstalledAgainAfterARestore() throws Exception {
        MultiLayerNetwork net = network(DataType.FLOAT, frozen(CASES.get(1)));
        assertEquals(1, FrozenDepthwiseLayers.install(net));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(
                new ByteArrayInputStream(bytes.toByteArray()));
        assertFalse(FrozenDepthwiseLayers.installed(restored.getLayer(1)), "a restored network has the stock layer");
        assertEquals(net.getLayerWiseConfigurations().toJson(), restored.getLayerWiseConfigurations().toJson(),
                "the configuration stays the stock one");
        assertEquals(1, FrozenDepthwiseLayers.install(restored));
        INDArray x = input(DataType.FLOAT, 3);
        assertBitEqual(net.output(x), restored.output(x), "outputs after restore");
    }

    private static void assertMatchesStock(Case c, DataType type, double tolerance, boolean separable) {
        MultiLayerNetwork off = network(type, frozen(c));
        if (separable) {
            off.getLayer(1).setParam("W", separable(c, type));
        }
        MultiLayerNetwork on = off.clone();
        assertEquals(1, FrozenDepthwiseLayers.install(on), c.name());
        assertTrue(FrozenDepthwiseLayers.installed(on.getLayer(1)), c.name());
        assertFalse(FrozenDepthwiseLayers.installed(off.getLayer(1)), c.name() + ": the stock network");
        INDArray filter = on.getLayer(1).params().dup();

        INDArray x = input(type, 4);
        INDArray labels = Nd4j.randn(type, off.output(x).shape());
        assertBitEqual(off.feedForward(x, true).get(3), on.feedForward(x, true).get(3), c.name() + ": output");
        Pair<Gradient, INDArray> stock = off.calculateGradients(x, labels, null, null);
        Pair<Gradient, INDArray> ours = on.calculateGradients(x, labels, null, null);
        assertClose(stock.getSecond(), ours.getSecond(), tolerance, c.name() + ": dL/dx");
        assertClose(stock.getFirst().getGradientFor("0_W"), ours.getFirst().getGradientFor("0_W"), tolerance,
                c.name() + ": first layer's gradient");
        assertBitEqual(stock.getFirst().getGradientFor("2_W"), ours.getFirst().getGradientFor("2_W"),
                c.name() + ": last layer's gradient");

        DataSet batch = new DataSet(x, labels);
        for (int i = 0; i < 3; i++) {
            off.fit(batch);
            on.fit(batch);
        }
        assertClose(off.params(), on.params(), tolerance, c.name() + ": parameters after 3 Adam steps");
        assertBitEqual(filter, on.getLayer(1).params(), c.name() + ": the frozen filter");
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double scale = expected.amaxNumber().doubleValue();
        double error = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(scale > 0 && error <= tolerance * scale, what + ": expected a difference <= " + tolerance
                + " of the largest entry " + scale + ", got " + error);
    }

    private static void assertBitEqual(INDArray expected, INDArray actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertArrayEquals(expected.dup('c').data().asDouble(), actual.dup('c').data().asDouble(), 0.0, what);
    }

    /** The outer product of seeded normal u [kH] and v [kW] on each of the 3 channels, as depthwise weights. */
    private static INDArray separable(Case c, DataType type) {
        Nd4j.getRandom().setSeed(11);
        INDArray u = Nd4j.randn(DataType.DOUBLE, c.kernel()[0], 1);
        INDArray v = Nd4j.randn(DataType.DOUBLE, 1, c.kernel()[1]);
        return u.mmul(v).reshape(c.kernel()[0], c.kernel()[1], 1, 1).repeat(2, 3).castTo(type).dup('c');
    }

    private static Layer frozen(Case c) {
        return new FrozenLayerWithBackprop(c.layer());
    }

    private static INDArray input(DataType type, int batch) {
        Nd4j.getRandom().setSeed(7);
        return Nd4j.randn(type, batch, 2, 9, 8);
    }

    /** A trainable 1 x 1 convolution of 2 to 3 channels, {@code middle}, a 1 x 1 convolution to 2 and an MSE loss. */
    private static MultiLayerNetwork network(DataType type, Layer middle) {
        return network(type, middle, new Adam(1e-2));
    }

    private static MultiLayerNetwork network(DataType type, Layer middle, IUpdater updater) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(type)
                .updater(updater).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(3).activation(Activation.IDENTITY).build())
                .layer(middle)
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(2).activation(Activation.IDENTITY).build())
                .layer(new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(9, 8, 2, CNN2DFormat.NCHW)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
