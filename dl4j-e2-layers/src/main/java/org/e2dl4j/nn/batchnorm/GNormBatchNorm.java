package org.e2dl4j.nn.batchnorm;

import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

/**
 * Batch normalization of any fields (e2cnn's {@code GNormBatchNorm}), in each field's irrep basis
 * {@code z = Q^-1 x}: every irreducible component psi of every field is normalized by its own variance, and
 * trivial components are also centred and get a bias:
 * <pre>
 *   z'_psi = gamma_psi (z_psi - mu_psi) / sqrt(v_psi + eps) + beta_psi,    y = Q z'
 * </pre>
 * with mu_psi the mean (trivial psi only, else 0) and v_psi the Bessel-corrected ({@code n = N H W}) mean of
 * {@code |z_psi - mu_psi|^2 / dim psi}, from the batch in training and the running statistics in inference.
 * Each component is mapped to itself by an orthogonal irrep, so its statistics are invariant. Unlike e2cnn,
 * which detaches the batch statistics, the backward pass is the exact gradient. Input and output type equal.
 *
 * <p>Parameters: "gamma" per irrep of each field, "beta" and "mean" per trivial irrep, "var" per irrep; field
 * by field, irrep by irrep. No stock DL4J layer computes it, so {@link Export} refuses networks containing it.
 */
public class GNormBatchNorm extends EquivariantBatchNorm {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected GNormBatchNorm() {
    }

    protected GNormBatchNorm(Builder b) {
        super(b);
    }

    @Override
    public BlockLayout blockLayout() {
        return BlockLayout.ofIrreps(getInType());
    }

    /** Refused: it normalizes each field by statistics of its irreducible components. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.refused("it normalizes each field by statistics of its irreducible components, each spanning"
                + " several channels, which stock BatchNormalization (one channel at a time) does not"
                + " compute");
    }

    /** Builds a {@link GNormBatchNorm}. */
    public static class Builder extends EquivariantBatchNorm.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public GNormBatchNorm build() {
            return checked(new GNormBatchNorm(this));
        }
    }
}
