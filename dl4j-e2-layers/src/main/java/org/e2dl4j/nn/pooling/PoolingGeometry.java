package org.e2dl4j.nn.pooling;

import java.util.Arrays;

/**
 * The window of a 2D pooling as PyTorch's {@code max_pool2d} / {@code avg_pool2d} define it (e2cnn's pooling
 * modules call them): kernel k, stride s, padding p (at most half the dilated kernel), dilation d, and
 * {@code ceilMode}. Per axis, for an input of size n the output size is
 * {@code floor((n + 2p - d(k-1) - 1) / s) + 1}; in ceil mode the division rounds up, except that the last
 * window must start inside the input or its left padding. The windows of ceil mode may run past the padded
 * input by {@link #overhang} cells; those cells take no part in the pooling. Index 0 is the height axis, 1
 * the width axis. Immutable.
 */
public final class PoolingGeometry {

    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;

    /**
     * @throws IllegalArgumentException if a size is out of range or a padding exceeds half the dilated kernel
     */
    public PoolingGeometry(int[] kernel, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this.kernel = pair(kernel, "kernel size", 1);
        this.stride = pair(stride, "stride", 1);
        this.padding = pair(padding, "padding", 0);
        this.dilation = pair(dilation, "dilation", 1);
        this.ceilMode = ceilMode;
        for (int a = 0; a < 2; a++) {
            if (2 * this.padding[a] > effectiveKernel(a)) {
                throw new IllegalArgumentException("padding " + Arrays.toString(this.padding)
                        + " must be at most half the dilated kernel " + effectiveKernel(0) + " x " + effectiveKernel(1)
                        + " (as in PyTorch's pooling)");
            }
        }
    }

    private static int[] pair(int[] v, String what, int min) {
        if (v == null || v.length != 2) {
            throw new IllegalArgumentException(what + " needs two values (height, width), got "
                    + Arrays.toString(v));
        }
        if (v[0] < min || v[1] < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", got " + Arrays.toString(v));
        }
        return v.clone();
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
     * The output shape [N, C, H', W'] for an NCHW input shape.
     *
     * @throws IllegalArgumentException if the input is smaller than the window (the output would be empty)
     */
    public long[] outputShape(long[] inputShape) {
        long h = outputSize(0, inputShape[2]);
        long w = outputSize(1, inputShape[3]);
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("an input of " + inputShape[2] + " x " + inputShape[3]
                    + " is smaller than the pooling window (" + this + ")");
        }
        return new long[] {inputShape[0], inputShape[1], h, w};
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
     * libnd4j's integer arguments of {@code maxpool2d} / {@code avgpool2d} (and their _bp) for NCHW data, with the
     * given divisor code (avg pooling: 1 divides by the whole kernel, padding included; 0 by the cells present).
     */
    int[] opArguments(int divisorCode) {
        return new int[] {kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1],
                0, divisorCode, 0};
    }

    /** The kernel size (height, width); a fresh array. */
    public int[] kernel() {
        return kernel.clone();
    }

    /** The stride (height, width); a fresh array. */
    public int[] stride() {
        return stride.clone();
    }

    /** The padding (height, width); a fresh array. */
    public int[] padding() {
        return padding.clone();
    }

    /** The dilation (height, width); a fresh array. */
    public int[] dilation() {
        return dilation.clone();
    }

    /** Whether output sizes round up. */
    public boolean ceilMode() {
        return ceilMode;
    }

    @Override
    public String toString() {
        return "kernel " + kernel[0] + "x" + kernel[1] + ", stride " + stride[0] + "x" + stride[1] + ", padding "
                + padding[0] + "x" + padding[1] + ", dilation " + dilation[0] + "x" + dilation[1]
                + (ceilMode ? ", ceil mode" : "");
    }
}
