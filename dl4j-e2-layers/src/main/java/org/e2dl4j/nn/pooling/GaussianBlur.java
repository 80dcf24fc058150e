package org.e2dl4j.nn.pooling;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Gaussian blur of e2cnn's antialiased pooling (after Zhang, "Making Convolutional Networks Shift-Invariant
 * Again", 2019): every channel is convolved, with the given stride and zero padding, with the k x k filter
 * {@code G(r, c) = exp(-((r - m)^2 + (c - m)^2) / (2 sigma^2)) / Z}, m = (k - 1) / 2, Z making the entries sum to
 * 1; k = 2 round(radius sigma) + 1 with Python's rounding (half to even), radius 4 for max pooling and 3 for
 * average pooling in e2cnn. The filter is symmetric under the 90-degree rotations and the axis flips. Runs as
 * libnd4j's {@code depthwise_conv2d} and its backward op; caches the per-channel filter per data type and
 * channel count.
 *
 * <p>With three values of stride and padding it blurs NCDHW volumes with the k x k x k filter of escnn's 3D
 * antialiased pooling, {@code G(d, r, c) = exp(-((d - m)^2 + (r - m)^2 + (c - m)^2) / (2 sigma^2)) / Z}, the outer
 * product of three copies of the normalised 1D {@link #profile()} (symmetric under the 48 signed permutations of
 * the axes), run as libnd4j's {@code conv3dnew} of one channel on the [N C, 1, D, H, W] view of the volume.
 */
public final class GaussianBlur {

    private final double sigma;
    private final int size;
    private final int[] stride;
    private final int[] padding;
    private final Map<String, INDArray> weights = new ConcurrentHashMap<>();

    /**
     * @param sigma   standard deviation in pixels, positive
     * @param size    filter size k (odd)
     * @param stride  (height, width) stride of the convolution; (depth, height, width) on volumes
     * @param padding zero padding on both sides, one value per axis as the stride
     */
    public GaussianBlur(double sigma, int size, int[] stride, int[] padding) {
        if (!(sigma > 0) || size < 1 || size % 2 == 0) {
            throw new IllegalArgumentException("need sigma > 0 and an odd filter size, got sigma " + sigma
                    + " and size " + size);
        }
        this.sigma = sigma;
        this.size = size;
        if (stride.length != padding.length || stride.length < 2 || stride.length > 3) {
            throw new IllegalArgumentException("need one stride and one padding per axis (2 or 3 axes), got stride "
                    + java.util.Arrays.toString(stride) + " and padding " + java.util.Arrays.toString(padding));
        }
        this.stride = stride.clone();
        this.padding = padding.clone();
    }

    /** The number of blurred axes: 2 (NCHW) or 3 (NCDHW). */
    public int axes() {
        return stride.length;
    }

