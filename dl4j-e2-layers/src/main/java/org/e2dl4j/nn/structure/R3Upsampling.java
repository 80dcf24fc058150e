package org.e2dl4j.nn.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling3DLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling3D;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Upsamples every channel of an NCDHW volume (escnn's {@code R3Upsampling}, PyTorch's {@code interpolate} on volumes):
 * {@code y[n, c] = x[n, c] x_D A_d x_H A_h x_W A_w}, the 1-D interpolation matrices of {@link R2Upsampling} applied
 * along depth, height and width. The fibers are not touched, so the output type is the input type.
 *
 * <ul>
 *   <li>{@link Mode#TRILINEAR} (the default, as escnn): linear interpolation along every axis, at
 *       {@code (o + 1/2) in / out - 1/2} clamped at the borders, or with {@code alignCorners} at
 *       {@code o (in - 1) / (out - 1)}. With a scale factor it commutes with the 48 signed permutations of the axes
 *       (the cube's rotations and inversion).</li>
 *   <li>{@link Mode#NEAREST}: PyTorch's legacy nearest neighbour; as escnn warns, not equivariant in general (an
 *       integer scale factor still commutes with the grid's own symmetries).</li>
 * </ul>
 * Input [N, C, D, H, W]; output [N, C, s D, s H, s W] for a scale factor s, or a fixed [N, C, d, h, w] (which breaks
 * equivariance unless the three axes scale alike). Export with a scale factor: nearest becomes a stock
 * {@code Upsampling3D}; trilinear without aligned corners {@code Upsampling3D} followed by stride-1 average poolings
 * ({@code Subsampling3DLayer}, whose divisor leaves the padding out), the same box-kernel identity as
 * {@link R2Upsampling}'s export applied on each of the three axes; fixed sizes and aligned corners are refused.
 */
public class R3Upsampling extends EquivariantLayer implements SeparableUpsampling {

    private static final long serialVersionUID = 1L;

    /** The interpolation of {@link R3Upsampling}. */
    public enum Mode {
        /** Linear interpolation along every axis (escnn's default). */
        TRILINEAR,
        /** Nearest neighbour (not equivariant in general). */
        NEAREST
    }

    private int scaleFactor;
    private int outDepth;
    private int outHeight;
    private int outWidth;
    private Mode mode = Mode.TRILINEAR;
    private boolean alignCorners;

    /** For Jackson. */
    protected R3Upsampling() {
    }

    protected R3Upsampling(Builder b) {
        super(b);
        this.scaleFactor = b.scaleFactor == null ? 0 : b.scaleFactor;
        this.outDepth = b.size == null ? 0 : b.size[0];
        this.outHeight = b.size == null ? 0 : b.size[1];
        this.outWidth = b.size == null ? 0 : b.size[2];
        this.mode = b.mode;
        this.alignCorners = b.alignCorners;
    }

    @Override
    protected int baseSpaceDimensionality() {
        return 3;
    }

    /**
     * Exactly one of a positive scale factor and a positive output size (0 standing for the one not given), a mode,
     * and aligned corners only in trilinear mode.
     */
    @Override
    protected void validate() {
        super.validate();
        if (scaleFactor < 0) {
            throw new IllegalArgumentException(who() + ": scaleFactor must be a positive integer, got " + scaleFactor);
        }
        boolean scaled = scaleFactor != 0;
        boolean sized = outDepth != 0 || outHeight != 0 || outWidth != 0;
        String size = outDepth + " x " + outHeight + " x " + outWidth;
        if (scaled == sized) {
            throw new IllegalArgumentException(who() + ": give exactly one of a positive scaleFactor and a positive"
                    + " size, got " + (scaled ? "both" : "neither") + " (scaleFactor " + scaleFactor + ", size " + size
                    + ")");
        }
        if (sized && (outDepth < 1 || outHeight < 1 || outWidth < 1)) {
            throw new IllegalArgumentException(who() + ": size must be positive, got " + size);
        }
        if (mode == null) {
            throw new IllegalArgumentException(who() + ": no mode (property 'mode' missing); expected "
                    + java.util.Arrays.toString(Mode.values()));
        }
        if (mode == Mode.NEAREST && alignCorners) {
            throw new IllegalArgumentException(who() + ": alignCorners applies to trilinear interpolation only;"
                    + " nearest-neighbour upsampling cannot align corners");
        }
    }

    /** The input type: upsampling moves voxels, not fibers. */
    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    public long outputDepth(long d) {
        return scaleFactor > 0 ? d * scaleFactor : outDepth;
    }

    @Override
    public long outputHeight(long h) {
        return scaleFactor > 0 ? h * scaleFactor : outHeight;
    }

    @Override
    public long outputWidth(long w) {
        return scaleFactor > 0 ? w * scaleFactor : outWidth;
    }

    @Override
    public long outputSize(int axis, long n) {
        return axis == 0 ? outputDepth(n) : axis == 1 ? outputHeight(n) : outputWidth(n);
    }

    @Override
    public boolean nearest() {
        return mode == Mode.NEAREST;
    }

    @Override
    public boolean alignCorners() {
        return alignCorners;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new UpsamplingLayer(conf, networkDataType);
    }

    /** The integer scale factor, or 0 when the output size is fixed. */
    public int getScaleFactor() {
        return scaleFactor;
    }

    public void setScaleFactor(int scaleFactor) {
        this.scaleFactor = scaleFactor;
    }

    /** The fixed output depth, or 0 with a scale factor. */
    public int getOutDepth() {
        return outDepth;
    }

    public void setOutDepth(int outDepth) {
        this.outDepth = outDepth;
    }

    /** The fixed output height, or 0 with a scale factor. */
    public int getOutHeight() {
        return outHeight;
    }

    public void setOutHeight(int outHeight) {
        this.outHeight = outHeight;
    }

    /** The fixed output width, or 0 with a scale factor. */
    public int getOutWidth() {
        return outWidth;
    }

    public void setOutWidth(int outWidth) {
        this.outWidth = outWidth;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public boolean isAlignCorners() {
        return alignCorners;
    }

    public void setAlignCorners(boolean alignCorners) {
        this.alignCorners = alignCorners;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        R3Upsampling u = (R3Upsampling) o;
        return scaleFactor == u.scaleFactor && outDepth == u.outDepth && outHeight == u.outHeight
                && outWidth == u.outWidth && mode == u.mode && alignCorners == u.alignCorners;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), scaleFactor, outDepth, outHeight, outWidth, mode, alignCorners);
    }

    /**
     * Exports an {@link R3Upsampling} with an integer scale factor s: nearest as {@code Upsampling3D(s)}; trilinear
     * (corners not aligned) as {@code Upsampling3D(s)}, an s x s x s average pooling of stride 1 and, for even s, a
     * 2 x 2 x 2 one, padded by (s - 1) / 2 (odd s) or s / 2 (even s) with the padding left out of the divisor (see
     * {@link R2Upsampling#toStock}: per axis the box averages of the repeated samples are the triangle weights of
     * linear interpolation, and a 3D box average is the product of the 1D ones); scale factor 1 vanishes.
     */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        if (getScaleFactor() == 0) {
            return StockExport.refused("upsampling to a fixed size (" + outDepth + " x " + outHeight + " x " + outWidth
                    + ") scales by the input size, which no stock DL4J layer does; use a scale factor");
        }
        if (isAlignCorners()) {
            return StockExport.refused("trilinear upsampling with alignCorners = true has no stock DL4J equivalent;"
                    + " use alignCorners = false");
        }
        return StockExport.replacedBy(stockLayers());
    }

    private List<ExportedLayer> stockLayers() {
        int s = getScaleFactor();
        if (s == 1) {
            return List.of();
        }
        List<ExportedLayer> parts = new ArrayList<>();
        parts.add(part(new Upsampling3D.Builder(Convolution3D.DataFormat.NCDHW, s).build()));
        if (getMode() == Mode.TRILINEAR) {
            parts.add(part(average(s, s % 2 == 1 ? (s - 1) / 2 : s / 2)));
            if (s % 2 == 0) {
                parts.add(part(average(2, 0)));
            }
        }
        return parts;
    }

    /** Average pooling, k x k x k, stride 1, the given padding left out of the divisor. */
    private static Subsampling3DLayer average(int k, int padding) {
        return new Subsampling3DLayer.Builder(PoolingType.AVG, new int[] {k, k, k}, new int[] {1, 1, 1},
                new int[] {padding, padding, padding}).convolutionMode(ConvolutionMode.Truncate)
                .dataFormat(Convolution3D.DataFormat.NCDHW).build();
    }

    private ExportedLayer part(org.deeplearning4j.nn.conf.layers.Layer stock) {
        stock.setLayerName(getLayerName());
        return new ExportedLayer(stock, Map.of());
    }

    /**
     * Builds an {@link R3Upsampling}: a scale factor or an output size (exactly one), the mode (default trilinear)
     * and {@code alignCorners} (default false).
     */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        private Integer scaleFactor;
        private int[] size;
        private Mode mode = Mode.TRILINEAR;
        private boolean alignCorners;

        /** Give the scale factor or the size with the methods of the same names. */
        public Builder(FieldType inType) {
            super(inType);
        }

        /** Upsampling by an integer scale factor (escnn's {@code scale_factor}). */
        public Builder(FieldType inType, int scaleFactor) {
            super(inType);
            this.scaleFactor = scaleFactor;
        }

        /** Multiplies depth, height and width by this positive integer. */
        public Builder scaleFactor(int scaleFactor) {
            this.scaleFactor = scaleFactor;
            return this;
        }

        /** A fixed output size (escnn's {@code size}), instead of a scale factor. */
        public Builder size(int depth, int height, int width) {
            this.size = new int[] {depth, height, width};
            return this;
        }

        /** A fixed cubic output size. */
        public Builder size(int size) {
            return size(size, size, size);
        }

        /** The interpolation; default {@link Mode#TRILINEAR}. */
        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        /** The interpolation by escnn's name, {@code "trilinear"} or {@code "nearest"}. */
        public Builder mode(String mode) {
            try {
                return mode(Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("R3Upsampling: mode must be \"trilinear\" or \"nearest\", got \""
                        + mode + "\"", e);
            }
        }

        /** Whether trilinear interpolation aligns the corner voxels of input and output; default false (escnn's). */
        public Builder alignCorners(boolean alignCorners) {
            this.alignCorners = alignCorners;
            return this;
        }

        /**
         * @throws IllegalArgumentException if neither or both of scale factor and size are given, either is not
         *                                  positive, or nearest mode is asked to align corners
         */
        @Override
        @SuppressWarnings("unchecked")
        public R3Upsampling build() {
            return checked(new R3Upsampling(this));
        }
    }
}
