package org.e2dl4j.onednn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Where DL4J 1.0.0-M2.1's oneDNN helpers are wrong or do not apply, and what DL4J does then.
 */
class StockHelperLimitsTest {

    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

    @BeforeEach
    void oneDnn() {
        HelperSwitch.assumeOneDnn();
    }

    /**
     * Average pooling with {@code avgPoolIncludePadInDivisor(true)}: the forward pass (DL4J M2.1 never calls the
     * helper there) divides by the whole window, but the helper's backward pass divides by the window's part inside
     * the image: a wrong input gradient, with no error and no fallback. Hand-derived case: a 2 x 2 image, 2 x 2
     * windows, stride 2, padding 1, so each window holds one pixel and three zeros of padding; the output is x / 4,
     * whose gradient is 1/4 of the incoming one, and the helper gives the whole incoming gradient.
     */
    @Test
    void averagePoolingIncludingPaddingGetsTheExcludingGradientFromTheHelper() {
        Supplier<MultiLayerNetwork> network = pooling(() -> new SubsamplingLayer.Builder(PoolingType.AVG)
                .kernelSize(2, 2).stride(2, 2).padding(1, 1).avgPoolIncludePadInDivisor(true).build(), 2);
        Layer off = HelperSwitch.with(false, network).getLayer(0);
        Layer on = HelperSwitch.with(true, network).getLayer(0);
        assertNotNull(on.getHelper());
        INDArray x = Nd4j.createFromArray(new float[] {1, 2, 3, 4}).reshape(1, 1, 2, 2);
        INDArray quarter = x.div(4);
        INDArray eps = Nd4j.createFromArray(new float[] {1, -2, 3, 0.5f}).reshape(1, 1, 2, 2);

        assertEquals(quarter, activate(off, x));
        assertEquals(quarter, activate(on, x));
        assertEquals(eps.div(4), off.backpropGradient(eps.dup(), NO_WORKSPACES).getSecond());
        assertEquals(eps, on.backpropGradient(eps.dup(), NO_WORKSPACES).getSecond());
    }

    /** The default, {@code avgPoolIncludePadInDivisor(false)}: both passes divide by the part inside the image. */
    @Test
    void averagePoolingExcludingPaddingAgrees() {
        Supplier<MultiLayerNetwork> network = pooling(() -> new SubsamplingLayer.Builder(PoolingType.AVG)
                .kernelSize(2, 2).stride(2, 2).padding(1, 1).build(), 2);
        Layer off = HelperSwitch.with(false, network).getLayer(0);
        Layer on = HelperSwitch.with(true, network).getLayer(0);
        INDArray x = Nd4j.createFromArray(new float[] {1, 2, 3, 4}).reshape(1, 1, 2, 2);
        INDArray eps = Nd4j.createFromArray(new float[] {1, -2, 3, 0.5f}).reshape(1, 1, 2, 2);

        assertEquals(x, activate(off, x));
        assertEquals(x, activate(on, x));
        assertEquals(eps, off.backpropGradient(eps.dup(), NO_WORKSPACES).getSecond());
        assertEquals(eps, on.backpropGradient(eps.dup(), NO_WORKSPACES).getSecond());
    }

    /**
     * Dilation above 1: libnd4j 1.0.0-M2.1's oneDNN {@code conv2d} cannot build the primitive. DL4J falls back to
     * its own path after the first failure (logging it with its stack trace), unless the layer forbids the
     * fallback ({@code cudnnAllowFallback(false)}): then the forward pass fails with oneDNN's reason.
     */
    @Test
    void dilatedConvolutionFailsInTheHelper() {
        Supplier<MultiLayerNetwork> network = pooling(() -> new ConvolutionLayer.Builder(3, 3).nOut(2)
                .dilation(2, 2).convolutionMode(ConvolutionMode.Same).cudnnAllowFallback(false).build(), 2);
        MultiLayerNetwork on = HelperSwitch.with(true, network);
        assertNotNull(on.getLayer(0).getHelper());
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 2, 7, 7);

        RuntimeException e = assertThrows(RuntimeException.class, () -> on.output(x, false));
        assertTrue(causes(e).contains("could not create a descriptor for a dilated convolution"), causes(e));
    }

    /** {@code lockGammaBeta(true)}: the batch-norm helper declines when the layer is instantiated. */
    @Test
    void batchNormWithLockedGammaAndBetaHasNoHelper() {
        MultiLayerNetwork on = HelperSwitch.with(true, pooling(() -> new BatchNormalization.Builder()
                .lockGammaBeta(true).build(), 3));
        assertNull(on.getLayer(0).getHelper());
    }

    /**
     * Double precision: the convolution and batch-norm helpers are created but return nothing for non-float
     * arrays, so DL4J runs its own path (the same numbers, to the last bit).
     */
    @Test
    void doublePrecisionRunsDl4jsOwnPath() {
        for (Supplier<org.deeplearning4j.nn.conf.layers.Layer> layer : java.util.List.<Supplier<org.deeplearning4j.nn.conf.layers.Layer>>of(
                () -> new ConvolutionLayer.Builder(3, 3).nOut(2).padding(1, 1).build(),
                () -> new BatchNormalization.Builder().build())) {
            HelperPair pair = HelperPair.of(() -> {
                MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(5)
                        .dataType(DataType.DOUBLE).list().layer(layer.get())
                        .layer(new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build())
                        .setInputType(InputType.convolutional(5, 5, 2)).build());
                net.init();
                return net;
            });
            assertNotNull(pair.on().getLayer(0).getHelper());
            Nd4j.getRandom().setSeed(9);
            INDArray x = Nd4j.randn(DataType.DOUBLE, 2, 2, 5, 5);
            INDArray labels = Nd4j.randn(DataType.DOUBLE, pair.off().output(x, false).shape());
            assertEquals(0, pair.inference(x));
            assertEquals(0, pair.trainingForward(x));
            assertEquals(0, pair.backward(x, labels));
            assertEquals(0, pair.helperFailures(0));
        }
    }

    private static Supplier<MultiLayerNetwork> pooling(Supplier<org.deeplearning4j.nn.conf.layers.Layer> layer, int channels) {
        return HelperPair.initialised(() -> new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT)
                .list().layer(layer.get())
                .layer(new CnnLossLayer.Builder(LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(7, 7, channels)).build());
    }

    /** The layer's training-mode output for {@code x} (kept as its input for the backward pass). */
    private static INDArray activate(Layer layer, INDArray x) {
        layer.setInput(x, NO_WORKSPACES);
        return layer.activate(true, NO_WORKSPACES);
    }

    private static String causes(Throwable t) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            s.append(c.getMessage()).append(" | ");
        }
        return s.toString();
    }
}
