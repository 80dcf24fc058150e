package org.e2dl4j.nn.pooling;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Anti-aliased channel-wise average pooling (e2cnn's {@code PointwiseAvgPoolAntialiased}): every channel is
 * convolved with a Gaussian of standard deviation sigma (filter size 2 round(3 sigma) + 1) with zero padding p
 * (default (size - 1) / 2, which keeps the size at stride 1) and stride s. Output size
 * {@code floor((n + 2p - size) / s) + 1}. The blur is linear and the same for every channel, so it commutes with
 * any fiber representation: like e2cnn, every field type is accepted; the output type is the input type.
 *
 * <pre>
 *   new PointwiseAvgPoolAntialiased.Builder(type, 0.66, 2).build()
 * </pre>
 * Exports to a fixed-weight stock {@code DepthwiseConvolution2D}.
 */
public class PointwiseAvgPoolAntialiased extends EquivariantLayer {

    private static final long serialVersionUID = 1L;
    /** e2cnn's filter radius for the average pooling's blur, in standard deviations. */
    private static final double FILTER_RADIUS = 3;

    private double sigma;
    private int[] stride;
    private int[] padding;

    /** For Jackson. */
    protected PointwiseAvgPoolAntialiased() {
    }

    protected PointwiseAvgPoolAntialiased(Builder b) {
        this(b, b.sigma, b.stride, b.padding);
    }

    /**
     * The layer of the builder's input type with the given sigma, stride and padding (one value per axis), the
     * padding by default (size - 1) / 2 on every axis.
     */
    protected PointwiseAvgPoolAntialiased(EquivariantLayer.Builder<?> b, double sigma, int[] stride, int[] padding) {
        super(b);
        this.sigma = sigma;
        this.stride = stride.clone();
        if (padding == null) {
            this.padding = new int[stride.length];
            Arrays.fill(this.padding, (GaussianBlur.filterSize(sigma, FILTER_RADIUS) - 1) / 2);
        } else {
            this.padding = padding.clone();
        }
    }

    /** Sigma positive and finite, stride (one value per axis) at least 1, padding (one per axis) at least 0. */
    @Override
    protected void validate() {
        super.validate();
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException(who() + ": sigma must be positive and finite, got " + sigma);
        }
        int axes = baseSpaceDimensionality();
        if (stride == null || stride.length != axes || padding == null || padding.length != axes) {
            throw new IllegalArgumentException(who() + ": stride and padding need " + (axes == 3
                    ? "three values (depth, height, width)" : "two values (height, width)") + ", got"
                    + " stride " + Arrays.toString(stride) + " and padding " + Arrays.toString(padding));
        }
        if (Arrays.stream(stride).anyMatch(s -> s < 1) || Arrays.stream(padding).anyMatch(p -> p < 0)) {
            throw new IllegalArgumentException(who() + ": need stride >= 1 and padding >= 0, got stride "
                    + Arrays.toString(stride) + " and padding " + Arrays.toString(padding));
        }
    }

    /** The blur: size 2 round(3 sigma) + 1, the layer's stride and padding. */
    public GaussianBlur blur() {
        return new GaussianBlur(sigma, GaussianBlur.filterSize(sigma, FILTER_RADIUS), stride, padding);
    }

    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    protected long outputDepth(long d) {
        return blur().outputSize(0, d);
    }

    @Override
    protected long outputHeight(long h) {
        return blur().outputSize(stride.length - 2, h);
    }

    @Override
    protected long outputWidth(long w) {
        return blur().outputSize(stride.length - 1, w);
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new AntialiasedPoolLayer(conf, networkDataType, null, blur());
    }

    public double getSigma() {
        return sigma;
    }

    public void setSigma(double sigma) {
        this.sigma = sigma;
    }

    public int[] getStride() {
        return stride;
    }

    public void setStride(int[] stride) {
        this.stride = stride;
    }

    public int[] getPadding() {
        return padding;
    }

    public void setPadding(int[] padding) {
        this.padding = padding;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        PointwiseAvgPoolAntialiased p = (PointwiseAvgPoolAntialiased) o;
        return sigma == p.sigma && Arrays.equals(stride, p.stride) && Arrays.equals(padding, p.padding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), sigma, Arrays.hashCode(stride), Arrays.hashCode(padding));
    }

    /** Exports a {@link PointwiseAvgPoolAntialiased} as a stock {@code DepthwiseConvolution2D} holding the fixed filter. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        return List.of(StockPooling.fixedDepthwise(getLayerName(), getInType().size(),
                Nd4j.createFromArray(blur().filter()), getStride(), getPadding()));
    }

    /** Builds a {@link PointwiseAvgPoolAntialiased}: {@code new Builder(type, sigma, stride)}, then padding. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {
        private final double sigma;
        private final int[] stride;
        private int[] padding;

        /**
         * @param sigma  standard deviation of the Gaussian in pixels, positive
         * @param stride subsampling stride along both axes
         */
        public Builder(FieldType inType, double sigma, int stride) {
            this(inType, sigma, stride, stride);
        }

        /** As the other constructor, with a stride per axis. */
        public Builder(FieldType inType, double sigma, int strideHeight, int strideWidth) {
            super(inType);
            this.sigma = sigma;
            this.stride = new int[] {strideHeight, strideWidth};
        }

        /** Zero padding on both sides; default (size - 1) / 2, which keeps the size at stride 1. */
        public Builder padding(int padding) {
            return padding(padding, padding);
        }

        /** Zero padding on both sides along height and width. */
        public Builder padding(int paddingHeight, int paddingWidth) {
            this.padding = new int[] {paddingHeight, paddingWidth};
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public PointwiseAvgPoolAntialiased build() {
            return checked(new PointwiseAvgPoolAntialiased(this));
        }
    }
}
