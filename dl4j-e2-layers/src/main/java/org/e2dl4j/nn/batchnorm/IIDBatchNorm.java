package org.e2dl4j.nn.batchnorm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Batch normalization that takes the channels of a field as i.i.d. (escnn's {@code IIDBatchNorm1d} /
 * {@code IIDBatchNorm2d}): any representation, one variance per field and a mean only on its trivial irreps. For
 * field f with channels x_c, over the n values of the batch (and the pixels),
 * <pre>
 *   mu = P m                 m_c the channel means, P the projection onto the trivial irreps (Q S Q^-1 per field)
 *   V_f = mean_{c in f} v_c   v_c the unbiased variance of channel c about m_c
 *   y_c = gamma_f (x_c - mu_c) / sqrt(V_f + eps) + (Q_trivial beta_f)_c
 * </pre>
 * mu and V_f are invariant (V_f is the trace of the field's covariance, rho(g) orthogonal), so the map is
 * equivariant. As escnn, training normalizes by these batch statistics and moves the running ones,
 * {@code running <- (1 - m) running + m batch} (mean per channel of the fields with a trivial irrep, variance per
 * field); inference uses the running ones. Unlike escnn, which detaches the batch statistics from the gradient, the
 * backward pass differentiates through them (as DL4J's and PyTorch's batch norms do), so the gradient is that of
 * the training-mode map. Trainable parameters: a scale per field and a bias per trivial irrep (escnn's count);
 * the running statistics are non-trainable entries of the parameter vector ({@link IIDParamInitializer}).
 *
 * <p>Options: {@code eps} (default 1e-5), {@code momentum} (0.1), {@code affine} (true), {@code trackRunningStats}
 * (true; when false, inference also normalizes by the batch). Export: a stock {@code BatchNormalization} with the
 * running statistics, scale and bias expanded to the channels computes the same inference map; refused without
 * running statistics.
 */
public abstract class IIDBatchNorm extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private double eps = 1e-5;
    private double momentum = 0.1;
    private boolean affine = true;
    private boolean trackRunningStats = true;

    /** For Jackson. */
    protected IIDBatchNorm() {
    }

    protected IIDBatchNorm(Builder<?> b) {
        super(b);
        this.eps = b.eps;
        this.momentum = b.momentum;
        this.affine = b.affine;
        this.trackRunningStats = b.trackRunningStats;
    }

    /** eps positive and finite, momentum in [0, 1]. */
    @Override
    protected void validate() {
        super.validate();
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(who() + ": eps must be positive and finite, got " + eps);
        }
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException(who() + ": momentum must be in [0, 1], got " + momentum);
        }
    }

    /** The statistics' matrices of the input type. */
    IIDLayout layout() {
        return new IIDLayout(getInType());
    }

    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new IIDBatchNormLayer(conf, networkDataType);
    }

    @Override
    public ParamInitializer initializer() {
        return IIDParamInitializer.INSTANCE;
    }

    /** The running statistics (written by the layer, zero gradient) get a NoOp updater. */
    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return IIDParamInitializer.isRunningStatistic(paramName) ? new NoOp() : getIUpdater();
    }

    /**
     * A stock {@code BatchNormalization} (variance stored as such) whose per-channel mean is the running invariant
     * mean (0 on fields without trivial irrep), variance its field's running variance, gamma its field's scale and
     * beta the expanded bias: in inference both compute {@code gamma_f (x_c - mu_c) / sqrt(V_f + eps) + beta_c}.
     * Refused without running statistics.
     */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        if (!trackRunningStats) {
            return StockExport.refused("without running statistics (trackRunningStats false) it normalizes each batch"
                    + " by that batch's statistics in inference too, which no stock DL4J layer does");
        }
        IIDBatchNormLayer layer = (IIDBatchNormLayer) trained;
        Map<String, INDArray> params = new LinkedHashMap<>();
        DataType type = layer.getParam(IIDParamInitializer.VAR).dataType();
        int channels = getInType().size();
        params.put(IIDParamInitializer.GAMMA, layer.channelScale().castTo(type).reshape(channels));
        params.put(IIDParamInitializer.BETA, layer.channelShift().castTo(type).reshape(channels));
        params.put(IIDParamInitializer.MEAN, layer.runningChannelMean().castTo(type).reshape(channels));
        params.put(IIDParamInitializer.VAR, layer.runningChannelVariance().castTo(type).reshape(channels));
        if (getInType().gspace().dimensionality() == 3) {
            return StockExport.replacedBy(List.of(VolumeBatchNormExport.of(getLayerName(),
                    params.get(IIDParamInitializer.GAMMA), params.get(IIDParamInitializer.BETA),
                    params.get(IIDParamInitializer.MEAN), params.get(IIDParamInitializer.VAR), eps)));
        }
        BatchNormalization stock = new BatchNormalization.Builder().nIn(channels).nOut(channels).eps(eps)
                .decay(1 - momentum).useLogStd(false).gamma(1.0).beta(0.0).build();
        return StockExport.replacedBy(List.of(ExportedLayer.replacing(this, stock, params)));
    }

    public double getEps() {
        return eps;
    }

    public void setEps(double eps) {
        this.eps = eps;
    }

    public double getMomentum() {
        return momentum;
    }

    public void setMomentum(double momentum) {
        this.momentum = momentum;
    }

    public boolean isAffine() {
        return affine;
    }

    public void setAffine(boolean affine) {
        this.affine = affine;
    }

    public boolean isTrackRunningStats() {
        return trackRunningStats;
    }

    public void setTrackRunningStats(boolean trackRunningStats) {
        this.trackRunningStats = trackRunningStats;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        IIDBatchNorm b = (IIDBatchNorm) o;
        return eps == b.eps && momentum == b.momentum && affine == b.affine && trackRunningStats == b.trackRunningStats;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), eps, momentum, affine, trackRunningStats);
    }

    @Override
    public String toString() {
        return describe() + "(" + getInType() + ", eps=" + eps + ", momentum=" + momentum + ", affine=" + affine
                + ", trackRunningStats=" + trackRunningStats + ")";
    }

    /** The options, named as in escnn. */
    public abstract static class Builder<T extends Builder<T>> extends EquivariantLayer.Builder<T> {
        private double eps = 1e-5;
        private double momentum = 0.1;
        private boolean affine = true;
        private boolean trackRunningStats = true;

        protected Builder(FieldType inType) {
            super(inType);
        }

        @SuppressWarnings("unchecked")
        private T self() {
            return (T) this;
        }

        /** Added to the variance before the square root (default 1e-5). */
        public T eps(double eps) {
            this.eps = eps;
            return self();
        }

        /** Weight m of the batch in the running statistics, in [0, 1] (default 0.1). */
        public T momentum(double momentum) {
            this.momentum = momentum;
            return self();
        }

        /** Whether to learn a scale per field and a bias per trivial irrep (default true). */
        public T affine(boolean affine) {
            this.affine = affine;
            return self();
        }

        /** Whether to keep running statistics for inference (default true). */
        public T trackRunningStats(boolean track) {
            this.trackRunningStats = track;
            return self();
        }
    }
}
