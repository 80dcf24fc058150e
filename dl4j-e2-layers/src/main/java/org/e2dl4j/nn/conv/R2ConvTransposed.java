package org.e2dl4j.nn.conv;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.e2dl4j.math.kernel.BasisPolicy;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

/**
 * Transposed G-steerable convolution (e2cnn's {@code R2ConvTransposed}) as a DL4J layer: the adjoint of a
 * convolution whose filter is a steerable kernel from {@code in} to {@code out}, upsampling
 * [N, in.size(), H, W] to [N, out.size(), H', W'] with H' = s(H-1) + d(k-1) + 1 - 2p + q (Truncate, with the output
 * padding q of e2cnn's {@code output_padding}: q more rows and columns at the bottom and right) or H s (Same).
 * Equivariant like {@link R2Conv}, since reversing a steerable kernel (K(-p)) keeps it steerable; with q &gt; 0 the
 * output is the equivariant map with padding p - q cropped by q at the top and left, so it is equivariant up to
 * that one-sided crop. It runs libnd4j's {@code deconv2d} directly and exports to a stock {@code Deconvolution2D}
 * (followed by a {@code Cropping2D} for an output padding). Its padding mode is zeros, as PyTorch's.
 */
public class R2ConvTransposed extends AbstractR2Conv {

    private static final long serialVersionUID = 1L;

    private int outputPadding;

    /** For Jackson. */
    public R2ConvTransposed() {
    }

    R2ConvTransposed(Builder b) {
        super(b);
        this.outputPadding = b.outputPadding;
    }

    @Override
    public ConvolutionKind kind() {
        return ConvolutionKind.TRANSPOSED;
    }

    /** Zero padding only (PyTorch's transposed convolutions have no other), besides the shared checks. */
    @Override
    protected void validate() {
        super.validate();
        if (getPaddingMode() != PaddingMode.ZEROS) {
            throw new IllegalArgumentException(who() + ": a transposed convolution pads with zeros only (as"
                    + " PyTorch's and e2cnn's), got padding mode " + getPaddingMode());
        }
    }

    /**
     * The basis settings, with e2cnn's default rings of a transposed convolution where none are set: its
     * R2ConvTransposed places them at {@code 0, 1, ..., ceil(k/2) - 1} whatever the dilation (R2Conv scales them by
     * the dilation), so with a dilation the two layers have different default bases.
     */
    @Override
    protected BasisPolicy basisPolicy() {
        BasisSettings settings = getBasisSettings();
        if (settings.getRings() == null && getDilation() > 1 && getKernelSize() >= 1) {
            double[] rings = new double[(getKernelSize() + 1) / 2];
            for (int i = 0; i < rings.length; i++) {
                rings[i] = i;
            }
            settings = settings.withRings(rings);
        }
        return settings.toPolicy();
    }

    @Override
    protected int outputPadding() {
        return outputPadding;
    }

    /** q, the rows and columns added at the bottom and right of the output (e2cnn's {@code output_padding}). */
    public int getOutputPadding() {
        return outputPadding;
    }

    public void setOutputPadding(int outputPadding) {
        this.outputPadding = outputPadding;
    }

    /**
     * A stock {@code Deconvolution2D}; with an output padding q &lt;= p, one with padding p - q followed by a
     * {@code Cropping2D} of q rows and columns at the top and left. Refused for q &gt; p, where the extra output rows
     * lie beyond the transposed convolution and hold only the bias (no stock layer writes it there).
     */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        if (outputPadding == 0) {
            return super.toStock(trained);
        }
        if (outputPadding > getPadding()) {
            return StockExport.refused("its output padding " + outputPadding + " exceeds its padding " + getPadding()
                    + ": the last " + (outputPadding - getPadding()) + " output positions along each axis lie beyond the"
                    + " transposed convolution and hold only the bias, and "
                    + stockLayer(false).getClass().getSimpleName() + " has no output padding");
        }
        R2ConvLayer conv = (R2ConvLayer) trained;
        ConvolutionLayer deconv = deconvolution(conv.hasBias(), getPadding() - outputPadding);
        Layer crop = leadingCrop(outputPadding);
        if (getLayerName() != null) {
            crop.setLayerName(getLayerName() + "-output-padding");
        }
        return StockExport.replacedBy(List.of(ExportedLayer.replacing(this, deconv, stockParams(conv)),
                new ExportedLayer(crop, Map.of())));
    }

    /** A stock {@code Deconvolution2D} (filter [inC, outC, k, k], DL4J's deconvolution layout) of the same geometry. */
    @Override
    protected ConvolutionLayer stockLayer(boolean hasBias) {
        return deconvolution(hasBias, getPadding());
    }

    /** The stock transposed convolution of this layer's channels and geometry with the given padding. */
    ConvolutionLayer deconvolution(boolean hasBias, int padding) {
        int k = getKernelSize();
        return new Deconvolution2D.Builder(k, k).nIn(getInType().size()).nOut(getOutType().size())
                .stride(getStride(), getStride()).padding(padding, padding)
                .dilation(getDilation(), getDilation()).convolutionMode(getConvolutionMode())
                .dataFormat(CNN2DFormat.NCHW).hasBias(hasBias).build();
    }

    /** The stock layer that drops the first q positions of every spatial axis: a {@code Cropping2D}. */
    Layer leadingCrop(int q) {
        return new Cropping2D.Builder(q, 0, q, 0).dataFormat(CNN2DFormat.NCHW).build();
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && outputPadding == ((R2ConvTransposed) o).outputPadding;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + outputPadding;
    }

    @Override
    public String toString() {
        String s = super.toString();
        return outputPadding == 0 ? s : s.substring(0, s.length() - 1) + ", output padding=" + outputPadding + ")";
    }

    /** Builder: {@code new R2ConvTransposed.Builder(in, out, kernelSize)}; options as {@link AbstractR2Conv.Builder}. */
    @SuppressWarnings("unchecked")
    public static class Builder extends AbstractR2Conv.Builder<Builder> {

        private int outputPadding;

        /**
         * @param in         input field type
         * @param out        output field type, on the same G-space
         * @param kernelSize k of the k x k kernel
         */
        public Builder(FieldType in, FieldType out, int kernelSize) {
            super(in, out, kernelSize);
        }

        /**
         * Rows and columns added at the bottom and right of the output (e2cnn's and PyTorch's
         * {@code output_padding}, default 0): below the stride or the dilation, Truncate or Strict mode only.
         */
        public Builder outputPadding(int outputPadding) {
            this.outputPadding = outputPadding;
            return this;
        }

        @Override
        public R2ConvTransposed build() {
            return checked(new R2ConvTransposed(this));
        }
    }
}
