package org.e2dl4j.nn.pooling;

import java.util.Arrays;
import java.util.Objects;

import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;

/**
 * The configuration shared by the pooling layers with a sliding window ({@link PointwiseMaxPool},
 * {@link PointwiseAvgPool}, {@link PointwiseMaxPoolAntialiased}, {@link NormMaxPool}, and on volumes
 * {@link PointwiseMaxPool3D}, {@link PointwiseAvgPool3D}): the output type is the input type, and the window is
 * e2cnn's (PyTorch's) kernel size, stride (default: the kernel size), padding (default 0, at most half the kernel),
 * dilation (default 1) and ceil mode (default false), one value per axis of the base space (height, width; or
 * depth, height, width); see {@link PoolingGeometry} for the output size.
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
        PoolingGeometry g;
        try {
            g = geometry();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + ": " + e.getMessage(), e);
        }
        if (g.axes() != baseSpaceDimensionality()) {
            throw new IllegalArgumentException(who() + ": expected a window of " + baseSpaceDimensionality()
                    + " axes, got kernel size " + Arrays.toString(kernelSize));
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
    protected long outputDepth(long d) {
        return geometry().outputSize(0, d);
    }

    @Override
    protected long outputHeight(long h) {
        PoolingGeometry g = geometry();
        return g.outputSize(g.axes() - 2, h);
    }

    @Override
    protected long outputWidth(long w) {
        PoolingGeometry g = geometry();
        return g.outputSize(g.axes() - 1, w);
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
     * {@code (inType, kernelHeight, kernelWidth)} ({@code (inType, kernelDepth, kernelHeight, kernelWidth)} on
     * volumes), then the optional window arguments: one value for every axis, or one per axis.
     */
    public abstract static class Builder<T extends Builder<T>> extends EquivariantLayer.Builder<T> {
        private final int[] kernelSize;
        private int[] stride;
        private int[] padding;
        private int[] dilation;
        private boolean ceilMode;

        protected Builder(FieldType inType, int kernelHeight, int kernelWidth) {
            this(inType, new int[] {kernelHeight, kernelWidth});
        }

        /** A window with one kernel size per axis (2 axes on the plane, 3 on volumes). */
        protected Builder(FieldType inType, int[] kernelSize) {
            super(inType);
            this.kernelSize = kernelSize.clone();
            this.padding = new int[kernelSize.length];
            this.dilation = filled(1);
        }

        private int[] filled(int v) {
            int[] a = new int[kernelSize.length];
            java.util.Arrays.fill(a, v);
            return a;
        }

        /** The stride of the window on every axis; default: the kernel size (non-overlapping windows). */
        @SuppressWarnings("unchecked")
        public T stride(int stride) {
            this.stride = filled(stride);
            return (T) this;
        }

        /** The stride of the window along each axis (height, width; or depth, height, width). */
        @SuppressWarnings("unchecked")
        public T stride(int... stride) {
            this.stride = stride.clone();
            return (T) this;
        }

        /** Implicit padding on both sides of every axis (default 0); at most half the kernel. */
        @SuppressWarnings("unchecked")
        public T padding(int padding) {
            this.padding = filled(padding);
            return (T) this;
        }

        /** Implicit padding on both sides along each axis. */
        @SuppressWarnings("unchecked")
        public T padding(int... padding) {
            this.padding = padding.clone();
            return (T) this;
        }

        /** Spacing between the window's cells on every axis (default 1). */
        @SuppressWarnings("unchecked")
        public T dilation(int dilation) {
            this.dilation = filled(dilation);
            return (T) this;
        }

        /** Spacing between the window's cells along each axis. */
        @SuppressWarnings("unchecked")
        public T dilation(int... dilation) {
            this.dilation = dilation.clone();
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
