package org.e2dl4j.nn.pooling;

import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling3DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The stock DL4J layers the pooling layers export to: a {@code SubsamplingLayer} ({@code Subsampling3DLayer} on
 * volumes) with PyTorch's window
 * (Truncate mode, padding counted in the average's divisor), and a bias-free {@code DepthwiseConvolution2D} holding
 * the blur filter, frozen ({@link ExportedLayer#fixed}) so that training the exported network leaves it fixed.
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
     * A Subsampling3DLayer (NCDHW) computing the same pooling as the 3-axis {@code geometry} on every channel.
     *
     * @throws IllegalArgumentException naming the layer for ceil mode, dilation (the stock layer has neither), and
     *                                  for average pooling with padding (the stock layer divides by the cells inside
     *                                  the input, PyTorch's avg_pool3d by the whole window)
     */
    static Subsampling3DLayer subsampling3D(EquivariantLayer source, PoolingType type, PoolingGeometry geometry) {
        if (geometry.ceilMode()) {
            throw new IllegalArgumentException("cannot export " + source.describe() + " with ceilMode = true: the stock"
                    + " Subsampling3DLayer has no ceil mode (it rounds output sizes down); build the layer without ceil"
                    + " mode or pad the input");
        }
        if (java.util.Arrays.stream(geometry.dilation()).anyMatch(d -> d > 1)) {
            throw new IllegalArgumentException("cannot export " + source.describe() + " with dilation "
                    + java.util.Arrays.toString(geometry.dilation()) + ": the stock Subsampling3DLayer has no dilation");
        }
        if (type == PoolingType.AVG && java.util.Arrays.stream(geometry.padding()).anyMatch(p -> p > 0)) {
            throw new IllegalArgumentException("cannot export " + source.describe() + " with padding "
                    + java.util.Arrays.toString(geometry.padding()) + ": the stock Subsampling3DLayer divides an"
                    + " average by the cells inside the input, escnn's (PyTorch's) by the whole window, padding"
                    + " included, so the windows at the border would differ");
        }
        return new Subsampling3DLayer.Builder(type, geometry.kernel(), geometry.stride(), geometry.padding())
                .convolutionMode(ConvolutionMode.Truncate).dataFormat(Convolution3D.DataFormat.NCDHW)
                .name(source.getLayerName()).build();
    }

    /**
     * A frozen depthwise convolution of {@code channels} channels applying {@code filter} [k, k] to each, with the
     * given stride and padding: the exported form of a Gaussian blur.
     */
    static ExportedLayer fixedDepthwise(String name, int channels, INDArray filter, int[] stride, int[] padding) {
        int k = (int) filter.size(0);
        DepthwiseConvolution2D conv = new DepthwiseConvolution2D.Builder(new int[] {k, k}, stride, padding)
                .nIn(channels).nOut(channels).depthMultiplier(1).hasBias(false).activation(Activation.IDENTITY)
                .convolutionMode(ConvolutionMode.Truncate).dataFormat(CNN2DFormat.NCHW).updater(new NoOp())
                .weightInit(WeightInit.ZERO).biasUpdater(new NoOp()).name(name).build();
        INDArray weights = filter.reshape(k, k, 1, 1).repeat(2, channels).dup('c');
        return ExportedLayer.fixed(conv, Map.of("W", weights));
    }

    /**
     * A frozen bias-free {@code Convolution3D} of {@code channels} channels blurring each with {@code filter}
     * [k][k][k] at the given stride and padding (the filter on the diagonal of the [C, C, k, k, k] weights; DL4J has no
     * depthwise 3D convolution): the exported form of a 3D Gaussian blur.
     */
    static ExportedLayer fixedVolumeBlur(String name, int channels, double[][][] filter, int[] stride, int[] padding) {
        int k = filter.length;
        INDArray weights = Nd4j.zeros(DataType.DOUBLE, channels, channels, k, k, k);
        INDArray f = Nd4j.createFromArray(filter);
        for (int c = 0; c < channels; c++) {
            weights.get(NDArrayIndex.point(c), NDArrayIndex.point(c)).assign(f);
        }
        Convolution3D conv = new Convolution3D.Builder(new int[] {k, k, k}, stride, padding).nIn(channels)
                .nOut(channels).hasBias(false).activation(Activation.IDENTITY).convolutionMode(ConvolutionMode.Truncate)
                .dataFormat(Convolution3D.DataFormat.NCDHW).weightInit(WeightInit.ZERO).updater(new NoOp())
                .biasUpdater(new NoOp()).name(name).build();
        return ExportedLayer.fixed(conv, Map.of("W", weights));
    }
}
