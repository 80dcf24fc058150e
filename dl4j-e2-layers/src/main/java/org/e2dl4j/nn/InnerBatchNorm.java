package org.e2dl4j.nn;

import java.util.Objects;

import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.norm.BlockLayout;
import org.e2dl4j.nn.norm.VarianceRule;

/**
 * Batch normalization of permutation fields (e2cnn's {@code InnerBatchNorm}): for field f with channels x_c,
 * <pre>
 *   y_c = gamma_f (x_c - mu_f) / sqrt(sigma_f^2 + eps) + beta_f
 * </pre>
 * with the mean mu_f and biased variance sigma_f^2 pooled over the batch, the space and all channels of the
 * field, which the group permutes among themselves, so the statistics are invariant and the map equivariant.
 * The running variance is unbiased ({@code n = N H W |f|}), as PyTorch's. Only representations that support
 * pointwise nonlinearities (trivial, regular, quotient) are accepted. Input and output type equal; any spatial size.
 *
 * <pre>
 *   new InnerBatchNorm.Builder(FieldType.regular(gs, 16)).build()
 * </pre>
 * Options: see {@link EquivariantBatchNorm}, plus {@code trackRunningStats} (default true; when false, inference
 * also uses batch statistics and there is nothing to export). {@link Export} turns a trained layer into a stock
 * {@code BatchNormalization} with each field's running statistics, scale and bias repeated on its channels,
 * computing the inference-mode map.
 */
public class InnerBatchNorm extends EquivariantBatchNorm {

    private static final long serialVersionUID = 1L;

    private boolean trackRunningStats = true;

    /** For Jackson. */
    protected InnerBatchNorm() {
    }

    protected InnerBatchNorm(Builder b) {
        super(b);
        this.trackRunningStats = b.trackRunningStats;
        requireFields(Nonlinearity.POINTWISE, true, "InnerBatchNorm pools statistics over the channels of a field,"
                + " which is equivariant only for permutation representations (trivial, regular, quotient);"
                + " use NormBatchNorm or GNormBatchNorm for other fields");
        validate();
    }

    @Override
    public BlockLayout blockLayout() {
        return BlockLayout.ofFields(getInType(), true, VarianceRule.BATCH, Representation::size);
    }

    @Override
    public boolean tracksRunningStats() {
        return trackRunningStats;
    }

    public boolean isTrackRunningStats() {
        return trackRunningStats;
    }

    public void setTrackRunningStats(boolean trackRunningStats) {
        this.trackRunningStats = trackRunningStats;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && trackRunningStats == ((InnerBatchNorm) o).trackRunningStats;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), trackRunningStats);
    }

    /** Builds an {@link InnerBatchNorm} on a field type of permutation fields. */
    public static class Builder extends EquivariantBatchNorm.Builder<Builder> {
        private boolean trackRunningStats = true;

        public Builder(FieldType inType) {
            super(inType);
        }

        /** Whether to keep running statistics for inference (default true). */
        public Builder trackRunningStats(boolean track) {
            this.trackRunningStats = track;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public InnerBatchNorm build() {
            return new InnerBatchNorm(this);
        }
    }
}
