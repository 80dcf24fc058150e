package org.e2dl4j.nn.batchnorm;

import java.util.Arrays;
import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.DepthFolding;
import org.e2dl4j.nn.LayerInput;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The implementation of {@link IIDBatchNorm}: the input as rows X [n, C] (n = batch x pixels), the statistics with
 * the matrices of {@link IIDLayout} as ND4J products, and the exact backward pass through the batch statistics:
 * <pre>
 *   dx = g s + (1/n) (-(sum_n g) s) P + (x - m) 2 dv / (n - 1),   dv = (dV_f / |f|) per channel,
 *   dV_f = -gamma_f / 2 (V_f + eps)^(-3/2) sum_{n, c in f} g (x - mu)
 * </pre>
 * with s the channel's scale {@code gamma_f / sqrt(V_f + eps)}. The running statistics are written into their
 * parameter views once per training iteration, in the backward pass of a training-mode forward pass (as the other
 * batch norms of this package); inference uses them. Batch statistics need more than one value per channel.
 */
final class IIDBatchNormLayer extends BaseLayer<IIDBatchNorm> {

    private final IIDLayout layout;
    private final INDArray fieldOf;
    private final INDArray fieldMean;
    private final INDArray projection;
    private final INDArray trivialColumns;
    private final INDArray centred;
    private boolean trainingForward;

