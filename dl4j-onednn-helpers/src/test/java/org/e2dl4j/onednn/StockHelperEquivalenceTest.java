package org.e2dl4j.onednn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A stock layer with DL4J's oneDNN helper computes what it computes without: for each configuration (NCHW, and
 * a few NHWC), the layer (then an identity MSE loss) in a float MultiLayerNetwork, instantiated once with the helpers
 * on and once off with equal parameters, gives the same inference output, training-mode activations, parameter
 * gradients and input gradient, within float rounding. Pooling agrees exactly: M2.1 runs its forward pass without
 * the helper, and the helper's backward pass is the same libnd4j op as DL4J's own (except in the case of
 * {@link StockHelperLimitsTest}).
 */
class StockHelperEquivalenceTest {

    /**
     * Float rounding of sums over a few hundred terms, relative to each array's largest entry (the largest
     * difference measured is 5.6e-7).
     */
    private static final double FLOAT_TOLERANCE = 5e-6;

    @BeforeEach
    void oneDnn() {
        HelperSwitch.assumeOneDnn();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                cnn("conv k3 s1 p0 Truncate", "MKLDNNConvHelper", new int[] {3, 9, 9},
                        () -> conv(3, 3).nOut(4).convolutionMode(ConvolutionMode.Truncate).build()),
                cnn("conv k3 s2 p1 Truncate relu, truncated rows", "MKLDNNConvHelper", new int[] {3, 10, 11},
                        () -> conv(3, 3).nOut(5).stride(2, 2).padding(1, 1).activation(Activation.RELU)
                                .convolutionMode(ConvolutionMode.Truncate).build()),
                fallsBack(cnn("conv k3 d2 p2 Truncate no bias", "MKLDNNConvHelper", new int[] {2, 9, 9},
                        () -> conv(3, 3).nOut(4).dilation(2, 2).padding(2, 2).hasBias(false)
                                .convolutionMode(ConvolutionMode.Truncate).build())),
                cnn("conv k2x3 s(1,2) p(1,0) Truncate tanh", "MKLDNNConvHelper", new int[] {3, 8, 9},
                        () -> conv(2, 3).nOut(3).stride(1, 2).padding(1, 0).activation(Activation.TANH)
                                .convolutionMode(ConvolutionMode.Truncate).build()),
                cnn("conv k3 s1 Same", "MKLDNNConvHelper", new int[] {3, 9, 9},
                        () -> conv(3, 3).nOut(4).convolutionMode(ConvolutionMode.Same).build()),
                cnn("conv k4 s2 Same (asymmetric padding)", "MKLDNNConvHelper", new int[] {2, 9, 10},
                        () -> conv(4, 4).nOut(3).stride(2, 2).convolutionMode(ConvolutionMode.Same).build()),
                fallsBack(cnn("conv k3 s2 d2 Same no bias", "MKLDNNConvHelper", new int[] {3, 11, 10},
                        () -> conv(3, 3).nOut(4).stride(2, 2).dilation(2, 2).hasBias(false)
                                .convolutionMode(ConvolutionMode.Same).build())),
                nhwc("conv k3 s1 p1 NHWC", "MKLDNNConvHelper", new int[] {3, 9, 9},
                        () -> conv(3, 3).nOut(4).padding(1, 1).dataFormat(CNN2DFormat.NHWC).build()),
                cnn("batch norm NCHW", "MKLDNNBatchNormHelper", new int[] {4, 6, 7},
                        () -> new BatchNormalization.Builder().build()),
                cnn("batch norm NCHW variance parameterization", "MKLDNNBatchNormHelper", new int[] {3, 5, 5},
                        () -> new BatchNormalization.Builder().useLogStd(false).eps(1e-3).build()),
                nhwc("batch norm NHWC", "MKLDNNBatchNormHelper", new int[] {3, 6, 5},
                        () -> new BatchNormalization.Builder().dataFormat(CNN2DFormat.NHWC).build()),
                dense("batch norm rank 2", "MKLDNNBatchNormHelper", 6,
                        () -> new BatchNormalization.Builder().build()),
                cnn("max pool k2 s2", "MKLDNNSubsamplingHelper", new int[] {3, 8, 8},
                        () -> pool(PoolingType.MAX, 2).stride(2, 2).build()),
                cnn("max pool k3 s2 p1 Truncate", "MKLDNNSubsamplingHelper", new int[] {2, 9, 10},
                        () -> pool(PoolingType.MAX, 3).stride(2, 2).padding(1, 1).convolutionMode(ConvolutionMode.Truncate).build()),
                cnn("max pool k3 s1 Same", "MKLDNNSubsamplingHelper", new int[] {2, 7, 8},
                        () -> pool(PoolingType.MAX, 3).stride(1, 1).convolutionMode(ConvolutionMode.Same).build()),
                cnn("max pool k2 s1 d2", "MKLDNNSubsamplingHelper", new int[] {2, 8, 8},
                        () -> pool(PoolingType.MAX, 2).stride(1, 1).dilation(2, 2).build()),
                cnn("avg pool k2 s2", "MKLDNNSubsamplingHelper", new int[] {3, 8, 8},
                        () -> pool(PoolingType.AVG, 2).stride(2, 2).build()),
                cnn("avg pool k3 s2 p1 Truncate", "MKLDNNSubsamplingHelper", new int[] {2, 9, 10},
                        () -> pool(PoolingType.AVG, 3).stride(2, 2).padding(1, 1).convolutionMode(ConvolutionMode.Truncate).build()),
                cnn("avg pool k3 s2 Same", "MKLDNNSubsamplingHelper", new int[] {2, 8, 9},
                        () -> pool(PoolingType.AVG, 3).stride(2, 2).convolutionMode(ConvolutionMode.Same).build()),
                nhwc("avg pool k3 s2 p1 NHWC", "MKLDNNSubsamplingHelper", new int[] {3, 9, 9},
                        () -> pool(PoolingType.AVG, 3).stride(2, 2).padding(1, 1).dataFormat(CNN2DFormat.NHWC).build()),
                nhwc("max pool k2 s2 NHWC", "MKLDNNSubsamplingHelper", new int[] {3, 8, 8},
                        () -> pool(PoolingType.MAX, 2).stride(2, 2).dataFormat(CNN2DFormat.NHWC).build()),
                cnn("pnorm pool k2 s2 (helper declines, DL4J's own path)", "MKLDNNSubsamplingHelper", new int[] {2, 8, 8},
                        () -> pool(PoolingType.PNORM, 2).stride(2, 2).pnorm(2).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void helperComputesWhatDl4jComputesWithout(String name, String helper, int fallbacks, InputType input,
                                               long[] shape, Supplier<Layer> layer) {
        HelperPair pair = HelperPair.of(HelperPair.initialised(() -> network(layer.get(), input)));
        randomParameters(pair, 11);
        pair.assertHelper(0, helper);
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.randn(DataType.FLOAT, shape);
        INDArray labels = Nd4j.randn(DataType.FLOAT, pair.off().output(x, false).shape());

        double inference = pair.inference(x);
        double forward = pair.trainingForward(x);
        double backward = pair.backward(x, labels);
        assertEquals(fallbacks, pair.helperFailures(0), name + ": failures of the helper (then DL4J's own path)");
        assertTrue(inference <= FLOAT_TOLERANCE, () -> name + ": inference differs by " + inference);
        assertTrue(forward <= FLOAT_TOLERANCE, () -> name + ": training forward differs by " + forward);
        assertTrue(backward <= FLOAT_TOLERANCE, () -> name + ": gradients differ by " + backward);
    }

    /**
     * The convolution helper builds its op context (kernel, stride, padding) on its first call and keeps it; with
     * Same padding, libnd4j recomputes the padding from each input, so a later input of another size (and batch)
     * still agrees.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("resizedInputs")
    void helperFollowsAChangeOfInputSize(String name, Supplier<Layer> layer) {
        HelperPair pair = HelperPair.of(HelperPair.initialised(() -> network(layer.get(),
                InputType.convolutional(9, 9, 2, CNN2DFormat.NCHW))));
        randomParameters(pair, 13);
        Nd4j.getRandom().setSeed(17);
        for (long[] shape : new long[][] {{2, 2, 9, 9}, {3, 2, 12, 10}, {1, 2, 7, 8}}) {
            INDArray x = Nd4j.randn(DataType.FLOAT, shape);
            INDArray labels = Nd4j.randn(DataType.FLOAT, pair.off().output(x, false).shape());
            double inference = pair.inference(x);
            double backward = pair.backward(x, labels);
            assertTrue(inference <= FLOAT_TOLERANCE, () -> name + " " + Arrays.toString(shape) + ": inference differs by " + inference);
            assertTrue(backward <= FLOAT_TOLERANCE, () -> name + " " + Arrays.toString(shape) + ": gradients differ by " + backward);
        }
        assertEquals(0, pair.helperFailures(0), name + ": failures of the helper");
    }

    static Stream<Arguments> resizedInputs() {
        return Stream.of(
                Arguments.of("conv k4 s2 Same", (Supplier<Layer>) () -> conv(4, 4).nOut(3).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).build()),
                Arguments.of("conv k3 s2 p1 Truncate", (Supplier<Layer>) () -> conv(3, 3).nOut(3).stride(2, 2)
                        .padding(1, 1).convolutionMode(ConvolutionMode.Truncate).build()),
                Arguments.of("batch norm", (Supplier<Layer>) () -> new BatchNormalization.Builder().build()),
                Arguments.of("avg pool k3 s2 Same", (Supplier<Layer>) () -> pool(PoolingType.AVG, 3).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).build()));
    }

    private static Arguments cnn(String name, String helper, int[] chw, Supplier<Layer> layer) {
        return Arguments.of(name, helper, 0, InputType.convolutional(chw[1], chw[2], chw[0], CNN2DFormat.NCHW),
                new long[] {2, chw[0], chw[1], chw[2]}, layer);
    }

    private static Arguments nhwc(String name, String helper, int[] chw, Supplier<Layer> layer) {
        return Arguments.of(name, helper, 0, InputType.convolutional(chw[1], chw[2], chw[0], CNN2DFormat.NHWC),
                new long[] {2, chw[1], chw[2], chw[0]}, layer);
    }

    private static Arguments dense(String name, String helper, int features, Supplier<Layer> layer) {
        return Arguments.of(name, helper, 0, InputType.feedForward(features), new long[] {5, features}, layer);
    }

    /**
     * {@code c} where the helper fails once (libnd4j 1.0.0-M2.1's oneDNN conv2d refuses dilation above 1), DL4J
     * logs it and runs its own path from then on.
     */
    private static Arguments fallsBack(Arguments c) {
        Object[] a = c.get().clone();
        a[2] = 1;
        return Arguments.of(a);
    }

    private static ConvolutionLayer.Builder conv(int kh, int kw) {
        return new ConvolutionLayer.Builder(kh, kw);
    }

    private static SubsamplingLayer.Builder pool(PoolingType type, int k) {
        return new SubsamplingLayer.Builder(type).kernelSize(k, k);
    }

    private static MultiLayerConfiguration network(Layer layer, InputType input) {
        Layer loss = input instanceof InputType.InputTypeConvolutional cnn
                ? new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).format(cnn.getFormat()).build()
                : new LossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build();
        return new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT).weightInit(WeightInit.XAVIER)
                .list().layer(layer).layer(loss).setInputType(input).build();
    }

    /**
     * Random parameters for both networks of {@code pair}: weights, biases, gamma, beta and the running mean from a
     * normal distribution, the running variance in [0.5, 1.5] (its log10 in [-0.15, 0.15]).
     */
    private static void randomParameters(HelperPair pair, long seed) {
        Nd4j.getRandom().setSeed(seed);
        for (Map.Entry<String, INDArray> p : pair.off().getLayer(0).paramTable().entrySet()) {
            INDArray value = p.getValue();
            switch (p.getKey()) {
                case "var" -> value.assign(Nd4j.rand(value.dataType(), value.shape()).addi(0.5));
                case "log10stdev" -> value.assign(Nd4j.rand(value.dataType(), value.shape()).subi(0.5).muli(0.3));
                default -> value.assign(Nd4j.randn(value.dataType(), value.shape()).muli(0.5));
            }
        }
        pair.on().setParams(pair.off().params().dup());
    }
}
