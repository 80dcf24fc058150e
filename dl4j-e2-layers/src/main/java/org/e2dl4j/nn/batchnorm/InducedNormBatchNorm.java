package org.e2dl4j.nn.batchnorm;

import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

/**
 * Batch normalization of induced fields (e2cnn's {@code InducedNormBatchNorm}): as {@link NormBatchNorm}, one
 * variance per field shared by all its sub-fields of size d (the blocks on which the induced representation
 * permutes copies of the subgroup's representation), estimated from the sub-fields' squared norms,
 * Bessel-corrected with {@code n = N H W |f| / d}:
 * <pre>
 *   y_f = gamma_f x_f / sqrt(r_f + eps),    r_f = (1 - m) r_f + m sigma_f^2 in training
 * </pre>
 * Accepts representations supporting induced norm nonlinearities without trivial irreps. As for
 * {@link NormBatchNorm}, the backward pass is the exact gradient and {@link Export} refuses it.
 */
public class InducedNormBatchNorm extends EquivariantBatchNorm {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected InducedNormBatchNorm() {
    }

    protected InducedNormBatchNorm(Builder b) {
        super(b);
    }

    /** Every field supports induced norm nonlinearities and contains no trivial irrep. */
    @Override
    protected void validate() {
        super.validate();
        requireFields(Nonlinearity.INDUCED_NORM, false, "InducedNormBatchNorm assumes zero-mean sub-fields, which"
                + " holds only for representations without trivial irreps; use GNormBatchNorm for these");
    }

    @Override
    public BlockLayout blockLayout() {
        return BlockLayout.ofFields(getInType(), false, VarianceRule.RUNNING_BLEND,
                r -> r.size() / r.inducedSubfieldSize().orElseThrow());
    }

    /** Refused: it normalizes each sub-field by a statistic of its Euclidean norm over several channels. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.refused("it normalizes each sub-field by a statistic of its Euclidean norm over several"
                + " channels, which stock BatchNormalization (one channel at a time) does not compute");
    }

    /** Builds an {@link InducedNormBatchNorm}. */
    public static class Builder extends EquivariantBatchNorm.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public InducedNormBatchNorm build() {
            return checked(new InducedNormBatchNorm(this));
        }
    }
}