    @SuppressWarnings("try")
    IIDBatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.layout = ((IIDBatchNorm) conf.getLayer()).layout();
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.fieldOf = Nd4j.createFromArray(layout.fieldOf()).castTo(dataType);
            this.fieldMean = Nd4j.createFromArray(layout.fieldMean()).castTo(dataType);
            this.projection = Nd4j.createFromArray(layout.projection()).castTo(dataType);
            this.trivialColumns = layout.trivials() == 0 ? null
                    : Nd4j.createFromArray(layout.trivialColumns()).castTo(dataType);
            this.centred = layout.centredChannelCount() == 0 ? null
                    : Nd4j.createFromArray(layout.centred()).castTo(dataType);
        }
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

    /** The statistics the map uses: the invariant mean mu [1, C], the field variances V [1, F], and for a batch m. */
    private record Statistics(INDArray mu, INDArray variance, INDArray channelMean) {
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray volume = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        input = DepthFolding.fold(volume);
        try {
            return DepthFolding.unfold(activatePlanar(training, workspaceMgr), volume, workspaceMgr,
                    ArrayType.ACTIVATIONS);
        } finally {
            input = volume;
        }
    }

    /** The forward pass on the checked NCHW (or folded NCDHW, {@link DepthFolding}) input. */
    private INDArray activatePlanar(boolean training, LayerWorkspaceMgr workspaceMgr) {
        trainingForward = training;
        INDArray x = rows(input);
        Statistics stats = statistics(x, batchStatistics(training));
        INDArray y = x.subRowVector(stats.mu()).muliRowVector(channelScale(stats.variance()));
        if (shift() != null) {
            y.addiRowVector(shift());
        }
        return fromRows(y, workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, input.shape(), 'c'));
    }

    @Override
    protected INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return activate(training, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray volume = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        input = DepthFolding.fold(volume);
        try {
            INDArray dy = LayerInput.gradient(epsilon, dataType, layerConf(), index);
            Pair<Gradient, INDArray> p = backpropPlanar(DepthFolding.fold(dy), workspaceMgr);
            return new Pair<>(p.getFirst(), DepthFolding.unfold(p.getSecond(), volume, workspaceMgr,
                    ArrayType.ACTIVATION_GRAD));
        } finally {
            input = volume;
        }
    }

    /** The backward pass on the checked (folded) input, with dL/dy in the layer's type. */
    private Pair<Gradient, INDArray> backpropPlanar(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray g = rows(epsilon);
        INDArray x = rows(input);
        boolean batch = batchStatistics(trainingForward);
        Statistics stats = statistics(x, batch);
        INDArray std = Transforms.sqrt(stats.variance().add(layerConf().getEps()), false);
        INDArray scale = channelScale(stats.variance());
        INDArray centredX = x.subRowVector(stats.mu());
        INDArray perField = g.mul(centredX).sum(true, 0).mmul(fieldOf);
        INDArray gradX = g.mulRowVector(scale);
        if (batch) {
            long n = x.size(0);
            INDArray gradMean = g.sum(true, 0).muli(scale).negi().mmul(projection).divi(n);
            INDArray gradVariance = perField.mul(gamma()).muli(Transforms.pow(std, -3, true)).muli(-0.5);
            INDArray gradChannelVariance = gradVariance.mmul(fieldMean.transpose()).muli(2.0 / (n - 1));
            gradX.addiRowVector(gradMean)
                    .addi(x.subRowVector(stats.channelMean()).muliRowVector(gradChannelVariance));
        }
        Gradient gradient = new DefaultGradient();
        if (gradientViews != null) {
            gradientsFlattened.assign(0);
            INDArray gradGamma = gradientViews.get(IIDParamInitializer.GAMMA);
            if (gradGamma != null) {
                gradGamma.assign(perField.div(std).reshape(gradGamma.shape()));
            }
            INDArray gradBeta = gradientViews.get(IIDParamInitializer.BETA);
            if (gradBeta != null) {
                gradBeta.assign(g.sum(true, 0).mmul(trivialColumns).reshape(gradBeta.shape()));
            }
            for (Map.Entry<String, INDArray> e : gradientViews.entrySet()) {
                gradient.setGradientFor(e.getKey(), e.getValue());
            }
        }
        if (trainingForward && layerConf().isTrackRunningStats()) {
            updateRunningStatistics(stats);
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        return new Pair<>(gradient, backpropDropOutIfPresent(fromRows(gradX, out)));
    }

    private boolean batchStatistics(boolean training) {
        boolean batch = training || !layerConf().isTrackRunningStats();
        long values = input.rank() == 4 ? input.size(0) * input.size(2) * input.size(3) : input.size(0);
        if (batch && values <= 1) {
            throw new IllegalArgumentException(layerConf().describe() + " (layer index " + index + "): expected more"
                    + " than 1 value per channel when normalizing by batch statistics ("
                    + (training ? "training mode" : "no running statistics are kept") + "), got input shape "
                    + Arrays.toString(input.shape()) + ": the batch variance is undefined; train on a larger batch"
                    + (training ? ", or run inference (running statistics)" : ""));
        }
        return batch;
    }

    private Statistics statistics(INDArray x, boolean batch) {
        if (!batch) {
            INDArray mean = getParam(IIDParamInitializer.MEAN);
            INDArray mu = mean == null ? Nd4j.zeros(dataType, 1, layout.channels())
                    : mean.reshape(1, mean.length()).mmul(centred);
            INDArray variance = getParam(IIDParamInitializer.VAR);
            return new Statistics(mu, variance.reshape(1, variance.length()), null);
        }
        long n = x.size(0);
        INDArray m = x.mean(true, 0);
        INDArray deviation = x.subRowVector(m);
        INDArray v = deviation.muli(deviation).sum(true, 0).divi(n - 1);
        return new Statistics(m.mmul(projection.transpose()), v.mmul(fieldMean), m);
    }

    private INDArray gamma() {
        INDArray gamma = getParam(IIDParamInitializer.GAMMA);
        return gamma == null ? Nd4j.ones(dataType, 1, layout.fields()) : gamma.reshape(1, gamma.length());
    }

    /** gamma_f / sqrt(V_f + eps) on each channel, [1, C]. */
    private INDArray channelScale(INDArray variance) {
        INDArray s = gamma().div(Transforms.sqrt(variance.add(layerConf().getEps()), false));
        return s.mmul(fieldOf.transpose());
    }

    /** The bias on the channels, [1, C], or null without one. */
    private INDArray shift() {
        INDArray beta = getParam(IIDParamInitializer.BETA);
        return beta == null ? null : beta.reshape(1, beta.length()).mmul(trivialColumns.transpose());
    }

    private void updateRunningStatistics(Statistics stats) {
        double m = layerConf().getMomentum();
        INDArray mean = getParam(IIDParamInitializer.MEAN);
        if (mean != null) {
            INDArray batchMean = stats.mu().mmul(centred.transpose()).reshape(mean.shape());
            mean.muli(1 - m).addi(batchMean.muli(m));
        }
        INDArray variance = getParam(IIDParamInitializer.VAR);
        variance.muli(1 - m).addi(stats.variance().reshape(variance.shape()).mul(m));
    }

    /** x as rows [n, C]: NCHW maps become one row per (example, pixel). */
    private INDArray rows(INDArray x) {
        if (x.rank() == 2) {
            return x;
        }
        return x.permute(0, 2, 3, 1).dup('c').reshape('c', x.size(0) * x.size(2) * x.size(3), x.size(1));
    }

    private INDArray fromRows(INDArray y, INDArray out) {
        if (out.rank() == 2) {
            return out.assign(y);
        }
        long[] s = out.shape();
        return out.assign(y.reshape('c', s[0], s[2], s[3], s[1]).permute(0, 3, 1, 2));
    }

    /** For export: the scale of each channel (its field's gamma), [C]. */
    INDArray channelScale() {
        return gamma().mmul(fieldOf.transpose()).reshape(layout.channels());
    }

    /** For export: the bias of each channel, [C]. */
    INDArray channelShift() {
        INDArray shift = shift();
        return shift == null ? Nd4j.zeros(dataType, layout.channels()) : shift.reshape(layout.channels());
    }

    /** For export: the running invariant mean on the channels (0 on fields without trivial irrep), [C]. */
    INDArray runningChannelMean() {
        return statistics(null, false).mu().reshape(layout.channels());
    }

    /** For export: the running variance of each channel's field, [C]. */
    INDArray runningChannelVariance() {
        INDArray v = getParam(IIDParamInitializer.VAR);
        return v.reshape(1, v.length()).mmul(fieldOf.transpose()).reshape(layout.channels());
    }
}
