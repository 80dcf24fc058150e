package org.e2dl4j.nn.conv;

import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution3D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping3D;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Transposed G-steerable convolution in space (escnn's {@code R3ConvTransposed}) as a DL4J layer: the adjoint of a
 * convolution whose filter is a steerable kernel on the k x k x k grid from {@code in} to {@code out}, upsampling
 * [N, in.size(), D, H, W] (NCDHW) to [N, out.size(), D', H', W'] with {@link AbstractRdConvTransposed}'s size rule
 * on every axis, including escnn's {@code output_padding} q (q more positions at the end of every axis; equivariant
 * up to the one-sided crop it implies). Equivariant like {@link R3Conv} on the grid-preserving elements. It runs
 * libnd4j's {@code deconv3d} directly and exports to a stock {@code Deconvolution3D} (followed by a {@code Cropping3D} for an
 * output padding). Its padding mode is zeros, as PyTorch's.
 */
public class R3ConvTransposed extends AbstractRdConvTransposed {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    public R3ConvTransposed() {
    }

    private R3ConvTransposed(Builder b) {
        super(b);
    }

    /** Volumetric fields: the input type lives on a G-space acting on R^3. */
    @Override
    protected int baseSpaceDimensionality() {
        return 3;
    }

    /** A stock {@code Deconvolution3D} (NCDHW; its filter is [k, k, k, outC, inC]) of this geometry and padding. */
    @Override
    ConvolutionLayer deconvolution(boolean hasBias, int padding) {
        int k = getKernelSize();
        int s = getStride();
        int d = getDilation();
        return new Deconvolution3D.Builder().kernelSize(k, k, k).nIn(getInType().size()).nOut(getOutType().size())
                .stride(s, s, s).padding(padding, padding, padding).dilation(d, d, d)
                .convolutionMode(getConvolutionMode()).dataFormat(Convolution3D.DataFormat.NCDHW).hasBias(hasBias)
                .build();
    }

    /** The expanded filter [inC, outC, k, k, k] as Deconvolution3D's [k, k, k, outC, inC]. */
    @Override
    INDArray stockFilter(INDArray filter) {
        return filter.permute(2, 3, 4, 1, 0).dup('c');
    }

    /** A {@code Cropping3D} of the first q positions of every axis. */
    @Override
    Layer leadingCrop(int q) {
        return new Cropping3D.Builder(q, 0, q, 0, q, 0).build();
    }

    /**
     * Builder: {@code new R3ConvTransposed.Builder(in, out, kernelSize)}; options as
     * {@link AbstractRdConvTransposed.Builder}. Its basis is sampled as R3Conv's (escnn's R3ConvTransposed scales the
     * default rings by the dilation, unlike e2cnn's planar R2ConvTransposed).
     */
    public static class Builder extends AbstractRdConvTransposed.Builder<Builder> {

        /**
         * @param in         input field type, on a 3D G-space
         * @param out        output field type, on the same G-space
         * @param kernelSize k of the k x k x k kernel
         */
        public Builder(FieldType in, FieldType out, int kernelSize) {
            super(in, out, kernelSize);
        }

        @Override
        public R3ConvTransposed build() {
            return checked(new R3ConvTransposed(this));
        }
    }
}
