package org.e2dl4j.nn.conv;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.e2dl4j.math.kernel.BasisPolicy;
import org.e2dl4j.nn.FieldType;

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
public class R2ConvTransposed extends AbstractRdConvTransposed {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    public R2ConvTransposed() {
    }

    private R2ConvTransposed(Builder b) {
        super(b);
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

    /** A stock {@code Deconvolution2D} (filter [inC, outC, k, k], DL4J's deconvolution layout) of the same geometry. */
    @Override
    ConvolutionLayer deconvolution(boolean hasBias, int padding) {
        int k = getKernelSize();
        return new Deconvolution2D.Builder(k, k).nIn(getInType().size()).nOut(getOutType().size())
                .stride(getStride(), getStride()).padding(padding, padding)
                .dilation(getDilation(), getDilation()).convolutionMode(getConvolutionMode())
                .dataFormat(CNN2DFormat.NCHW).hasBias(hasBias).build();
    }

    /** A {@code Cropping2D} of q rows and columns at the top and left. */
    @Override
    Layer leadingCrop(int q) {
        return new Cropping2D.Builder(q, 0, q, 0).dataFormat(CNN2DFormat.NCHW).build();
    }

    /**
     * Builder: {@code new R2ConvTransposed.Builder(in, out, kernelSize)}; options as
     * {@link AbstractRdConvTransposed.Builder}.
     */
    public static class Builder extends AbstractRdConvTransposed.Builder<Builder> {

        /**
         * @param in         input field type
         * @param out        output field type, on the same G-space
         * @param kernelSize k of the k x k kernel
         */
        public Builder(FieldType in, FieldType out, int kernelSize) {
            super(in, out, kernelSize);
        }

        @Override
        public R2ConvTransposed build() {
            return checked(new R2ConvTransposed(this));
        }
    }
}
