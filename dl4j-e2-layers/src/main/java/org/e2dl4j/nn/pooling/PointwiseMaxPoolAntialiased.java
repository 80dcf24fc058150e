package org.e2dl4j.nn.pooling;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NonlinearitySupport;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Anti-aliased channel-wise max pooling (e2cnn's {@code PointwiseMaxPoolAntialiased}): the max over each k x k
 * window with padding p is taken densely (stride 1), then every channel is blurred by a Gaussian of standard
 * deviation sigma (default 0.6; filter size 2 round(4 sigma) + 1, 5 by default) with zero padding
 * p + (size - 1) / 2 and subsampled by the stride s (default k). Output size {@code floor((n + 4p - k) / s) + 1}:
 * what e2cnn's forward pass returns (its {@code evaluate_output_shape} says {@code floor((n + 2p - k) / s) + 1},
 * which differs when p > 0). The output type is the input type; every field must support pointwise
 * nonlinearities. No dilation (as e2cnn); ceil mode has no effect, since the max runs at stride 1.
 *
 * <pre>
 *   new PointwiseMaxPoolAntialiased.Builder(type, 3).stride(2).padding(1).sigma(0.6).build()
 * </pre>
 * Exports to a stock {@code SubsamplingLayer} (MAX, stride 1) and a fixed-weight {@code DepthwiseConvolution2D}.
 */
public class PointwiseMaxPoolAntialiased extends AbstractWindowPool {

    private static final long serialVersionUID = 1L;
    /** e2cnn's filter radius for the max pooling's blur, in standard deviations. */
    private static final double FILTER_RADIUS = 4;

    private double sigma = 0.6;

    /** For Jackson. */
    protected PointwiseMaxPoolAntialiased() {
    }

    protected PointwiseMaxPoolAntialiased(Builder b) {
        super(b);
        this.sigma = b.sigma;
    }

    /** Every field supports pointwise nonlinearities, no dilation, sigma positive and finite. */
    @Override
    protected void validate() {
        super.validate();
        NonlinearitySupport.requireAll(who(), getInType(), Nonlinearity.POINTWISE);
        if (getDilation()[0] != 1 || getDilation()[1] != 1) {
            throw new IllegalArgumentException(who() + ": dilation is not supported (as in e2cnn); got "
                    + Arrays.toString(getDilation()));
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException(who() + ": sigma must be positive and finite, got " + sigma);
        }
    }

    /** The dense max pooling before the blur: the kernel and padding at stride 1. */
    public PoolingGeometry denseGeometry() {
        return new PoolingGeometry(getKernelSize(), new int[] {1, 1}, getPadding(), new int[] {1, 1}, false);
    }

    /** The blur: size 2 round(4 sigma) + 1, padding p + (size - 1) / 2, the layer's stride. */
    public GaussianBlur blur() {
        int size = GaussianBlur.filterSize(sigma, FILTER_RADIUS);
        int[] p = getPadding();
        return new GaussianBlur(sigma, size, getStride(), new int[] {p[0] + (size - 1) / 2, p[1] + (size - 1) / 2});
    }

    @Override
    protected long outputHeight(long h) {
        return blur().outputSize(0, denseGeometry().outputSize(0, h));
    }

    @Override
    protected long outputWidth(long w) {
        return blur().outputSize(1, denseGeometry().outputSize(1, w));
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new AntialiasedPoolLayer(conf, networkDataType, new WindowPool(WindowPool.Kind.MAX, denseGeometry()), blur());
    }

    public double getSigma() {
        return sigma;
    }

    public void setSigma(double sigma) {
        this.sigma = sigma;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && sigma == ((PointwiseMaxPoolAntialiased) o).sigma;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), sigma);
    }

    /**
    * Exports a {@link PointwiseMaxPoolAntialiased} as a stock {@code SubsamplingLayer} (MAX at stride 1) followed by
    * a {@code DepthwiseConvolution2D} holding the fixed Gaussian filter.
    */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        GaussianBlur blur = blur();
        String name = getLayerName();
        return List.of(new ExportedLayer(StockPooling.subsampling(this, PoolingType.MAX, denseGeometry()), Map.of()),
                StockPooling.fixedDepthwise(name == null ? null : name + "_blur", getInType().size(),
                        Nd4j.createFromArray(blur.filter()), getStride(), blur.padding()));
    }

    /** Builds a {@link PointwiseMaxPoolAntialiased}: {@code new Builder(type, kernelSize)}, window options, sigma. */
    public static class Builder extends AbstractWindowPool.Builder<Builder> {
        private double sigma = 0.6;

        /** A square kernel. */
        public Builder(FieldType inType, int kernelSize) {
            super(inType, kernelSize, kernelSize);
        }

        /** A kernel of the given height and width. */
        public Builder(FieldType inType, int kernelHeight, int kernelWidth) {
            super(inType, kernelHeight, kernelWidth);
        }

        /** Standard deviation of the Gaussian blur in pixels (default 0.6, as e2cnn). */
        public Builder sigma(double sigma) {
            this.sigma = sigma;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public PointwiseMaxPoolAntialiased build() {
            return checked(new PointwiseMaxPoolAntialiased(this));
        }
    }
}
