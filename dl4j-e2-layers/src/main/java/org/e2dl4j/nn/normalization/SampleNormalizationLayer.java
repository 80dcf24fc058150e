package org.e2dl4j.nn.normalization;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.LayerInput;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Implementation of the per-sample normalizations ({@link SampleNormalization}). The map is viewed as rows
 * {@code X [R, C, K]}: R = N samples and K = HW pooled positions, or, with statistics per pixel, R = N H W and K = 1.
 * With the matrices of the {@link StatisticsLayout} (M, S, E) and the per-channel weight {@code w_c}:
 * <ul>
 *   <li>forward: {@code z = X - (M xbar)}, {@code r = (S mean_K(z^2) + eps)^-1/2} per group,
 *       {@code y = w_c (E r)_c z + (B b)_c};</li>
 *   <li>backward, with {@code h = w_c dL/dy} and {@code s = S mean_K(h z)}:
 *       {@code dL/dz = (E r) h - (E (s r^3)) z}, {@code dL/dx = dL/dz - M^T mean_K(dL/dz)},
 *       {@code dL/dw_f = sum dL/dy (E r) z} over the field's channels, {@code dL/db = B^T sum dL/dy}.</li>
 * </ul>
 * Every step is a whole-tensor ND4J op (matrix products with the cached matrices, broadcasts, reductions); the
 * matrices are created once, outside workspaces, in the layer's data type. The forward quantities are recomputed
 * in backward rather than kept across calls.
 */
final class SampleNormalizationLayer extends BaseLayer<SampleNormalization> {

    private static final long serialVersionUID = 1L;

    private final boolean perPixel;
    private final double eps;
    /** M and M^T (C x C), null when nothing is centred. */
    private final INDArray mean;
    private final INDArray meanT;
    /** S^T (C x G). */
    private final INDArray groupAverageT;
    /** E^T (G x C). */
    private final INDArray groupExpandT;
    /** The C x F map of the field weights onto the channels, and its transpose. */
    private final INDArray fieldExpand;
    private final INDArray fieldExpandT;
    /** B (C x T) and B^T, null without trivial irreps. */
    private final INDArray biasExpand;
    private final INDArray biasExpandT;

