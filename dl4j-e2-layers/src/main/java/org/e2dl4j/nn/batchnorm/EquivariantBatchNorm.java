package org.e2dl4j.nn.batchnorm;

import java.util.Objects;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The configuration shared by the equivariant batch normalizations ({@link InnerBatchNorm}, {@link NormBatchNorm},
 * {@link InducedNormBatchNorm}, {@link GNormBatchNorm}). Each normalizes blocks of channels that the group maps
 * into themselves ({@link BlockLayout}: fields, or irreducible components of fields) by statistics pooled over
 * the batch, the space and the block's channels, which are invariant, so {@code y = w (x - mu) / sqrt(v + eps) + beta}
 * is equivariant. Output type = input type; any spatial size.
 *
 * <p>Options as in e2cnn: {@code eps} (default 1e-5), {@code momentum} m of the running statistics (default 0.1:
 * {@code running <- (1 - m) running + m batch}), {@code affine} (default true: a learnable scale per block and a
 * learnable bias per centred block). Parameters: see {@link BatchNormParamInitializer}; the running statistics
 * are non-trainable entries of the parameter vector, as in DL4J's {@code BatchNormalization}, so they are saved
 * with the network; their gradient is zero and they must be excluded from gradient checks. Training mode
 * ({@code fit}, {@code output(x, true)}) normalizes with the batch statistics, which needs more than one value per
 * statistic (batch 1 on a 1x1 map is refused, as in PyTorch); inference with the running statistics. Each
 * {@code fit} iteration moves the running statistics once, by the momentum, towards its batch's statistics; a
 * training-mode forward pass without a backward pass ({@code output(x, true)}) leaves them as they are.
 */
public abstract class EquivariantBatchNorm extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private double eps = 1e-5;
    private double momentum = 0.1;
    private boolean affine = true;

    /** For Jackson. */
    protected EquivariantBatchNorm() {
    }

    protected EquivariantBatchNorm(Builder<?> b) {
        super(b);
        this.eps = b.eps;
        this.momentum = b.momentum;
        this.affine = b.affine;
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** eps positive and finite, momentum in [0, 1] (and the root's checks: the identity activation). */
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

    /**
     * Rejects the input type unless every field's representation supports the nonlinearity family {@code needed}
     * and, when {@code trivialIrrepsAllowed} is false, contains no trivial irrep; the message names the field,
     * its representation, what the representation supports and {@code why}.
     */
    protected final void requireFields(Nonlinearity needed, boolean trivialIrrepsAllowed, String why) {
        FieldType type = getInType();
        for (int f = 0; f < type.fieldCount(); f++) {
            Representation r = type.representations().get(f);
            String field = who() + ": field " + f + " of " + type + " has representation '" + r.name() + "'";
            if (!r.supports(needed)) {
                throw new IllegalArgumentException(field + ", which does not support " + needed.e2cnnName()
                        + " nonlinearities (it supports " + r.supportedNonlinearities().stream()
                        .map(Nonlinearity::e2cnnName).sorted().toList() + "); " + why);
            }
            if (!trivialIrrepsAllowed && r.containsTrivial()) {
                throw new IllegalArgumentException(field + ", which contains the trivial irrep; " + why);
            }
        }
    }

    /** How the channels of the input type are grouped into blocks sharing statistics. */
    public abstract BlockLayout blockLayout();

    /** Whether running statistics are kept (and used in inference). */
    public boolean tracksRunningStats() {
        return true;
    }

    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new FieldBatchNormLayer(conf, networkDataType);
    }

    @Override
    public ParamInitializer initializer() {
        return BatchNormParamInitializer.INSTANCE;
    }

    /**
     * The running statistics (zero gradient, set directly by the layer) get a NoOp updater, so that no updater keeps
     * state for them; the scales and biases use the layer's updater.
     */
    @Override
    public IUpdater getUpdaterByParam(String paramName) {
        return BatchNormParamInitializer.isRunningStatistic(paramName) ? new NoOp() : getIUpdater();
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

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        EquivariantBatchNorm b = (EquivariantBatchNorm) o;
        return eps == b.eps && momentum == b.momentum && affine == b.affine;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), eps, momentum, affine);
    }

    @Override
    public String toString() {
        return describe() + "(" + getInType() + ", eps=" + eps + ", momentum=" + momentum + ", affine=" + affine + ")";
    }

    /** The options shared by the batch normalizations, named as in e2cnn. */
    public abstract static class Builder<T extends Builder<T>> extends EquivariantLayer.Builder<T> {
        private double eps = 1e-5;
        private double momentum = 0.1;
        private boolean affine = true;

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

        /**
         * Weight m of the batch in the running statistics, {@code (1 - m) running + m batch}, in [0, 1] (default 0.1;
         * e2cnn's {@code momentum=None}, a cumulative average, is not offered).
         */
        public T momentum(double momentum) {
            this.momentum = momentum;
            return self();
        }

        /** Whether to learn a scale per block and a bias per centred block (default true). */
        public T affine(boolean affine) {
            this.affine = affine;
            return self();
        }
    }
}
