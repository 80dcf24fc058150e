package org.e2dl4j.nn.normalization;

import org.e2dl4j.nn.FieldType;

/**
 * escnn's {@code FieldNorm}: every field of every sample is normalized at every pixel by the statistics of its own
 * channels there, {@code y = w_f (x - P_f x) / sqrt(|x - P_f x|^2 / d_f + eps) + Q_f b_f} (P_f the projection onto
 * the field's trivial irreps, d_f its size), with eps and the affine parameters as escnn's (see
 * {@link SampleNormalization}). As escnn warns, a field made of trivial irreps only becomes 0 (then its bias).
 *
 * <pre>
 *   new FieldNorm.Builder(FieldType.regular(gspace, 8)).build()
 * </pre>
 */
public class FieldNorm extends SampleNormalization {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected FieldNorm() {
    }

    protected FieldNorm(Builder b) {
        super(b);
    }

    @Override
    StatisticsLayout statisticsLayout() {
        return StatisticsLayout.perField(getInType(), true);
    }

    /** Builds a {@link FieldNorm} on the given field type. */
    public static class Builder extends SampleNormalization.Builder<Builder> {

        /** @param inType the input (and output) field type; every field orthogonal */
        public Builder(FieldType inType) {
            super(inType);
        }

        /** @throws IllegalArgumentException for a non-positive eps or a non-orthogonal field */
        @Override
        public FieldNorm build() {
            return checked(new FieldNorm(this));
        }
    }
}