    @SuppressWarnings("try")
    SampleNormalizationLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        SampleNormalization c = (SampleNormalization) conf.getLayer();
        StatisticsLayout layout = c.statisticsLayout();
        this.perPixel = layout.perPixel();
        this.eps = c.getEps();
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            double[][] m = layout.mean();
            this.mean = m == null ? null : matrix(m, dataType);
            this.meanT = m == null ? null : mean.transpose().dup('c');
            this.groupAverageT = matrix(layout.groupAverage(), dataType).transpose().dup('c');
            this.groupExpandT = matrix(layout.groupExpand(), dataType).transpose().dup('c');
            this.fieldExpand = matrix(layout.fieldExpand(), dataType);
            this.fieldExpandT = fieldExpand.transpose().dup('c');
            double[][] b = layout.biasExpand();
            this.biasExpand = b[0].length == 0 ? null : matrix(b, dataType);
            this.biasExpandT = biasExpand == null ? null : biasExpand.transpose().dup('c');
        }
    }

    private static INDArray matrix(double[][] m, DataType dataType) {
        return Nd4j.createFromArray(m).castTo(dataType).dup('c');
    }

    /** The forward quantities of one input: centred rows z [R, C, K], r [R, G], (E r) [R, C], w_c [1, C] or null. */
    private record Pass(INDArray z, INDArray r, INDArray rPerChannel, INDArray weights) {
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        input = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        Pass p = pass(rows(input), training, workspaceMgr);
        INDArray scale = p.weights() == null ? p.rPerChannel() : p.rPerChannel().mulRowVector(p.weights());
        INDArray y = p.z().ulike();
        Nd4j.getExecutioner().exec(new BroadcastMulOp(p.z(), scale, y, 0, 1));
        INDArray beta = biasExpand == null ? null : param(AffineParamInitializer.BETA, training, workspaceMgr);
        if (beta != null) {
            INDArray perChannel = beta.reshape(1, beta.length()).mmul(biasExpandT).reshape(y.size(1));
            Nd4j.getExecutioner().exec(new BroadcastAddOp(y, perChannel, y, 1));
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, input.shape(), 'c');
        out.assign(fromRows(y, input.shape()));
        return out;
    }

    @Override
    protected INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return activate(training, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        input = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        INDArray g = rows(LayerInput.gradient(epsilon, dataType, layerConf(), index));
        Pass p = pass(rows(input), true, workspaceMgr);
        INDArray h = g;
        if (p.weights() != null) {
            h = g.ulike();
            Nd4j.getExecutioner().exec(new BroadcastMulOp(g, p.weights().reshape(g.size(1)), h, 1));
        }
        INDArray s = h.mul(p.z()).mean(2).mmul(groupAverageT);
        INDArray coefficient = s.muli(Transforms.pow(p.r(), 3, true)).mmul(groupExpandT);
        INDArray dz = h.ulike();
        Nd4j.getExecutioner().exec(new BroadcastMulOp(h, p.rPerChannel(), dz, 0, 1));
        INDArray zScaled = p.z().ulike();
        Nd4j.getExecutioner().exec(new BroadcastMulOp(p.z(), coefficient, zScaled, 0, 1));
        dz.subi(zScaled);
        if (mean != null) {
            Nd4j.getExecutioner().exec(new BroadcastSubOp(dz, dz.mean(2).mmul(mean), dz, 0, 1));
        }
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        dx.assign(fromRows(dz, input.shape()));

        Gradient gradient = new DefaultGradient();
        if (p.weights() != null) {
            INDArray perChannel = g.mul(p.z()).sum(2).muli(p.rPerChannel()).sum(0);
            setGradient(gradient, AffineParamInitializer.GAMMA,
                    perChannel.reshape(1, perChannel.length()).mmul(fieldExpand));
        }
        if (biasExpand != null && p.weights() != null) {
            INDArray perChannel = g.sum(0, 2);
            setGradient(gradient, AffineParamInitializer.BETA,
                    perChannel.reshape(1, perChannel.length()).mmul(biasExpand));
        }
        weightNoiseParams.clear();
        return new Pair<>(gradient, dx);
    }

    private void setGradient(Gradient gradient, String key, INDArray value) {
        INDArray view = gradientViews.get(key);
        view.assign(value.reshape(view.shape()));
        gradient.setGradientFor(key, view);
    }

    /** The centred rows, the inverse standard deviations and the per-channel weights of one input. */
    private Pass pass(INDArray x, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = x;
        if (meanT != null) {
            z = x.ulike();
            Nd4j.getExecutioner().exec(new BroadcastSubOp(x, x.mean(2).mmul(meanT), z, 0, 1));
        }
        INDArray variance = z.mul(z).mean(2).mmul(groupAverageT);
        INDArray r = Transforms.pow(variance.addi(eps), -0.5, false);
        INDArray gamma = param(AffineParamInitializer.GAMMA, training, workspaceMgr);
        INDArray weights = gamma == null ? null : gamma.reshape(1, gamma.length()).mmul(fieldExpandT);
        return new Pass(z, r, r.mmul(groupExpandT), weights);
    }

    private INDArray param(String key, boolean training, LayerWorkspaceMgr workspaceMgr) {
        return params.containsKey(key) ? getParamWithNoise(key, training, workspaceMgr) : null;
    }

    /** [N, C, H, W] as rows [R, C, K]. */
    private INDArray rows(INDArray a) {
        long n = a.size(0);
        long c = a.size(1);
        long h = a.size(2);
        long w = a.size(3);
        if (perPixel) {
            return a.permute(0, 2, 3, 1).dup('c').reshape('c', n * h * w, c, 1);
        }
        return a.dup('c').reshape('c', n, c, h * w);
    }

    /** Rows [R, C, K] back as [N, C, H, W]. */
    private INDArray fromRows(INDArray rows, long[] shape) {
        if (perPixel) {
            return rows.reshape('c', shape[0], shape[2], shape[3], shape[1]).permute(0, 3, 1, 2);
        }
        return rows.reshape('c', shape);
    }

    @Override
    public Type type() {
        return Type.NORMALIZATION;
    }

    @Override
    public boolean hasBias() {
        return false;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }
}