    /** The normalised 1D Gaussian [k] whose outer products are the 2D and 3D filters. */
    public double[] profile() {
        double m = (size - 1) / 2.0;
        double[] p = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) {
            p[i] = Math.exp(-(i - m) * (i - m) / (2 * sigma * sigma));
            total += p[i];
        }
        for (int i = 0; i < size; i++) {
            p[i] /= total;
        }
        return p;
    }

    /** The normalised 3D filter [k][k][k] (depth, height, width), the outer product of three profiles. */
    public double[][][] volumeFilter() {
        double[] p = profile();
        double[][][] g = new double[size][size][size];
        for (int d = 0; d < size; d++) {
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) {
                    g[d][r][c] = p[d] * p[r] * p[c];
                }
            }
        }
        return g;
    }

    /** e2cnn's filter size 2 round(radius sigma) + 1 (Python's round: halves to even). */
    public static int filterSize(double sigma, double radiusInSigmas) {
        return 2 * (int) Math.rint(radiusInSigmas * sigma) + 1;
    }

    /** The zero padding per axis; a fresh array. */
    public int[] padding() {
        return padding.clone();
    }

    /** The filter size k. */
    public int size() {
        return size;
    }

    /** The normalised filter [k][k], rows top to bottom. */
    public double[][] filter() {
        double m = (size - 1) / 2.0;
        double[][] g = new double[size][size];
        double total = 0;
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                g[r][c] = Math.exp(-((r - m) * (r - m) + (c - m) * (c - m)) / (2 * sigma * sigma));
                total += g[r][c];
            }
        }
        for (double[] row : g) {
            for (int c = 0; c < size; c++) {
                row[c] /= total;
            }
        }
        return g;
    }

    /** Output size along axis a for an input of size n: floor((n + 2p - k) / s) + 1 (0 or less: empty). */
    public long outputSize(int a, long n) {
        long span = n + 2L * padding[a] - size;
        return span < 0 ? 0 : span / stride[a] + 1;
    }

    /** The blurred, subsampled x [N, C, H, W] into out [N, C, H', W'] (x [N, C, D, H, W] into [N, C, D', H', W']). */
    public void forward(INDArray x, INDArray out) {
        if (axes() == 3) {
            Nd4j.exec(DynamicCustomOp.builder("conv3dnew").addInputs(singleChannel(x), volumeWeights(x.dataType()))
                    .addOutputs(singleChannel(out)).addIntegerArguments(volumeArguments()).build());
            return;
        }
        Nd4j.exec(DynamicCustomOp.builder("depthwise_conv2d").addInputs(x, weights(x.dataType(), x.size(1)))
                .addOutputs(out).addIntegerArguments(arguments()).build());
    }

    /** dL/dx into dx from dL/dy dy (the blur is linear: x is needed for its shape only). */
    public void backward(INDArray x, INDArray dy, INDArray dx, LayerWorkspaceMgr ws, ArrayType working) {
        if (axes() == 3) {
            INDArray w = volumeWeights(x.dataType());
            INDArray unusedFilterGradient = ws.createUninitialized(working, w.dataType(), w.shape(), 'c');
            Nd4j.exec(DynamicCustomOp.builder("conv3dnew_bp").addInputs(singleChannel(x), w, singleChannel(dy))
                    .addOutputs(singleChannel(dx), unusedFilterGradient).addIntegerArguments(volumeArguments())
                    .build());
            return;
        }
        planarAdjoint(dy, dx, ws, working);
    }

    /** dL/dX = A_h^T dL/dY A_w for every map, dy [N, C, H', W'] into the c-ordered dx [N, C, H, W]. */
    private void planarAdjoint(INDArray dy, INDArray dx, LayerWorkspaceMgr ws, ArrayType working) {
        DataType type = dx.dataType();
        long maps = dy.size(0) * dy.size(1);
        long outH = dy.size(2);
        long outW = dy.size(3);
        long h = dx.size(2);
        long w = dx.size(3);
        INDArray heightFirst = ws.createUninitialized(working, type, new long[] {outH, maps, outW}, 'c');
        heightFirst.assign(dy.reshape('c', maps, outH, outW).permute(1, 0, 2));
        INDArray rows = ws.createUninitialized(working, type, new long[] {h, maps * outW}, 'c');
        Nd4j.gemm(band(type, 0, h), heightFirst.reshape('c', outH, maps * outW), rows, true, false, 1.0, 0.0);
        INDArray mapsFirst = ws.createUninitialized(working, type, new long[] {maps, h, outW}, 'c');
        mapsFirst.assign(rows.reshape('c', h, maps, outW).permute(1, 0, 2));
        Nd4j.gemm(mapsFirst.reshape('c', maps * h, outW), band(type, 1, w), dx.reshape('c', maps * h, w), false,
                false, 1.0, 0.0);
    }

    /** The banded [n', n] matrix of the strided 1D blur along planar axis a for an input of size n. */
    private INDArray band(DataType dataType, int a, long n) {
        return weights.computeIfAbsent(dataType + ":band" + a + ":" + n, key -> {
            double[] p = profile();
            int out = Math.toIntExact(outputSize(a, n));
            double[][] band = new double[out][Math.toIntExact(n)];
            for (int i = 0; i < out; i++) {
                for (int r = 0; r < size; r++) {
                    long j = (long) stride[a] * i - padding[a] + r;
                    if (j >= 0 && j < n) {
                        band[i][(int) j] = p[r];
                    }
                }
            }
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                return Nd4j.createFromArray(band).castTo(dataType);
            }
        });
    }


    /** depthwise_conv2d arguments: kernel, stride, padding, no dilation, explicit padding, NCHW, [k, k, C, 1]. */
    private int[] arguments() {
        return new int[] {size, size, stride[0], stride[1], padding[0], padding[1], 1, 1, 0, 0, 0};
    }

    /**
     * conv3dnew arguments: kernel, stride, padding, no dilation, explicit padding, NCDHW, weights [k, k, k, 1, 1].
     */
    private int[] volumeArguments() {
        return new int[] {size, size, size, stride[0], stride[1], stride[2], padding[0], padding[1], padding[2], 1, 1,
                1, 0, 0, 0};
    }

    /** A c-ordered volume [N, C, D, H, W] as the one-channel volumes [N C, 1, D, H, W] (a view). */
    private static INDArray singleChannel(INDArray v) {
        INDArray c = v.ordering() == 'c' ? v : v.dup('c');
        return c.reshape('c', v.size(0) * v.size(1), 1, v.size(2), v.size(3), v.size(4));
    }

    /** The filter as depthwise weights [k, k, channels, 1], one copy per channel. */
    private INDArray weights(DataType dataType, long channels) {
        return weights.computeIfAbsent(dataType + ":" + channels, key -> {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                return Nd4j.createFromArray(filter()).castTo(dataType).reshape(size, size, 1, 1)
                        .repeat(2, channels).dup('c');
            }
        });
    }

    /** The 3D filter as conv3dnew weights [k, k, k, 1, 1]. */
    private INDArray volumeWeights(DataType dataType) {
        return weights.computeIfAbsent(dataType + ":volume", key -> {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                return Nd4j.createFromArray(volumeFilter()).castTo(dataType).reshape('c', size, size, size, 1, 1);
            }
        });
    }

}
