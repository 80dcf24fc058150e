package org.e2dl4j.nn.batchnorm;

import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

/**
 * Batch normalization of fields whose representation has no trivial irrep (e2cnn's {@code NormBatchNorm}):
 * such fields have zero mean by symmetry, so only the scale is normalized, by the field's second moment
 * {@code sigma_f^2 = E|x_f|^2 / |f|} (over batch and space, Bessel-corrected with {@code n = N H W}):
 * <pre>
 *   y_f = gamma_f x_f / sqrt(r_f + eps)
 * </pre>
 * where, as in e2cnn, r_f is the running variance after this batch's update in training,
 * {@code (1 - m) r_f + m sigma_f^2}, and the running variance in inference. Norms are invariant under
 * orthogonal representations, so the map is equivariant. Unlike e2cnn, which detaches the batch statistic,
 * the backward pass also differentiates through it (the exact gradient of the forward map).
 * Accepts representations supporting norm nonlinearities without trivial irreps. Input and output type equal.
 *
 * <p>Parameters: "gamma" per field (affine), "var" per field. No stock DL4J layer computes it, so
 * {@link Export} refuses networks containing it.
 */
public class NormBatchNorm extends EquivariantBatchNorm {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected NormBatchNorm() {
    }

    protected NormBatchNorm(Builder b) {
        super(b);
    }

    /** Every field supports norm nonlinearities and contains no trivial irrep. */
    @Override
    protected void validate() {
        super.validate();
        requireFields(Nonlinearity.NORM, false, "NormBatchNorm assumes zero-mean fields, which holds only for"
                + " representations without trivial irreps; use GNormBatchNorm for these");
    }

    @Override
    public BlockLayout blockLayout() {
        return BlockLayout.ofFields(getInType(), false, VarianceRule.RUNNING_BLEND, r -> 1);
    }

    /** Refused: it normalizes each field by a statistic of its Euclidean norm over several channels. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.refused("it normalizes each field by a statistic of its Euclidean norm over several channels,"
                + " which stock BatchNormalization (one channel at a time) does not compute");
    }

    /** Builds a {@link NormBatchNorm}. */
    public static class Builder extends EquivariantBatchNorm.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public NormBatchNorm build() {
            return checked(new NormBatchNorm(this));
        }
    }
}
