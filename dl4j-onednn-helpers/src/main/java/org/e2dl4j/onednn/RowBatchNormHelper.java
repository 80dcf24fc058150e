package org.e2dl4j.onednn;

import java.util.Collections;
import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link BatchNormalizationHelper} for DL4J's stock {@code BatchNormalization} on NCHW maps (and on [N, C]
 * activations, which DL4J hands to helpers as [N, C, 1, 1]), in float or double: per channel c, over the M = N H W
 * values of the batch,
 * <pre>
 *   y = a_c x + b_c,   a_c = gamma_c / s_c,   b_c = beta_c - a_c mu_c,   s_c = sqrt(v_c + eps)
 * </pre>
 * with the batch mean mu_c and biased variance v_c in training (kept for DL4J's running averages, as its oneDNN
 * helper keeps them) and the running ones otherwise. The exact backward pass, batch statistics included: with
 * {@code S1 = sum dy}, {@code S2 = sum dy (x - mu)},
 * <pre>
 *   dL/dx = a dy + B x + C,   B = -gamma S2 / (s^3 M),   C = -a S1 / M - B mu;   dL/dgamma = S2 / s,   dL/dbeta = S1
 * </pre>
 *
 * <p>Cost. The map is seen as N C contiguous rows of H W values, one per (sample, channel), and touched only by
 * whole-tensor native ops: per-row sums (a BLAS product with a column of ones) and per-row dot products, then
 * scaling and shifting each row by its own scalar. Forward: two reductions and two passes in training (two passes
 * in inference); backward: two reductions and four passes. The per-channel arithmetic on the C totals is done in
 * Java in double precision. DL4J's oneDNN helper instead reduces mean and variance along the strided axes
 * (0, 2, 3) and runs libnd4j's {@code batchnorm_bp}, several times slower at the shapes of a CNN.
 *
 * <p>Accuracy. The batch variance is {@code E x^2 - mu^2} from totals accumulated in the map's data type, so in
 * float a channel whose mean is r times its standard deviation loses about 2 log10 r more digits than DL4J's
 * two-pass variance (about 1e-7 relative at r = 1, 1e-5 at r = 10); after a convolution r is of order 1.
 *
 * <p>Everything else (NHWC maps, half precision) is declined by returning null, and DL4J's own path runs; fixed
 * gamma and beta ({@code lockGammaBeta}) are not supported, as by DL4J's oneDNN helper.
 * {@link BatchNormHelpers#install} puts this helper in place. Not thread-safe: one instance per layer, as DL4J's
 * own helpers.
 */
final class RowBatchNormHelper implements BatchNormalizationHelper {

    private final DataType dataType;
    /** Batch mean and biased variance of the last training forward pass, [C], outside any workspace. */
    private INDArray meanCache;
    private INDArray varCache;
    /** The same statistics for the backward pass, in double: mu_c and s_c. */
    private double[] mean;
    private double[] std;
    /** Whether the last forward pass was a training pass that this helper computed. */
    private boolean trainingForward;
    private Scratch scratch;

    RowBatchNormHelper(DataType dataType) {
        this.dataType = dataType;
    }

    @Override
    public boolean checkSupported(double eps, boolean fixedGammaBeta) {
        return supported(dataType) && !fixedGammaBeta;
    }

    @Override
    public boolean checkSupported() {
        return supported(dataType);
    }

    private static boolean supported(DataType type) {
        return type == DataType.FLOAT || type == DataType.DOUBLE;
    }

    @Override
    public INDArray preOutput(INDArray x, boolean training, long[] shape, INDArray gamma, INDArray beta,
                              INDArray runningMean, INDArray runningVar, double decay, double eps, CNN2DFormat format,
                              LayerWorkspaceMgr workspaceMgr) {
        trainingForward = false;
        if (!handles(x, format)) {
            return null;
        }
        INDArray in = contiguous(x);
        int channels = Math.toIntExact(in.size(1));
        Scratch s = scratchFor(in);
        INDArray rows = s.rows(in);
        double[] mu;
        double[] v;
        if (training) {
            double[][] totals = s.channelTotals(rows, rows);
            double count = (double) in.size(0) * s.pixels;
            mu = new double[channels];
            v = new double[channels];
            for (int c = 0; c < channels; c++) {
                mu[c] = totals[0][c] / count;
                v[c] = Math.max(totals[1][c] / count - mu[c] * mu[c], 0);
            }
            keepBatchStatistics(mu, v);
        } else {
            mu = runningMean.toDoubleVector();
            v = runningVar.toDoubleVector();
        }
        double[] g = gamma.toDoubleVector();
        double[] b = beta.toDoubleVector();
        double[] sd = new double[channels];
        double[][] perChannel = new double[2][channels];
        for (int c = 0; c < channels; c++) {
            sd[c] = Math.sqrt(v[c] + eps);
            perChannel[0][c] = g[c] / sd[c];
            perChannel[1][c] = b[c] - perChannel[0][c] * mu[c];
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, in.dataType(), in.shape(), 'c');
        INDArray[] scalars = s.rowScalars(perChannel);
        INDArray outRows = s.rows(out);
        scale(rows, scalars[0], outRows);
        shift(outRows, scalars[1], outRows);
        if (training) {
            this.mean = mu;
            this.std = sd;
            this.trainingForward = true;
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray x, INDArray epsilon, long[] shape, INDArray gamma,
                                                     INDArray beta, INDArray dGammaView, INDArray dBetaView, double eps,
                                                     CNN2DFormat format, LayerWorkspaceMgr workspaceMgr) {
        if (!trainingForward || !handles(x, format) || x.size(1) != mean.length) {
            return null;
        }
        INDArray in = contiguous(x);
        INDArray dy = contiguous(epsilon);
        int channels = mean.length;
        Scratch s = scratchFor(in);
        INDArray zRows = s.rows(in);
        INDArray dyRows = s.rows(dy);
        double[][] totals = s.channelTotals(dyRows, zRows);
        double count = (double) in.size(0) * s.pixels;
        double[] g = gamma.toDoubleVector();
        double[][] perChannel = new double[3][channels];
        double[] dGamma = new double[channels];
        double[] dBeta = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sumDy = totals[0][c];
            double sumDyCentred = totals[1][c] - mean[c] * sumDy;
            double a = g[c] / std[c];
            double bCoef = -g[c] * sumDyCentred / (std[c] * std[c] * std[c] * count);
            dGamma[c] = sumDyCentred / std[c];
            dBeta[c] = sumDy;
            perChannel[0][c] = a;
            perChannel[1][c] = bCoef;
            perChannel[2][c] = -a * sumDy / count - bCoef * mean[c];
        }
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, in.dataType(), in.shape(), 'c');
        INDArray term = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, in.dataType(), zRows.shape(), 'c');
        INDArray[] scalars = s.rowScalars(perChannel);
        INDArray dxRows = s.rows(dx);
        scale(dyRows, scalars[0], dxRows);
        scale(zRows, scalars[1], term);
        shift(term, scalars[2], term);
        dxRows.addi(term);
        Gradient gradient = new DefaultGradient();
        if (dGammaView != null) {
            dGammaView.assign(Nd4j.createFromArray(dGamma).castTo(dGammaView.dataType()).reshape(dGammaView.shape()));
            gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
        }
        if (dBetaView != null) {
            dBetaView.assign(Nd4j.createFromArray(dBeta).castTo(dBetaView.dataType()).reshape(dBetaView.shape()));
            gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
        }
        return new Pair<>(gradient, dx);
    }

    @Override
    public INDArray getMeanCache(DataType dataType) {
        return meanCache;
    }

    @Override
    public INDArray getVarCache(DataType dataType) {
        return varCache;
    }

    @Override
    public Map<String, Long> helperMemoryUse() {
        return Collections.emptyMap();
    }

    /** Rank-4 NCHW maps of a supported data type with at least one value per channel. */
    private boolean handles(INDArray x, CNN2DFormat format) {
        return x.rank() == 4 && format == CNN2DFormat.NCHW && supported(x.dataType()) && x.length() > 0;
    }

    private static INDArray contiguous(INDArray x) {
        return Shape.hasDefaultStridesForShape(x) ? x : x.dup('c');
    }

    /** Writes the batch statistics into the caches DL4J reads for its running averages. */
    @SuppressWarnings("try")
    private void keepBatchStatistics(double[] mu, double[] v) {
        if (meanCache == null || meanCache.length() != mu.length) {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                meanCache = Nd4j.createUninitialized(dataType, mu.length);
                varCache = Nd4j.createUninitialized(dataType, mu.length);
            }
        }
        meanCache.assign(Nd4j.createFromArray(mu).castTo(dataType));
        varCache.assign(Nd4j.createFromArray(v).castTo(dataType));
    }

    private Scratch scratchFor(INDArray x) {
        if (scratch == null || !scratch.fits(x)) {
            scratch = new Scratch(x.size(0), x.size(1), x.size(2) * x.size(3), x.dataType());
        }
        return scratch;
    }

    /** {@code out[r, p] = rows[r, p] * scale[r]}. */
    private static void scale(INDArray rows, INDArray scale, INDArray out) {
        ScalarMultiplication op = new ScalarMultiplication(rows, scale, out, 0);
        op.setDimension(1);
        Nd4j.getExecutioner().exec(op);
    }

    /** {@code out[r, p] = rows[r, p] + shift[r]}. */
    private static void shift(INDArray rows, INDArray shift, INDArray out) {
        ScalarAdd op = new ScalarAdd(rows, shift, out, 0);
        op.setDimension(1);
        Nd4j.getExecutioner().exec(op);
    }

    /**
     * The small native arrays of one geometry (N samples, C channels, P = H W pixels, one data type), allocated once
     * outside any workspace: columns of ones for the row and sample sums, per-row and per-channel totals, and the
     * per-row scalars with their Java staging array.
     */
    private static final class Scratch {

        final long n;
        final long channels;
        final long pixels;
        final DataType type;
        private final INDArray rowOnes;
        private final INDArray sampleOnes;
        private final INDArray rowTotals;
        private final INDArray channelTotals;
        private final INDArray rowScalars;
        /** Staging for {@link #rowScalars}: double for double maps, float for float ones. */
        private final double[] doubleStage;
        private final float[] floatStage;

        @SuppressWarnings("try")
        Scratch(long n, long channels, long pixels, DataType type) {
            this.n = n;
            this.channels = channels;
            this.pixels = pixels;
            this.type = type;
            long rows = n * channels;
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                rowOnes = Nd4j.ones(type, pixels, 1);
                sampleOnes = Nd4j.ones(type, 1, n);
                rowTotals = Nd4j.zeros(type, 2, rows);
                channelTotals = Nd4j.zeros(type, 2, channels);
                rowScalars = Nd4j.zeros(type, 3, rows);
            }
            int staged = Math.toIntExact(3 * rows);
            doubleStage = type == DataType.DOUBLE ? new double[staged] : null;
            floatStage = type == DataType.DOUBLE ? null : new float[staged];
        }

        boolean fits(INDArray x) {
            return x.size(0) == n && x.size(1) == channels && x.size(2) * x.size(3) == pixels && x.dataType() == type;
        }

        /** The [N C, P] rows of a c-contiguous NCHW array (a view). */
        INDArray rows(INDArray x) {
            return x.reshape('c', n * channels, pixels);
        }

        /** Per-channel totals {sum a, sum a b} over samples and pixels of the [N C, P] rows. */
        double[][] channelTotals(INDArray aRows, INDArray bRows) {
            Nd4j.gemm(aRows, rowOnes, rowTotals.getRow(0).reshape('c', n * channels, 1), false, false, 1.0, 0.0);
            Nd4j.getExecutioner().exec(new Dot(aRows, bRows, rowTotals.getRow(1), 1));
            return new double[][] {perChannel(0), perChannel(1)};
        }

        private double[] perChannel(int k) {
            INDArray out = channelTotals.getRow(k).reshape('c', 1, channels);
            Nd4j.gemm(sampleOnes, rowTotals.getRow(k).reshape('c', n, channels), out, false, false, 1.0, 0.0);
            return out.toDoubleVector();
        }

        /** Row j of the result repeats {@code perChannel[j]} for each sample; valid until the next call. */
        INDArray[] rowScalars(double[][] perChannel) {
            int c = Math.toIntExact(channels);
            int rows = Math.toIntExact(n * channels);
            int count = perChannel.length * rows;
            if (doubleStage != null) {
                for (int j = 0; j < perChannel.length; j++) {
                    for (int at = 0; at < rows; at += c) {
                        System.arraycopy(perChannel[j], 0, doubleStage, j * rows + at, c);
                    }
                }
                rowScalars.data().asNioDouble().put(doubleStage, 0, count);
            } else {
                for (int j = 0; j < perChannel.length; j++) {
                    int base = j * rows;
                    for (int ch = 0; ch < c; ch++) {
                        floatStage[base + ch] = (float) perChannel[j][ch];
                    }
                    for (int at = c; at < rows; at += c) {
                        System.arraycopy(floatStage, base, floatStage, base + at, c);
                    }
                }
                rowScalars.data().asNioFloat().put(floatStage, 0, count);
            }
            INDArray[] out = new INDArray[perChannel.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = rowScalars.getRow(j);
            }
            return out;
        }
    }
}
