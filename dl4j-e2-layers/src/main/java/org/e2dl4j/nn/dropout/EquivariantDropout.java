package org.e2dl4j.nn.dropout;

import java.util.Objects;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The configuration shared by the equivariant dropouts ({@link FieldDropout}, {@link PointwiseDropout}): in
 * training, {@code y = x * mask / (1 - p)} with an independent Bernoulli mask that zeroes each <em>unit</em> (a
 * whole field at one pixel, or one channel at one pixel) with probability p; in inference {@code y = x}.
 * Output type = input type; any spatial size.
 *
 * <p>Randomness: the mask of a training step is drawn from an ND4J generator seeded by the network's seed, the
 * layer index and the iteration and epoch counts, so a network with a given seed draws the same masks every run,
 * and repeated forward passes within one iteration (as in a gradient check) see the same mask.
 */
public abstract class EquivariantDropout extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private double p = 0.5;

    /** For Jackson. */
    protected EquivariantDropout() {
    }

    protected EquivariantDropout(Builder<?> b) {
        super(b);
        this.p = b.p;
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** The dropout probability p in [0, 1) (and the root's checks: the identity activation). */
    @Override
    protected void validate() {
        super.validate();
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException(who() + ": the dropout probability p must be in [0, 1), got " + p);
        }
    }

    /**
     * For each channel, the dropout unit it belongs to (channels of one unit are kept or dropped together); units
     * are numbered 0..U-1.
     */
    public abstract int[] unitOfChannel();

    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new MaskedDropoutLayer(conf, networkDataType);
    }

    /** The probability p of dropping a unit in training. */
    public double getP() {
        return p;
    }

    public void setP(double p) {
        this.p = p;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && p == ((EquivariantDropout) o).p;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), p);
    }

    /** The dropout probability option, named as in e2cnn. */
    public abstract static class Builder<T extends Builder<T>> extends EquivariantLayer.Builder<T> {
        private double p = 0.5;

        protected Builder(FieldType inType) {
            super(inType);
        }

        /** Probability of dropping a unit in training, in [0, 1) (default 0.5). */
        @SuppressWarnings("unchecked")
        public T p(double p) {
            this.p = p;
            return (T) this;
        }
    }
}
