package org.e2dl4j.nn.batchnorm;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalization of the blocks of a {@link BlockLayout}. For block b, with values z over the batch, the
 * space and the block's channels (M_b of them):
 * <pre>
 *   y = w_b (z - mu_b) / s_b + beta_b,     s_b = sqrt(v_b + eps)
 * </pre>
 * where mu_b is the block mean for centred blocks (0 otherwise, with no beta_b) and v_b the variance chosen by
 * the layout's {@link VarianceRule} from the biased batch variance {@code sigma_b^2 = E z^2 - mu_b^2} in
 * training (or without running statistics), and the running variance otherwise.
 *
 * <p>Cost. The map is only touched by native whole-tensor ops ({@link ChannelRows}): forward, two passes that
 * reduce along the contiguous rows (per (sample, channel) sums of z, as a product with a column of ones, and of
 * z^2) and one scale and one shift pass. The
 * statistics are O(C) numbers (per-channel sums, per-block moments, per-channel coefficients): they are combined
 * in double precision in plain Java, because each ND4J op launch costs more than that arithmetic (tens of
 * microseconds, several milliseconds over the few dozen a step would need). The backward pass is the exact
 * derivative, batch statistics included: with {@code S1 = sum dy}, {@code S2 = sum dy (z - mu)} per block,
 * <pre>
 *   dL/dz = a dy + B z + C,   a = w / s,   B = -w c1 S2 / (s^3 M),   C = -a t S1 / M - B mu
 *   dL/dw = S2 / s,           dL/dbeta = S1
 * </pre>
 * with t = 1 for centred blocks and c1 the rule's weight of sigma^2 in v: two reductions and four passes. The
 * forward pass keeps its per-block statistics for the backward pass.
 *
 * <p>Running statistics follow the momentum m: {@code mean <- (1 - m) mean + m mu},
 * {@code var <- (1 - m) var + m k sigma^2} (k the Bessel factor), computed by {@link #updatedRunningStatistics}
 * from the batch of the last forward pass; they are no part of the gradient, which is zero for them.
 *
 * <p>Batch statistics need more than one sample per block ({@code n_b = N H W * samplesPerPixel(b) > 1}, else the
 * Bessel factor is undefined); the caller checks this before a forward pass with batch statistics.
 */
final class BlockBatchNorm {

    private final VarianceRule rule;
    private final double eps;
    private final double momentum;
    private final boolean affine;
    private final ParamOffsets offsets;
    private final int channels;
    private final int blocks;
    private final int[] blockOf;
    private final int[] blockSizes;
    private final int[] samplesPerPixel;
    /** For each block, its index among the centred blocks, or -1. */
    private final int[] centredIndex;
    private final boolean anyCentred;

    /** Number of samples N*H*W the constants below were computed for. */
    private long samples = -1;
    /** M_b: values per block. */
    private double[] count;
    /** k_b = n_b / (n_b - 1), used only with batch statistics, where n_b &gt; 1. */
    private double[] bessel;
    /** c1_b: the weight of sigma^2 in the normalizing variance. */
    private double[] batchWeight;
    /** The native arrays of the last geometry ({@link RowScratch}). */
    private RowScratch scratch;

    /** State of the last forward pass, per block. */
    private boolean forwardDone;
    private boolean batchStatistics;
    private final double[] mean;
    private final double[] variance;
    private final double[] std;
    private final double[] scale;

    BlockBatchNorm(BlockLayout layout, ParamOffsets offsets, double eps, double momentum, boolean affine) {
        this.rule = layout.rule();
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.offsets = offsets;
        this.channels = layout.channels();
        this.blocks = layout.blockCount();
        this.blockOf = layout.blockOfChannel();
        this.blockSizes = layout.blockSizes();
        this.samplesPerPixel = layout.samplesPerPixel();
        this.centredIndex = new int[blocks];
        java.util.Arrays.fill(centredIndex, -1);
        int[] centred = layout.centredBlocks();
        for (int t = 0; t < centred.length; t++) {
            centredIndex[centred[t]] = t;
        }
        this.anyCentred = centred.length > 0;
        this.mean = new double[blocks];
        this.variance = new double[blocks];
        this.std = new double[blocks];
        this.scale = new double[blocks];
    }

    /**
     * Normalizes {@code z} [N, C, H, W] into {@code out} (c-ordered, same shape).
     *
     * @param params          the layer's flat parameter values ({@link ParamOffsets})
     * @param batchStatistics whether to use this batch's statistics (training, or no running statistics)
     */
    void forward(INDArray z, INDArray out, double[] params, boolean batchStatistics) {
        long n = z.size(0);
        prepare(n * z.size(2) * z.size(3));
        RowScratch s = scratchFor(z);
        INDArray rows = ChannelRows.of(z);
        double[] v = new double[blocks];
        if (batchStatistics) {
            double[][] sums = blockSums(rows, rows, s);
            for (int b = 0; b < blocks; b++) {
                mean[b] = centredIndex[b] >= 0 ? sums[0][b] / count[b] : 0;
                variance[b] = Math.max(sums[1][b] / count[b] - mean[b] * mean[b], 0);
                v[b] = batchWeight[b] * variance[b]
                        + (offsets.var() >= 0 ? rule.runningWeight(momentum) * params[offsets.var() + b] : 0);
            }
        } else {
            for (int b = 0; b < blocks; b++) {
                mean[b] = centredIndex[b] >= 0 ? params[offsets.mean() + centredIndex[b]] : 0;
                v[b] = params[offsets.var() + b];
            }
        }
        double[][] perChannel = new double[anyCentred ? 2 : 1][channels];
        for (int b = 0; b < blocks; b++) {
            std[b] = Math.sqrt(v[b] + eps);
            scale[b] = affine ? params[offsets.gamma() + b] : 1;
        }
        for (int c = 0; c < channels; c++) {
            int b = blockOf[c];
            double a = scale[b] / std[b];
            perChannel[0][c] = a;
            if (anyCentred) {
                perChannel[1][c] = bias(params, b) - a * mean[b];
            }
        }
        INDArray[] rowScalars = s.rowScalars(perChannel);
        INDArray outRows = ChannelRows.of(out);
        ChannelRows.scale(rows, rowScalars[0], outRows);
        if (anyCentred) {
            ChannelRows.shift(outRows, rowScalars[1], outRows);
        }
        this.batchStatistics = batchStatistics;
        this.forwardDone = true;
    }

    /**
     * The backward pass of the last {@link #forward} on the same input {@code z}: writes dL/dz into {@code gradZ}
     * (c-ordered) and returns the gradient of the flat parameter vector, zero for the running statistics.
     */
    double[] backward(INDArray gradOut, INDArray z, INDArray gradZ, LayerWorkspaceMgr workspaceMgr) {
        if (!forwardDone) {
            throw new IllegalStateException("backward pass of a batch normalization without a forward pass");
        }
        RowScratch s = scratchFor(z);
        INDArray dyRows = ChannelRows.of(gradOut);
        INDArray zRows = ChannelRows.of(z);
        double[][] sums = blockSums(dyRows, zRows, s);
        double[] gradients = new double[offsets.total()];
        double[] b = new double[blocks];
        double[] c = new double[blocks];
        for (int k = 0; k < blocks; k++) {
            double sumDy = anyCentred ? sums[0][k] : 0;
            double sumDyCentred = sums[1][k] - mean[k] * sumDy;
            if (affine) {
                gradients[offsets.gamma() + k] = sumDyCentred / std[k];
                if (centredIndex[k] >= 0) {
                    gradients[offsets.beta() + centredIndex[k]] = sumDy;
                }
            }
            if (batchStatistics) {
                b[k] = -scale[k] * batchWeight[k] * sumDyCentred / (std[k] * std[k] * std[k] * count[k]);
                c[k] = -(centredIndex[k] >= 0 ? scale[k] / std[k] * sumDy / count[k] : 0) - b[k] * mean[k];
            }
        }
        double[][] perChannel = new double[batchStatistics ? (anyCentred ? 3 : 2) : 1][channels];
        for (int ch = 0; ch < channels; ch++) {
            int k = blockOf[ch];
            perChannel[0][ch] = scale[k] / std[k];
            if (batchStatistics) {
                perChannel[1][ch] = b[k];
                if (anyCentred) {
                    perChannel[2][ch] = c[k];
                }
            }
        }
        INDArray[] rowScalars = s.rowScalars(perChannel);
        INDArray gradRows = ChannelRows.of(gradZ);
        ChannelRows.scale(dyRows, rowScalars[0], gradRows);
        if (batchStatistics) {
            INDArray term = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, z.dataType(), zRows.shape(), 'c');
            ChannelRows.scale(zRows, rowScalars[1], term);
            if (anyCentred) {
                ChannelRows.shift(term, rowScalars[2], term);
            }
            gradRows.addi(term);
        }
        return gradients;
    }

    /**
     * A copy of the flat parameter values {@code params} with the running statistics moved by the momentum towards
     * the statistics of the batch of the last {@link #forward}, which must have used batch statistics.
     */
    double[] updatedRunningStatistics(double[] params) {
        if (!forwardDone || !batchStatistics) {
            throw new IllegalStateException("running statistics updated without a forward pass on batch statistics");
        }
        double[] updated = params.clone();
        for (int k = 0; k < blocks; k++) {
            if (offsets.var() >= 0) {
                int at = offsets.var() + k;
                updated[at] = (1 - momentum) * params[at] + momentum * bessel[k] * variance[k];
            }
            if (offsets.mean() >= 0 && centredIndex[k] >= 0) {
                int at = offsets.mean() + centredIndex[k];
                updated[at] = (1 - momentum) * params[at] + momentum * mean[k];
            }
        }
        return updated;
    }

    private double bias(double[] params, int block) {
        return affine && centredIndex[block] >= 0 ? params[offsets.beta() + centredIndex[block]] : 0;
    }

    /**
     * Per-block totals over batch, space and the block's channels: {sum a, sum a b} (the first only when some
     * block is centred, else zeros).
     */
    private double[][] blockSums(INDArray aRows, INDArray bRows, RowScratch s) {
        double[][] perChannel = s.channelTotals(aRows, bRows, anyCentred);
        double[][] perBlock = new double[2][blocks];
        for (int j = 0; j < 2; j++) {
            for (int c = 0; c < channels; c++) {
                perBlock[j][blockOf[c]] += perChannel[j][c];
            }
        }
        return perBlock;
    }

    /** The scratch arrays for maps of z's geometry, allocated anew when it changed. */
    private RowScratch scratchFor(INDArray z) {
        long pixels = z.size(2) * z.size(3);
        if (scratch == null || !scratch.fits(z.size(0), pixels, z.dataType())) {
            scratch = new RowScratch(z.size(0), channels, pixels, z.dataType());
        }
        return scratch;
    }

    /** Recomputes M_b, k_b and c1_b when the number of samples N*H*W changes. */
    private void prepare(long sampleCount) {
        if (sampleCount == samples) {
            return;
        }
        count = new double[blocks];
        bessel = new double[blocks];
        batchWeight = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            count[b] = (double) blockSizes[b] * sampleCount;
            double n = (double) samplesPerPixel[b] * sampleCount;
            bessel[b] = n / (n - 1);
            batchWeight[b] = rule.batchWeight(bessel[b], momentum);
        }
        samples = sampleCount;
    }
}
