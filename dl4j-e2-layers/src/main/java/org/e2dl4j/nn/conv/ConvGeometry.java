package org.e2dl4j.nn.conv;

import org.deeplearning4j.nn.conf.ConvolutionMode;

/**
 * The spatial geometry of a square (2D) or cubic (3D) convolution, the same along every spatial axis: kernel size k, stride s, padding p, dilation d, DL4J's
 * convolution mode and, for a transposed convolution, the output padding q. For an input of size n the output
 * size is {@code floor((n + 2p - d(k-1) - 1) / s) + 1} (Truncate; Strict also demands the division be exact) or
 * {@code ceil(n / s)} (Same, padding chosen by libnd4j); a transposed convolution maps n to
 * {@code s(n-1) + d(k-1) + 1 - 2p + q} (Truncate, Strict; PyTorch's {@code output_padding}: q more rows and
 * columns at the bottom and right) or {@code n s} (Same). Immutable.
 */
public final class ConvGeometry {

    /**
     * libnd4j's weight-format code for channels-first weights: [oC, iC, k...] in conv2d and conv3dnew,
     * [iC, oC, k...] in deconv2d and deconv3d.
     */
    private static final int CHANNELS_FIRST_WEIGHTS = 1;

    private final int kernelSize;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final ConvolutionMode mode;
    private final int outputPadding;

    /**
     * A geometry without output padding.
     *
     * @throws IllegalArgumentException if a size is out of range or the mode is Causal (not a mode of these convolutions)
     */
    public ConvGeometry(int kernelSize, int stride, int padding, int dilation, ConvolutionMode mode) {
        this(kernelSize, stride, padding, dilation, mode, 0);
    }

    /**
     * @param outputPadding q, the rows and columns a transposed convolution adds at the bottom and right; as in
     *                      PyTorch, below the stride or below the dilation, and 0 in Same mode
     * @throws IllegalArgumentException if a size is out of range or the mode is Causal (not a mode of these convolutions)
     */
    public ConvGeometry(int kernelSize, int stride, int padding, int dilation, ConvolutionMode mode,
                        int outputPadding) {
        if (kernelSize < 1 || stride < 1 || dilation < 1 || padding < 0) {
            throw new IllegalArgumentException("need kernelSize >= 1, stride >= 1, dilation >= 1, padding >= 0; got"
                    + " kernelSize " + kernelSize + ", stride " + stride + ", dilation " + dilation + ", padding " + padding);
        }
        if (mode == null || mode == ConvolutionMode.Causal) {
            throw new IllegalArgumentException("convolution mode must be Truncate, Strict or Same, got " + mode);
        }
        if (outputPadding < 0 || outputPadding > 0 && outputPadding >= Math.max(stride, dilation)) {
            throw new IllegalArgumentException("output padding must be >= 0 and smaller than the stride or the"
                    + " dilation (stride " + stride + ", dilation " + dilation + "), got " + outputPadding);
        }
        if (outputPadding > 0 && mode == ConvolutionMode.Same) {
            throw new IllegalArgumentException("output padding " + outputPadding + " needs the Truncate or Strict"
                    + " convolution mode (Same fixes the output size to input size x stride)");
        }
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.mode = mode;
        this.outputPadding = outputPadding;
    }

    /** The same kernel, stride, dilation and mode with another padding and no output padding: what an op runs. */
    ConvGeometry withPadding(int newPadding) {
        return new ConvGeometry(kernelSize, stride, newPadding, dilation, mode);
    }

    /**
     * The same convolution as an undilated one: kernel d(k-1)+1 (the dilated filter with zeros between its taps),
     * dilation 1, the same stride, padding and mode. oneDNN builds of libnd4j M2.1 cannot create dilated conv2d /
     * deconv2d primitives; this geometry runs the same function on them.
     */
    ConvGeometry undilated() {
        return new ConvGeometry(effectiveKernelSize(), stride, padding, 1, mode);
    }

    /** The span d(k-1)+1 the dilated kernel covers. */
    public int effectiveKernelSize() {
        return dilation * (kernelSize - 1) + 1;
    }

    /**
     * Output size of the convolution for an input of size {@code n}.
     *
     * @throws IllegalArgumentException if the output would be empty, or (Strict) the stride does not divide
     */
    public long outputSize(long n) {
        if (mode == ConvolutionMode.Same) {
            return (n + stride - 1) / stride;
        }
        long span = n + 2L * padding - effectiveKernelSize();
        if (span < 0) {
            throw new IllegalArgumentException("input size " + n + " with padding " + padding
                    + " is smaller than the dilated kernel (" + effectiveKernelSize() + ")");
        }
        if (mode == ConvolutionMode.Strict && span % stride != 0) {
            throw new IllegalArgumentException("Strict convolution mode: (input " + n + " + 2 * padding " + padding
                    + " - dilated kernel " + effectiveKernelSize() + ") = " + span + " is not divisible by stride "
                    + stride + "; use Truncate or Same, or change the sizes");
        }
        return span / stride + 1;
    }

    /**
     * Output size of the transposed convolution for an input of size {@code n}.
     *
     * @throws IllegalArgumentException if the output would be empty
     */
    public long transposedOutputSize(long n) {
        if (mode == ConvolutionMode.Same) {
            return n * stride;
        }
        long out = stride * (n - 1) + effectiveKernelSize() - 2L * padding + outputPadding;
        if (out < 1) {
            throw new IllegalArgumentException("transposed convolution of input size " + n + " with padding "
                    + padding + " gives an empty output (" + out + ")");
        }
        return out;
    }

    /**
     * libnd4j's integer arguments of conv2d / deconv2d (2 dimensions) or conv3dnew / deconv3d (3), and of their _bp:
     * kernel, stride, padding and dilation once per spatial axis, then Same mode, channels-first data (NCHW, NCDHW)
     * and channels-first weights.
     */
    int[] opArguments(int dimensions) {
        boolean same = mode == ConvolutionMode.Same;
        int p = same ? 0 : padding;
        int[] args = new int[4 * dimensions + 3];
        for (int a = 0; a < dimensions; a++) {
            args[a] = kernelSize;
            args[dimensions + a] = stride;
            args[2 * dimensions + a] = p;
            args[3 * dimensions + a] = dilation;
        }
        args[4 * dimensions] = same ? 1 : 0;
        args[4 * dimensions + 1] = 0;
        args[4 * dimensions + 2] = CHANNELS_FIRST_WEIGHTS;
        return args;
    }

    public int kernelSize() {
        return kernelSize;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return padding;
    }

    public int dilation() {
        return dilation;
    }

    public ConvolutionMode mode() {
        return mode;
    }

    /** q, the output padding of a transposed convolution (0 for a convolution). */
    public int outputPadding() {
        return outputPadding;
    }
}
