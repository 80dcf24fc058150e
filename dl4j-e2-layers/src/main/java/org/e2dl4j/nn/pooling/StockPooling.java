package org.e2dl4j.nn.pooling;

import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The stock DL4J layers the pooling layers export to: a {@code SubsamplingLayer} with PyTorch's window
 * (Truncate mode, padding counted in the average's divisor), and a {@code DepthwiseConvolution2D} holding a
 * fixed blur filter (no bias, NoOp updater so that training the exported network leaves it fixed).
 */
final class StockPooling {

    private StockPooling() {
    }

    /**
     * A SubsamplingLayer computing the same pooling as {@code geometry} on every channel.
     *
     * @throws IllegalArgumentException naming the layer if the geometry uses ceil mode (SubsamplingLayer rounds
     *                                  output sizes down only) or dilation (wrong in DL4J's float path)
     */
    static SubsamplingLayer subsampling(EquivariantLayer source, PoolingType type, PoolingGeometry geometry) {
        if (geometry.ceilMode()) {
            throw new IllegalArgumentException("cannot export " + source.describe() + " with ceilMode = true: the stock"
                    + " SubsamplingLayer has no ceil mode (it rounds output sizes down); build the layer without ceil"
                    + " mode or pad the input");
        }
        int[] d = geometry.dilation();
        if (d[0] > 1 || d[1] > 1) {
            throw new IllegalArgumentException("cannot export " + source.describe() + " with dilation "
                    + java.util.Arrays.toString(d) + ": DL4J 1.0.0-M2.1's SubsamplingLayer pools the wrong cells when"
                    + " dilating in float on oneDNN builds, so the stock network would not compute the same function");
        }
        SubsamplingLayer.Builder b = new SubsamplingLayer.Builder(type, geometry.kernel(), geometry.stride(),
                geometry.padding());
        b.setConvolutionMode(ConvolutionMode.Truncate);
        b.setDataFormat(CNN2DFormat.NCHW);
        b.setAvgPoolIncludePadInDivisor(true);
        b.name(source.getLayerName());
        return b.build();
    }

    /**
     * A depthwise convolution of {@code channels} channels applying {@code filter} [k, k] to each, with the given
     * stride and padding: the exported form of a Gaussian blur.
     */
    static ExportedLayer fixedDepthwise(String name, int channels, INDArray filter, int[] stride, int[] padding) {
        int k = (int) filter.size(0);
        DepthwiseConvolution2D conv = new DepthwiseConvolution2D.Builder(new int[] {k, k}, stride, padding)
                .nIn(channels).nOut(channels).depthMultiplier(1).hasBias(false).activation(Activation.IDENTITY)
                .convolutionMode(ConvolutionMode.Truncate).dataFormat(CNN2DFormat.NCHW).updater(new NoOp())
                .weightInit(WeightInit.ZERO).biasUpdater(new NoOp()).name(name).build();
        INDArray weights = filter.reshape(k, k, 1, 1).repeat(2, channels).dup('c');
        return new ExportedLayer(conv, Map.of("W", weights));
    }
}
