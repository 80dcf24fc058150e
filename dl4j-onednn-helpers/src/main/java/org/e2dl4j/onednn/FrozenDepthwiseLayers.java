package org.e2dl4j.onednn;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.layers.convolution.DepthwiseConvolution2DLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Gives every frozen depthwise convolution of an instantiated network (a stock {@code DepthwiseConvolution2D} inside
 * a {@code FrozenLayerWithBackprop}: a fixed blur, as in antialiased pooling) a backward pass that computes dL/dx
 * alone. DL4J 1.0.0-M2.1's stock layer runs its forward convolution again and libnd4j's {@code depthwise_conv2d_bp},
 * which also computes the filter gradient that the frozen wrapper then zeroes; on oneDNN builds that gradient is
 * most of the layer's backward time. Outputs are the stock layer's, bit for bit; dL/dx equals the stock one up to
 * float rounding (the sums run in another order); the parameters stay fixed. The configuration (JSON,
 * {@code ModelSerializer}) stays the stock one.
 *
 * <p>Replaced are depthwise convolutions with depth multiplier 1, NCHW, modes Truncate, Strict or Same, padding at
 * most the dilated kernel's span less one, any activation, with or without bias, without dropout or weight noise;
 * others keep the stock backward pass. DL4J makes its layers anew whenever it instantiates a network
 * ({@code init()}, {@code clone()}, {@code ModelSerializer.restore...}), so call {@link #install} again after each
 * of these. The ops are backend-neutral.
 */
public final class FrozenDepthwiseLayers {

    private FrozenDepthwiseLayers() {
    }

    /**
     * Gives the frozen depthwise convolutions of {@code network} the dL/dx-only backward pass.
     *
     * @return the number of layers given it
     * @throws IllegalArgumentException when the network has not been initialized
     */
    public static int install(MultiLayerNetwork network) {
        return install(network.getLayers());
    }

    /** As {@link #install(MultiLayerNetwork)}, for the layers of a computation graph. */
    public static int install(ComputationGraph graph) {
        return install(graph.getLayers());
    }

    /** Whether {@code layer} is a frozen depthwise convolution with this class's backward pass. */
    public static boolean installed(Layer layer) {
        return layer instanceof FrozenLayerWithBackprop frozen && frozen.getUnderlying() instanceof FrozenDepthwiseLayer;
    }

    private static int install(Layer[] layers) {
        if (layers == null) {
            throw new IllegalArgumentException("frozen depthwise layers: expected an initialized network, got one"
                    + " without layers (call init() before install)");
        }
        int count = 0;
        for (Layer layer : layers) {
            if (layer != null && layer.getClass() == FrozenLayerWithBackprop.class) {
                FrozenLayerWithBackprop frozen = (FrozenLayerWithBackprop) layer;
                Layer inner = frozen.getUnderlying();
                if (inner.getClass() == DepthwiseConvolution2DLayer.class
                        && FrozenDepthwiseLayer.supports((DepthwiseConvolution2D) inner.conf().getLayer())) {
                    frozen.setUnderlying(new FrozenDepthwiseLayer(inner));
                    count++;
                }
            }
        }
        return count;
    }
}
