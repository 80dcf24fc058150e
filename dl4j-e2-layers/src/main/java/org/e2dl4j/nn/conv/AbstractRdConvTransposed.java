package org.e2dl4j.nn.conv;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

/**
 * The configuration shared by the transposed steerable convolutions on the plane ({@link R2ConvTransposed}) and in
 * space ({@link R3ConvTransposed}), escnn's {@code _RdConvTransposed}: the adjoint of a convolution whose filter is a
 * steerable kernel from {@code in} to {@code out}, upsampling every spatial axis from n to
 * {@code s(n-1) + d(k-1) + 1 - 2p + q} (Truncate, with the output padding q of escnn's {@code output_padding}: q more
 * positions at the end of every axis) or {@code n s} (Same). Equivariant like the convolution, since reversing a
 * steerable kernel (K(-p)) keeps it steerable; with q &gt; 0 the output is the equivariant map with padding p - q
 * cropped by q at the start of every axis, so it is equivariant up to that one-sided crop. It runs libnd4j's
 * {@code deconv2d} / {@code deconv3d} directly and exports to the stock transposed convolution of its dimension
 * (followed by a cropping layer for an output padding). Its padding mode is zeros, as PyTorch's.
 */
public abstract class AbstractRdConvTransposed extends AbstractR2Conv {

    private static final long serialVersionUID = 1L;

    private int outputPadding;

    /** For Jackson. */
    protected AbstractRdConvTransposed() {
    }

    protected AbstractRdConvTransposed(Builder<?> b) {
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

    @Override
    protected int outputPadding() {
        return outputPadding;
    }

    /** q, the positions added at the end of every spatial axis of the output (escnn's {@code output_padding}). */
    public int getOutputPadding() {
        return outputPadding;
    }

    public void setOutputPadding(int outputPadding) {
        this.outputPadding = outputPadding;
    }

    /**
     * The stock transposed convolution ({@link #deconvolution}); with an output padding q &lt;= p, one with padding
     * p - q followed by a crop of the first q positions of every axis ({@link #leadingCrop}). Refused for q &gt; p,
     * where the extra output positions lie beyond the transposed convolution and hold only the bias (no stock layer
     * writes it there).
     */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        if (outputPadding == 0) {
            return super.toStock(trained);
        }
        if (outputPadding > getPadding()) {
            return StockExport.refused("its output padding " + outputPadding + " exceeds its padding " + getPadding()
                    + ": the last " + (outputPadding - getPadding()) + " output positions along each axis lie beyond"
                    + " the transposed convolution and hold only the bias, and "
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

    /** The stock transposed convolution of the same geometry. */
    @Override
    protected ConvolutionLayer stockLayer(boolean hasBias) {
        return deconvolution(hasBias, getPadding());
    }

    /** The stock transposed convolution of this layer's channels and geometry with the given padding. */
    abstract ConvolutionLayer deconvolution(boolean hasBias, int padding);

    /** The stock layer that drops the first q positions of every spatial axis. */
    abstract Layer leadingCrop(int q);

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && outputPadding == ((AbstractRdConvTransposed) o).outputPadding;
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

    /** The builder of the transposed convolutions: {@link AbstractR2Conv.Builder}'s options and the output padding. */
    public abstract static class Builder<T extends Builder<T>> extends AbstractR2Conv.Builder<T> {

        private int outputPadding;

        protected Builder(FieldType in, FieldType out, int kernelSize) {
            super(in, out, kernelSize);
        }

        /**
         * Positions added at the end of every spatial axis of the output (escnn's and PyTorch's
         * {@code output_padding}, default 0): below the stride or the dilation, Truncate or Strict mode only.
         */
        @SuppressWarnings("unchecked")
        public T outputPadding(int outputPadding) {
            this.outputPadding = outputPadding;
            return (T) this;
        }
    }
}
