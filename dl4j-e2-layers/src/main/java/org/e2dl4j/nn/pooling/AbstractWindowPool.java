package org.e2dl4j.nn.pooling;

import java.util.Arrays;
import java.util.Objects;

import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;

/**
 * The configuration shared by the pooling layers with a sliding window ({@link PointwiseMaxPool},
 * {@link PointwiseAvgPool}, {@link PointwiseMaxPoolAntialiased}, {@link NormMaxPool}): the output type is the
 * input type, and the window is e2cnn's (PyTorch's) kernel size, stride (default: the kernel size), padding
 * (default 0, at most half the kernel), dilation (default 1) and ceil mode (default false); see
 * {@link PoolingGeometry} for the output size.
 */
public abstract class AbstractWindowPool extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private int[] kernelSize;
    private int[] stride;
    private int[] padding = {0, 0};
    private int[] dilation = {1, 1};
    private boolean ceilMode;

    /** For Jackson. */
    protected AbstractWindowPool() {
    }

    protected AbstractWindowPool(Builder<?> b) {
        super(b);
        this.kernelSize = b.kernelSize.clone();
        this.stride = b.stride == null ? b.kernelSize.clone() : b.stride.clone();
        this.padding = b.padding.clone();
        this.dilation = b.dilation.clone();
        this.ceilMode = b.ceilMode;
    }

    /** A window of kernel size and dilation at least 1, stride at least 1, padding from 0 to half the kernel. */
    @Override
    protected void validate() {
        super.validate();
        try {
            geometry();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + ": " + e.getMessage(), e);
        }
    }

    /** The pooling window. */
    public PoolingGeometry geometry() {
        return new PoolingGeometry(kernelSize, stride, padding, dilation, ceilMode);
    }

    /** The input type: pooling acts on each channel's plane and leaves the fibers' type unchanged. */
    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    protected long outputHeight(long h) {
        return geometry().outputSize(0, h);
    }

    @Override
    protected long outputWidth(long w) {
        return geometry().outputSize(1, w);
    }

    public int[] getKernelSize() {
        return kernelSize;
    }

    public void setKernelSize(int[] kernelSize) {
        this.kernelSize = kernelSize;
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

    public int[] getDilation() {
        return dilation;
    }

    public void setDilation(int[] dilation) {
        this.dilation = dilation;
    }

    public boolean isCeilMode() {
        return ceilMode;
    }

    public void setCeilMode(boolean ceilMode) {
        this.ceilMode = ceilMode;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        AbstractWindowPool p = (AbstractWindowPool) o;
        return Arrays.equals(kernelSize, p.kernelSize) && Arrays.equals(stride, p.stride)
                && Arrays.equals(padding, p.padding) && Arrays.equals(dilation, p.dilation) && ceilMode == p.ceilMode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), Arrays.hashCode(kernelSize), Arrays.hashCode(stride),
                Arrays.hashCode(padding), Arrays.hashCode(dilation), ceilMode);
    }

    /**
     * The builder of the windowed pooling layers: {@code (inType, kernelSize)} or
     * {@code (inType, kernelHeight, kernelWidth)}, then the optional window arguments.
     */
    public abstract static class Builder<T extends Builder<T>> extends EquivariantLayer.Builder<T> {
        private final int[] kernelSize;
        private int[] stride;
        private int[] padding = {0, 0};
        private int[] dilation = {1, 1};
        private boolean ceilMode;

        protected Builder(FieldType inType, int kernelHeight, int kernelWidth) {
            super(inType);
            this.kernelSize = new int[] {kernelHeight, kernelWidth};
        }

        /** The stride of the window; default: the kernel size (non-overlapping windows). */
        public T stride(int stride) {
            return stride(stride, stride);
        }

        /** The stride of the window along height and width. */
        @SuppressWarnings("unchecked")
        public T stride(int strideHeight, int strideWidth) {
            this.stride = new int[] {strideHeight, strideWidth};
            return (T) this;
        }

        /** Implicit padding on both sides (default 0); at most half the kernel. */
        public T padding(int padding) {
            return padding(padding, padding);
        }

        /** Implicit padding on both sides along height and width. */
        @SuppressWarnings("unchecked")
        public T padding(int paddingHeight, int paddingWidth) {
            this.padding = new int[] {paddingHeight, paddingWidth};
            return (T) this;
        }

        /** Spacing between the window's cells (default 1). */
        public T dilation(int dilation) {
            return dilation(dilation, dilation);
        }

        /** Spacing between the window's cells along height and width. */
        @SuppressWarnings("unchecked")
        public T dilation(int dilationHeight, int dilationWidth) {
            this.dilation = new int[] {dilationHeight, dilationWidth};
            return (T) this;
        }

        /** Whether output sizes round up instead of down (default false), as PyTorch's {@code ceil_mode}. */
        @SuppressWarnings("unchecked")
        public T ceilMode(boolean ceilMode) {
            this.ceilMode = ceilMode;
            return (T) this;
        }
    }
}
