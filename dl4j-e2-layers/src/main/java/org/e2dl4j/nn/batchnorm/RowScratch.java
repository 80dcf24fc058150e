package org.e2dl4j.nn.batchnorm;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The small native arrays a {@link BlockBatchNorm} pass needs besides the feature maps, for one geometry (N samples,
 * C channels, P pixels, one data type): allocated once outside any workspace and reused by every pass of that
 * geometry, so a pass allocates no native memory of its own.
 * <ul>
 *   <li>per-channel totals of the [N*C, P] rows ({@link ChannelRows}): per-row totals, then
 *       {@code t_c = sum_n r[n, c]} as the product of a row of N ones with the [N, C] matrix of row totals;</li>
 *   <li>per-row scalars: per-channel values repeated for the N samples, written from one Java array in a single
 *       copy.</li>
 * </ul>
 */
final class RowScratch {

    /** Most per-row scalar arrays a pass uses (the backward pass: a, B and C). */
    static final int SCALAR_ROWS = 3;

    private final long n;
    private final long channels;
    private final long pixels;
    private final DataType dataType;
    /** [P, 1] ones, summing a row. */
    private final INDArray rowOnes;
    /** [1, N] ones, summing the samples. */
    private final INDArray sampleOnes;
    /** [2, N*C]: per-row totals of a and of a b. */
    private final INDArray rowTotals;
    /** [2, C]: per-channel totals of a and of a b. */
    private final INDArray channelTotals;
    /** [SCALAR_ROWS, N*C]. */
    private final INDArray rowScalars;
    /** Staging for {@link #rowScalars}, float or double as the data type. */
    private final float[] floatStage;
    private final double[] doubleStage;

    @SuppressWarnings("try")
    RowScratch(long n, long channels, long pixels, DataType dataType) {
        this.n = n;
        this.channels = channels;
        this.pixels = pixels;
        this.dataType = dataType;
        long rows = n * channels;
        int staged = Math.toIntExact(SCALAR_ROWS * rows);
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.rowOnes = Nd4j.ones(dataType, pixels, 1);
            this.sampleOnes = Nd4j.ones(dataType, 1, n);
            this.rowTotals = Nd4j.zeros(dataType, 2, rows);
            this.channelTotals = Nd4j.zeros(dataType, 2, channels);
            this.rowScalars = Nd4j.zeros(dataType, SCALAR_ROWS, rows);
        }
        this.floatStage = dataType == DataType.FLOAT ? new float[staged] : null;
        this.doubleStage = dataType == DataType.FLOAT ? null : new double[staged];
    }

    /** Whether this scratch serves maps of N samples and P pixels in the data type (its C channels are fixed). */
    boolean fits(long samples, long p, DataType type) {
        return samples == n && p == pixels && type == dataType;
    }

    /**
     * Per-channel totals over samples and pixels of the [N*C, P] rows: {@code {sum a, sum a b}}, the first only when
     * {@code withSums} (else zeros).
     */
    double[][] channelTotals(INDArray aRows, INDArray bRows, boolean withSums) {
        double[][] totals = new double[2][];
        if (withSums) {
            ChannelRows.sums(aRows, rowOnes, rowTotals.getRow(0));
            totals[0] = perChannel(0);
        } else {
            totals[0] = new double[Math.toIntExact(channels)];
        }
        ChannelRows.dots(aRows, bRows, rowTotals.getRow(1));
        totals[1] = perChannel(1);
        return totals;
    }

    private double[] perChannel(int k) {
        INDArray out = channelTotals.getRow(k).reshape('c', 1, channels);
        Nd4j.gemm(sampleOnes, rowTotals.getRow(k).reshape('c', n, channels), out, false, false, 1.0, 0.0);
        return out.toDoubleVector();
    }

    /**
     * Per-channel values {@code [k][C]} (k at most {@link #SCALAR_ROWS}) as per-row scalars: row j of the result is
     * the [N*C] vector repeating {@code perChannel[j]} for each sample. Valid until the next call.
     */
    INDArray[] rowScalars(double[][] perChannel) {
        int c = Math.toIntExact(channels);
        int rows = Math.toIntExact(n * channels);
        int k = perChannel.length;
        if (floatStage != null) {
            for (int j = 0; j < k; j++) {
                int base = j * rows;
                for (int ch = 0; ch < c; ch++) {
                    floatStage[base + ch] = (float) perChannel[j][ch];
                }
                for (int at = c; at < rows; at += c) {
                    System.arraycopy(floatStage, base, floatStage, base + at, c);
                }
            }
            FloatBuffer target = rowScalars.data().asNioFloat();
            target.put(floatStage, 0, k * rows);
        } else {
            for (int j = 0; j < k; j++) {
                int base = j * rows;
                System.arraycopy(perChannel[j], 0, doubleStage, base, c);
                for (int at = c; at < rows; at += c) {
                    System.arraycopy(doubleStage, base, doubleStage, base + at, c);
                }
            }
            stageDoubles(k * rows);
        }
        INDArray[] out = new INDArray[k];
        for (int j = 0; j < k; j++) {
            out[j] = rowScalars.getRow(j);
        }
        return out;
    }

    /** Copies the staged doubles into the scalars, converting once when the data type is neither float nor double. */
    private void stageDoubles(int count) {
        if (dataType == DataType.DOUBLE) {
            DoubleBuffer target = rowScalars.data().asNioDouble();
            target.put(doubleStage, 0, count);
            return;
        }
        INDArray staged = Nd4j.createFromArray(Arrays.copyOf(doubleStage, count)).castTo(dataType);
        rowScalars.reshape('c', rowScalars.length()).get(NDArrayIndex.interval(0, count)).assign(staged);
    }
}
