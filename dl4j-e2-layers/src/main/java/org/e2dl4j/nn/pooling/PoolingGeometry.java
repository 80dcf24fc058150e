package org.e2dl4j.nn.pooling;

import java.util.Arrays;

/**
 * The window of a 2D or 3D pooling as PyTorch's {@code max_pool2d} / {@code avg_pool2d} ({@code max_pool3d} /
 * {@code avg_pool3d}) define it (e2cnn's and escnn's pooling modules call them): kernel k, stride s, padding p (at
 * most half the dilated kernel), dilation d, and
 * {@code ceilMode}. Per axis, for an input of size n the output size is
 * {@code floor((n + 2p - d(k-1) - 1) / s) + 1}; in ceil mode the division rounds up, except that the last
 * window must start inside the input or its left padding. The windows of ceil mode may run past the padded
 * input by {@link #overhang} cells; those cells take no part in the pooling. The axes are those of the
 * feature map after batch and channel: height and width (NCHW), or depth, height and width (NCDHW); the number of
 * values given per setting fixes which. Immutable.
 */
public final class PoolingGeometry {

    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;
    private final int axes;

    /**
     * @throws IllegalArgumentException if a size is out of range or a padding exceeds half the dilated kernel
     */
    public PoolingGeometry(int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this.axes = kernel != null && kernel.length == 3 ? 3 : 2;
        this.kernel = perAxis(kernel, "kernel size", 1);
        this.stride = perAxis(stride, "stride", 1);
        this.padding = perAxis(padding, "padding", 0);
        this.dilation = perAxis(dilation, "dilation", 1);
        this.ceilMode = ceilMode;
        for (int a = 0; a < axes; a++) {
            if (2 * this.padding[a] > effectiveKernel(a)) {
                int[] span = new int[axes];
                for (int b = 0; b < axes; b++) {
                    span[b] = effectiveKernel(b);
                }
                throw new IllegalArgumentException("padding " + Arrays.toString(this.padding)
                        + " must be at most half the dilated kernel " + joined(span) + " (as in PyTorch's pooling)");
            }
        }
    }

    private int[] perAxis(int[] v, String what, int min) {
        if (v == null || v.length != axes) {
            throw new IllegalArgumentException(what + " needs " + (axes == 3 ? "three values (depth, height, width)"
                    : "two values (height, width)") + ", got " + Arrays.toString(v));
        }
        for (int x : v) {
            if (x < min) {
                throw new IllegalArgumentException(what + " must be at least " + min + ", got " + Arrays.toString(v));
            }
        }
        return v.clone();
    }

    /** The number of spatial axes: 2 (height, width) or 3 (depth, height, width). */
    public int axes() {
        return axes;
    }

    /** The span d(k-1)+1 of the dilated kernel along axis {@code a}. */
    public int effectiveKernel(int a) {
        return dilation[a] * (kernel[a] - 1) + 1;
    }

    /** The output size along axis {@code a} for an input of size {@code n}; 0 or less if the output is empty. */
    public long outputSize(int a, long n) {
        long span = n + 2L * padding[a] - effectiveKernel(a);
        if (span < 0) {
            return 0;
        }
        long out = (ceilMode ? (span + stride[a] - 1) / stride[a] : span / stride[a]) + 1;
        if (ceilMode && (out - 1) * stride[a] >= n + padding[a]) {
            out--;
        }
        return out;
    }

    /**
     * The output shape [N, C, H', W'] for an NCHW input shape ([N, C, D', H', W'] for NCDHW).
     *
     * @throws IllegalArgumentException if the input is smaller than the window (the output would be empty)
     */
    public long[] outputShape(long[] inputShape) {
        long[] out = inputShape.clone();
        boolean empty = false;
        for (int a = 0; a < axes; a++) {
            out[2 + a] = outputSize(a, inputShape[2 + a]);
            empty |= out[2 + a] < 1;
        }
        if (empty) {
            throw new IllegalArgumentException("an input of " + joined(Arrays.copyOfRange(inputShape, 2, 2 + axes))
                    + " is smaller than the pooling window (" + this + ")");
        }
        return out;
    }

    /**
     * How many cells the last window of axis {@code a} reaches past the padded input (n + 2p cells): positive
     * only in ceil mode.
     */
    public long overhang(int a, long n) {
        return Math.max(0, (outputSize(a, n) - 1) * stride[a] + effectiveKernel(a) - (n + 2L * padding[a]));
    }

    /**
     * The number of cells of window {@code o} along axis {@code a} that lie in the padded input: the divisor of
     * PyTorch's average pooling (padding counted, the ceil-mode overhang not).
     */
    public long cellsInPaddedInput(int a, long n, long o) {
        long start = o * stride[a] - padding[a];
        long end = Math.min(start + kernel[a], n + padding[a]);
        return end - start;
    }

    /**
     * libnd4j's integer arguments of {@code maxpool2d} / {@code avgpool2d} (and their _bp) for NCHW data, or of
     * {@code maxpool3dnew} / {@code avgpool3dnew} for NCDHW data, with the given divisor code (avg pooling: 1 divides
     * by the whole kernel, padding included; 0 by the cells present).
     */
    int[] opArguments(int divisorCode) {
        if (axes == 3) {
            return new int[] {kernel[0], kernel[1], kernel[2], stride[0], stride[1], stride[2], padding[0], padding[1],
                    padding[2], dilation[0], dilation[1], dilation[2], 0, divisorCode, 0};
        }
        return new int[] {kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1],
                0, divisorCode, 0};
    }

    /** The kernel size (per axis); a fresh array. */
    public int[] kernel() {
        return kernel.clone();
    }

    /** The stride (per axis); a fresh array. */
    public int[] stride() {
        return stride.clone();
    }

    /** The padding (per axis); a fresh array. */
    public int[] padding() {
        return padding.clone();
    }

    /** The dilation (per axis); a fresh array. */
    public int[] dilation() {
        return dilation.clone();
    }

    /** Whether output sizes round up. */
    public boolean ceilMode() {
        return ceilMode;
    }

    @Override
    public String toString() {
        return "kernel " + joined(kernel) + ", stride " + joined(stride) + ", padding " + joined(padding)
                + ", dilation " + joined(dilation) + (ceilMode ? ", ceil mode" : "");
    }

    private static String joined(int[] v) {
        return Arrays.stream(v).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining("x"));
    }

    private static String joined(long[] v) {
        return Arrays.stream(v).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(" x "));
    }
}
