package org.e2dl4j.nn.conv;

import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * G-steerable convolution in space (escnn's {@code R3Conv}) as a DL4J layer: maps a volumetric feature map of
 * type {@code in} [N, in.size(), D, H, W] (NCDHW) to one of type {@code out} [N, out.size(), D', H', W'] by
 * {@code y = x * K + b} with a filter {@code K = sum_w weight_w * basis_w} from the steerable kernel basis on the
 * k x k x k grid, so that {@code f(g.x) = g.f(x)} for every element g of the 3D G-space's group (exactly on the
 * elements that map the voxel grid to itself: the 24 rotations of the cube, and with inversion 48). Every spatial
 * axis has the size rule of {@link R2Conv}; the options (stride, padding and padding mode, dilation, groups, bias
 * on the trivial irreps, rings, sigma, frequency cut-off, basis filter, initialization) are escnn's and R2Conv's.
 *
 * <pre>
 *   new R3Conv.Builder(FieldType.trivial(gs, 1), FieldType.of(gs, gs.irrep(1), 4), 5).padding(2).build()
 * </pre>
 * The filter is expanded with ND4J matrix ops only when the parameters change and run through libnd4j's
 * {@code conv3dnew} directly. {@link Export} turns it into a stock {@code Convolution3D}.
 */
public class R3Conv extends AbstractR2Conv {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    public R3Conv() {
    }

    private R3Conv(Builder b) {
        super(b);
    }

    @Override
    public ConvolutionKind kind() {
        return ConvolutionKind.CONVOLUTION;
    }

    /** Volumetric fields: the input type lives on a G-space acting on R^3. */
    @Override
    protected int baseSpaceDimensionality() {
        return 3;
    }

    /**
     * A stock {@code Convolution3D} (NCDHW, filter [outC, inC, k, k, k]) of the same stride, padding and mode. A
     * dilated filter is exported as the undilated one of size d(k-1)+1 with zeros between its taps (the same
     * function): the stock layer runs libnd4j's {@code conv3dnew} with the dilation as given, which oneDNN builds of
     * M2.1 refuse in float.
     */
    @Override
    protected ConvolutionLayer stockLayer(boolean hasBias) {
        ConvGeometry g = geometry().undilated();
        int k = g.kernelSize();
        return new Convolution3D.Builder(k, k, k).nIn(getInType().size()).nOut(getOutType().size())
                .stride(g.stride(), g.stride(), g.stride()).padding(g.padding(), g.padding(), g.padding())
                .dilation(1, 1, 1).convolutionMode(g.mode()).dataFormat(Convolution3D.DataFormat.NCDHW)
                .hasBias(hasBias).build();
    }

    /** The filter with its taps spread d apart, for the undilated stock layer. */
    @Override
    INDArray stockFilter(INDArray filter) {
        return ConvolutionKind.spread(filter, getDilation());
    }

    /** Builder: {@code new R3Conv.Builder(in, out, kernelSize)}; see {@link AbstractR2Conv.Builder} for the options. */
    @SuppressWarnings("unchecked")
    public static class Builder extends AbstractR2Conv.Builder<Builder> {

        /**
         * @param in         input field type, on a 3D G-space
         * @param out        output field type, on the same G-space
         * @param kernelSize k of the k x k x k kernel
         */
        public Builder(FieldType in, FieldType out, int kernelSize) {
            super(in, out, kernelSize);
        }

        @Override
        public R3Conv build() {
            return checked(new R3Conv(this));
        }
    }
}
