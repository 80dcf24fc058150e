package org.e2dl4j.nn.normalization;

import org.e2dl4j.nn.FieldType;

/**
 * Instance normalization that stays equivariant: each field of each sample is normalized by its statistics over
 * the whole feature map, {@code y = w_f (x - P_f xbar_f) / sqrt(v_f + eps) + Q_f b_f}, with {@code xbar_f} the
 * field's spatial mean, P_f the projection onto its trivial irreps (the only part of a mean that the group leaves
 * fixed) and {@code v_f} its mean squared deviation over space and its d_f channels (see {@link SampleNormalization}).
 * For trivial fields this is torch's {@code InstanceNorm2d}; for regular (or any permutation) fields with one trivial
 * irrep it is torch's {@code GroupNorm} with one group per field.
 *
 * <pre>
 *   new EquivariantInstanceNorm.Builder(FieldType.regular(gspace, 8)).build()
 * </pre>
 */
public class EquivariantInstanceNorm extends SampleNormalization {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected EquivariantInstanceNorm() {
    }

    protected EquivariantInstanceNorm(Builder b) {
        super(b);
    }

    @Override
    StatisticsLayout statisticsLayout() {
        return StatisticsLayout.perField(getInType(), false);
    }

    /** Builds an {@link EquivariantInstanceNorm} on the given field type. */
    public static class Builder extends SampleNormalization.Builder<Builder> {

        /** @param inType the input (and output) field type; every field orthogonal */
        public Builder(FieldType inType) {
            super(inType);
        }

        /** @throws IllegalArgumentException for a non-positive eps or a non-orthogonal field */
        @Override
        public EquivariantInstanceNorm build() {
            return checked(new EquivariantInstanceNorm(this));
        }
    }
}
