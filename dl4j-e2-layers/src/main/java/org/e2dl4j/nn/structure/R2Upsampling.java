package org.e2dl4j.nn.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Upsamples every channel of a feature map (e2cnn's {@code R2Upsampling}, i.e. PyTorch's {@code interpolate}):
 * {@code y[n, c] = A_h x[n, c] A_w^T} with the interpolation matrices A of the chosen mode. The fibers are not
 * touched, so the output type is the input type.
 *
 * <ul>
 *   <li>{@link Mode#BILINEAR} (the default): PyTorch's bilinear interpolation. With {@code alignCorners = false}
 *       (the default, as e2cnn) output pixel o samples the input at {@code (o + 1/2) * in / out - 1/2}, clamped
 *       at the borders; with {@code true} at {@code o * (in - 1) / (out - 1)}. It commutes with the 90-degree
 *       rotations and the flips of the grid, and approximately with the other rotations.</li>
 *   <li>{@link Mode#NEAREST}: PyTorch's legacy nearest neighbour, {@code floor(o * in / out)}. <b>Warning</b>: as
 *       e2cnn says, it is not equivariant in general: the blocky output of a rotated input is not the rotated
 *       blocky output, so equivariance to rotations other than multiples of 90 degrees degrades (integer scale
 *       factors still commute with the grid's own symmetries). Prefer bilinear.</li>
 * </ul>
 * Input [N, C, H, W] with C = {@code inType.size()}; output [N, C, s H, s W] for a scale factor s, or
 * [N, C, h, w] for a fixed size. Export: nearest with a scale factor becomes a stock {@code Upsampling2D};
 * bilinear with a scale factor and {@code alignCorners = false} becomes {@code Upsampling2D} followed by
 * average pooling ({@code SubsamplingLayer}s that leave padding out of the divisor), which computes exactly
 * the same interpolation; fixed sizes and {@code alignCorners = true} have no stock equivalent and make the
 * export fail.
 */
public class R2Upsampling extends EquivariantLayer implements SeparableUpsampling {

    private static final long serialVersionUID = 1L;

    /** The interpolation of {@link R2Upsampling}. */
    public enum Mode {
        /** Bilinear interpolation (e2cnn's default, equivariant up to interpolation error). */
        BILINEAR,
        /** Nearest neighbour (not equivariant in general; see the class documentation). */
        NEAREST
    }

    private int scaleFactor;
    private int outHeight;
    private int outWidth;
    private Mode mode = Mode.BILINEAR;
    private boolean alignCorners;

    /** For Jackson. */
    protected R2Upsampling() {
    }

    protected R2Upsampling(Builder b) {
        super(b);
        this.scaleFactor = b.scaleFactor == null ? 0 : b.scaleFactor;
        this.outHeight = b.size == null ? 0 : b.size[0];
        this.outWidth = b.size == null ? 0 : b.size[1];
        this.mode = b.mode;
        this.alignCorners = b.alignCorners;
    }

    /**
     * Exactly one of a positive scale factor and a positive output size (0 standing for the one not given), a
     * mode, and aligned corners only in bilinear mode.
     */
    @Override
    protected void validate() {
        super.validate();
        if (scaleFactor < 0) {
            throw new IllegalArgumentException(who() + ": scaleFactor must be a positive integer, got " + scaleFactor);
        }
        boolean scaled = scaleFactor != 0;
        boolean sized = outHeight != 0 || outWidth != 0;
        if (scaled == sized) {
            throw new IllegalArgumentException(who() + ": give exactly one of a positive scaleFactor and a positive"
                    + " size, got " + (scaled ? "both" : "neither") + " (scaleFactor " + scaleFactor + ", size "
                    + outHeight + " x " + outWidth + ")");
        }
        if (sized && (outHeight < 1 || outWidth < 1)) {
            throw new IllegalArgumentException(who() + ": size must be positive, got " + outHeight + " x " + outWidth);
        }
        if (mode == null) {
            throw new IllegalArgumentException(who() + ": no mode (property 'mode' missing); expected "
                    + java.util.Arrays.toString(Mode.values()));
        }
        if (mode == Mode.NEAREST && alignCorners) {
            throw new IllegalArgumentException(who() + ": alignCorners applies to bilinear interpolation only;"
                    + " nearest-neighbour upsampling cannot align corners");
        }
    }

    /** The input type: upsampling moves pixels, not fibers. */
    @Override
    public FieldType outType() {
        return getInType();
    }

    /** {@code s h} with a scale factor s, else the fixed height. */
    @Override
    public long outputHeight(long h) {
        return scaleFactor > 0 ? h * scaleFactor : outHeight;
    }

    /** {@code s w} with a scale factor s, else the fixed width. */
    @Override
    public long outputWidth(long w) {
        return scaleFactor > 0 ? w * scaleFactor : outWidth;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new UpsamplingLayer(conf, networkDataType);
    }

    @Override
    public long outputSize(int axis, long n) {
        return axis == 0 ? outputHeight(n) : outputWidth(n);
    }

    @Override
    public boolean nearest() {
        return mode == Mode.NEAREST;
    }

    @Override
    public boolean alignCorners() {
        return alignCorners;
    }

    /** The integer scale factor, or 0 when the output size is fixed. */
    public int getScaleFactor() {
        return scaleFactor;
    }

    public void setScaleFactor(int scaleFactor) {
        this.scaleFactor = scaleFactor;
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
        R2Upsampling u = (R2Upsampling) o;
        return scaleFactor == u.scaleFactor && outHeight == u.outHeight && outWidth == u.outWidth && mode == u.mode
                && alignCorners == u.alignCorners;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), scaleFactor, outHeight, outWidth, mode, alignCorners);
    }

    /**
    * Exports an {@link R2Upsampling} with an integer scale factor s to stock layers.
    *
    * <ul>
    *   <li>nearest: {@code Upsampling2D(s)} (the same repetition of pixels);</li>
    *   <li>bilinear without aligned corners: {@code Upsampling2D(s)}, then an s x s average pooling with stride 1,
    *       and for even s a 2 x 2 one; padding (s - 1) / 2 (odd s) or s / 2 (even s) is left out of the divisor.
    *       Per axis, repeating each sample s times and averaging over windows of s (and 2) samples convolves the
    *       input with the box kernels {@code b_s * b_s / s} (odd s) or {@code b_s * b_s * b_2 / 2s} (even s), which
    *       are the triangle weights {@code 1 - |d| / s} of linear interpolation at the offsets d of PyTorch's
    *       half-pixel grid. At the borders every averaging window that reaches into the padding sees only copies of
    *       the edge sample, so leaving the padding out of the divisor is the same as repeating the edge sample, which
    *       is what PyTorch's clamping of the source coordinate does. Averages over a rectangle of a grid are
    *       averages of the row averages, so the 2-D pooling is the product of the 1-D ones, as bilinear interpolation
    *       is;</li>
    *   <li>scale factor 1: nothing (the layer vanishes).</li>
    * </ul>
    * A fixed output size or {@code alignCorners = true} is not translation invariant on the grid and has no stock
    * equivalent: the export fails with a message naming the layer.
    */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        if (getScaleFactor() == 0) {
            return StockExport.refused("upsampling to a fixed size (" + getOutHeight() + " x " + getOutWidth()
                    + ") scales by the input size, which no stock DL4J layer does; use a scale factor");
        }
        if (isAlignCorners()) {
            return StockExport.refused("bilinear upsampling with alignCorners = true has no stock DL4J equivalent;"
                    + " use alignCorners = false");
        }
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        int s = getScaleFactor();
        if (s == 1) {
            return List.of();
        }
        List<ExportedLayer> parts = new ArrayList<>();
        parts.add(part(new Upsampling2D.Builder(s).dataFormat(CNN2DFormat.NCHW).build(), this));
        if (getMode() == R2Upsampling.Mode.BILINEAR) {
            parts.add(part(average(s, s % 2 == 1 ? (s - 1) / 2 : s / 2), this));
            if (s % 2 == 0) {
                parts.add(part(average(2, 0), this));
            }
        }
        return parts;
    }


    /** Average pooling, k x k, stride 1, the given padding left out of the divisor. */
    private static SubsamplingLayer average(int k, int padding) {
        return new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(k, k).stride(1, 1).padding(padding, padding)
                .avgPoolIncludePadInDivisor(false).convolutionMode(ConvolutionMode.Truncate)
                .dataFormat(CNN2DFormat.NCHW).build();
    }


    private static ExportedLayer part(org.deeplearning4j.nn.conf.layers.Layer stock, R2Upsampling c) {
        stock.setLayerName(c.getLayerName());
        return new ExportedLayer(stock, Map.of());
    }

    /**
     * Builds an {@link R2Upsampling}: a scale factor or an output size (exactly one), the mode (default bilinear)
     * and {@code alignCorners} (default false).
     */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        private Integer scaleFactor;
        private int[] size;
        private Mode mode = Mode.BILINEAR;
        private boolean alignCorners;

        /** Give the scale factor or the size with the methods of the same names. */
        public Builder(FieldType inType) {
            super(inType);
        }

        /** Upsampling by an integer scale factor (e2cnn's {@code scale_factor}). */
        public Builder(FieldType inType, int scaleFactor) {
            super(inType);
            this.scaleFactor = scaleFactor;
        }

        /** Multiplies height and width by this positive integer. */
        public Builder scaleFactor(int scaleFactor) {
            this.scaleFactor = scaleFactor;
            return this;
        }

        /** A fixed output size (e2cnn's {@code size}), instead of a scale factor. */
        public Builder size(int height, int width) {
            this.size = new int[] {height, width};
            return this;
        }

        /** A fixed square output size. */
        public Builder size(int size) {
            return size(size, size);
        }

        /** The interpolation; default {@link Mode#BILINEAR}. */
        public Builder mode(Mode mode) {
            this.mode = mode;
            return this;
        }

        /** The interpolation by e2cnn's name, {@code "bilinear"} or {@code "nearest"}. */
        public Builder mode(String mode) {
            try {
                return mode(Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("R2Upsampling: mode must be \"bilinear\" or \"nearest\", got \""
                        + mode + "\"", e);
            }
        }

        /** Whether bilinear interpolation aligns the corner pixels of input and output; default false (e2cnn's). */
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
        public R2Upsampling build() {
            return checked(new R2Upsampling(this));
        }
    }
}
