package org.e2dl4j.onednn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * {@link RowBatchNormHelper}, installed by {@link BatchNormHelpers}, computes what DL4J's stock
 * {@code BatchNormalization} computes on its own path (no helper): for each configuration, a float network of the
 * batch norm and an MSE loss, built twice with equal parameters, gives the same inference output, training-mode
 * activations, parameter and input gradients, and after three Adam steps the same parameters, running mean and
 * variance included. Fixed gamma and beta get no helper, NHWC maps are declined (DL4J's own path runs). In double, DL4J's numerical gradient check
 * passes with the helper in place.
 */
class RowBatchNormHelperTest {

    /** Float rounding of sums over a few hundred terms, relative to each array's largest entry. */
    private static final double FLOAT_TOLERANCE = 5e-6;

    static Stream<Arguments> cases() {
        return Stream.of(
                cnn("NCHW, log10 std parameterization", true, new int[] {4, 6, 7},
                        () -> new BatchNormalization.Builder().build()),
                cnn("NCHW, variance parameterization, eps 1e-3", true, new int[] {3, 5, 5},
                        () -> new BatchNormalization.Builder().useLogStd(false).eps(1e-3).build()),
                Arguments.of("NCHW, 1 x 1 maps", true, InputType.convolutional(1, 1, 5, CNN2DFormat.NCHW),
                        new long[] {16, 5, 1, 1}, (Supplier<Layer>) () -> new BatchNormalization.Builder().build()),
                Arguments.of("rank 2", true, InputType.feedForward(6), new long[] {16, 6},
                        (Supplier<Layer>) () -> new BatchNormalization.Builder().build()),
                Arguments.of("NHWC (declined: DL4J's own path)", false,
                        InputType.convolutional(6, 5, 3, CNN2DFormat.NHWC), new long[] {2, 6, 5, 3},
                        (Supplier<Layer>) () -> new BatchNormalization.Builder().dataFormat(CNN2DFormat.NHWC).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void computesWhatDl4jComputesWithoutAHelper(String name, boolean computed, InputType input, long[] shape,
                                                 Supplier<Layer> layer) {
        HelperPair pair = pair(network(layer.get(), input, DataType.FLOAT));
        assertTrue(BatchNormHelpers.installed(pair.on().getLayer(0)), name + ": installed");
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.randn(DataType.FLOAT, shape).muli(2).addi(0.5);
        INDArray labels = Nd4j.randn(DataType.FLOAT, pair.off().output(x, false).shape());

        double inference = pair.inference(x);
        double forward = pair.trainingForward(x);
        BatchNormalizationHelper helper = (BatchNormalizationHelper) pair.on().getLayer(0).getHelper();
        if (computed) {
            assertNotNull(helper.getMeanCache(DataType.FLOAT), name + ": the helper kept the batch statistics");
        } else {
            assertNull(helper.getMeanCache(DataType.FLOAT), name + ": the helper declined");
        }
        double backward = pair.backward(x, labels);
        assertEquals(0, pair.helperFailures(0), name + ": failures of the helper");
        assertTrue(inference <= FLOAT_TOLERANCE, () -> name + ": inference differs by " + inference);
        assertTrue(forward <= FLOAT_TOLERANCE, () -> name + ": training forward differs by " + forward);
        assertTrue(backward <= FLOAT_TOLERANCE, () -> name + ": gradients differ by " + backward);

        DataSet batch = new DataSet(x, labels);
        for (int step = 0; step < 3; step++) {
            pair.on().fit(batch);
            pair.off().fit(batch);
        }
        double params = HelperPair.relative(pair.on().params(), pair.off().params());
        assertTrue(params <= FLOAT_TOLERANCE, () -> name + ": parameters after 3 steps differ by " + params);
    }

    /** Fixed gamma and beta are left to DL4J, as its oneDNN helper leaves them: nothing is installed. */
    @Test
    void leavesFixedGammaAndBetaAlone() {
        MultiLayerNetwork net = HelperSwitch.with(false, network(new BatchNormalization.Builder().lockGammaBeta(true)
                .gamma(1.5).beta(-0.25).build(), InputType.convolutional(4, 6, 3, CNN2DFormat.NCHW), DataType.FLOAT));
        assertEquals(0, BatchNormHelpers.install(net));
        assertNull(net.getLayer(0).getHelper(), "DL4J's own path");
    }

    /** The helper's scratch follows a change of batch and map size. */
    @Test
    void followsAChangeOfInputSize() {
        HelperPair pair = pair(network(new BatchNormalization.Builder().build(),
                InputType.convolutional(6, 6, 3, CNN2DFormat.NCHW), DataType.FLOAT));
        Nd4j.getRandom().setSeed(17);
        for (long[] shape : new long[][] {{4, 3, 6, 6}, {2, 3, 9, 5}, {7, 3, 6, 6}}) {
            INDArray x = Nd4j.randn(DataType.FLOAT, shape);
            INDArray labels = Nd4j.randn(DataType.FLOAT, shape);
            double backward = pair.backward(x, labels);
            double inference = pair.inference(x);
            assertTrue(backward <= FLOAT_TOLERANCE, () -> Arrays.toString(shape) + ": gradients differ by " + backward);
            assertTrue(inference <= FLOAT_TOLERANCE, () -> Arrays.toString(shape) + ": inference differs by " + inference);
        }
    }

    /** DL4J's numerical gradient check, in double, of a convolution and a batch norm computed by the helper. */
    @Test
    void passesTheGradientCheckInDouble() {
        DataType previous = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).dataType(DataType.DOUBLE)
                    .updater(new NoOp()).weightInit(WeightInit.XAVIER).list()
                    .layer(new ConvolutionLayer.Builder(3, 3).nOut(3).activation(Activation.IDENTITY).build())
                    .layer(new BatchNormalization.Builder().build())
                    .layer(new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.TANH).build())
                    .setInputType(InputType.convolutional(6, 6, 2, CNN2DFormat.NCHW)).build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            assertEquals(1, BatchNormHelpers.install(net));
            Nd4j.getRandom().setSeed(3);
            INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 2, 6, 6);
            INDArray labels = Nd4j.randn(DataType.DOUBLE, 3, 3, 4, 4);
            assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x)
                    .labels(labels).epsilon(1e-6).maxRelError(1e-5).minAbsoluteError(1e-8)
                    .excludeParams(java.util.Set.of("1_mean", "1_log10stdev"))), "gradient check");
            assertNotNull(((BatchNormalizationHelper) net.getLayer(1).getHelper()).getMeanCache(DataType.DOUBLE),
                    "the helper computed the batch norm");
        } finally {
            Nd4j.setDefaultDataTypes(previous, previous);
        }
    }

    /** A restored network has DL4J's helpers again; installing once more puts this one back, with equal outputs. */
    @Test
    void isInstalledAgainAfterARestore() throws Exception {
        MultiLayerNetwork net = network(new BatchNormalization.Builder().build(),
                InputType.convolutional(5, 5, 2, CNN2DFormat.NCHW), DataType.FLOAT).get();
        assertEquals(1, BatchNormHelpers.install(net));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()));
        assertFalse(BatchNormHelpers.installed(restored.getLayer(0)), "a restored layer has DL4J's helper");
        assertEquals(1, BatchNormHelpers.install(restored));
        INDArray x = Nd4j.randn(DataType.FLOAT, 3, 2, 5, 5);
        assertTrue(HelperPair.relative(restored.output(x), net.output(x)) <= FLOAT_TOLERANCE, "outputs after restore");
    }

    /** In a computation graph the helper is installed too and gives the graph's own training-mode output. */
    @Test
    void isInstalledInAComputationGraph() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .graphBuilder().addInputs("in")
                .addLayer("bn", new BatchNormalization.Builder().build(), "in")
                .addLayer("loss", new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build(), "bn")
                .setOutputs("loss").setInputTypes(InputType.convolutional(5, 6, 3, CNN2DFormat.NCHW)).build();
        ComputationGraph off = HelperSwitch.with(false, () -> {
            ComputationGraph g = new ComputationGraph(conf.clone());
            g.init();
            return g;
        });
        ComputationGraph on = off.clone();
        assertEquals(1, BatchNormHelpers.install(on));
        assertTrue(BatchNormHelpers.installed(on.getLayer("bn")), "installed");
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 4, 3, 5, 6).muli(3).addi(1);
        double diff = HelperPair.relative(on.outputSingle(true, x), off.outputSingle(true, x));
        assertTrue(diff <= FLOAT_TOLERANCE, () -> "training-mode output differs by " + diff);
    }

    /** Two networks from {@code network} with equal parameters, {@code on} with the helper installed. */
    private static HelperPair pair(Supplier<MultiLayerNetwork> network) {
        MultiLayerNetwork off = HelperSwitch.with(false, network);
        MultiLayerNetwork on = HelperSwitch.with(false, network);
        randomParameters(off, 11);
        on.setParams(off.params().dup());
        assertEquals(1, BatchNormHelpers.install(on));
        return new HelperPair(on, off);
    }

    private static Arguments cnn(String name, boolean computed, int[] chw, Supplier<Layer> layer) {
        return Arguments.of(name, computed, InputType.convolutional(chw[1], chw[2], chw[0], CNN2DFormat.NCHW),
                new long[] {3, chw[0], chw[1], chw[2]}, layer);
    }

    private static Supplier<MultiLayerNetwork> network(Layer layer, InputType input, DataType type) {
        return () -> {
            Layer loss = input instanceof InputType.InputTypeConvolutional cnn
                    ? new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).format(cnn.getFormat()).build()
                    : new LossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build();
            MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(type)
                    .updater(new Adam(1e-2)).list().layer(layer).layer(loss).setInputType(input).build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            return net;
        };
    }

    /** Gamma, beta and the running mean normal, the running variance in [0.5, 1.5] (its log10 std in [-0.15, 0.15]). */
    private static void randomParameters(MultiLayerNetwork net, long seed) {
        Nd4j.getRandom().setSeed(seed);
        for (Map.Entry<String, INDArray> p : net.getLayer(0).paramTable().entrySet()) {
            INDArray value = p.getValue();
            switch (p.getKey()) {
                case "var" -> value.assign(Nd4j.rand(value.dataType(), value.shape()).addi(0.5));
                case "log10stdev" -> value.assign(Nd4j.rand(value.dataType(), value.shape()).subi(0.5).muli(0.3));
                default -> value.assign(Nd4j.randn(value.dataType(), value.shape()).muli(0.5));
            }
        }
    }
}
