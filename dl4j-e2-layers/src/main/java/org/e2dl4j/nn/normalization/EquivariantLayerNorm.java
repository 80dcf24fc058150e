package org.e2dl4j.nn.normalization;

import org.e2dl4j.nn.FieldType;

/**
 * Layer normalization that stays equivariant: each sample is normalized by one mean and one variance over all its
 * fields and the whole feature map. The mean removed is the projection of the sample onto the invariant vector
 * {@code u = P 1} (P the projection onto the trivial irreps of every field, 1 the all-ones vector, constant over
 * space): {@code mu = <u, x> / (HW |u|^2)}, {@code x - mu u}; the variance is the mean of the squared deviations over
 * all channels and pixels; then per-field weights and biases on the trivial irreps (see
 * {@link SampleNormalization}). For permutation fields (trivial, regular, quotient) u = 1, so this is torch's
 * {@code LayerNorm} over (C, H, W) with an affine map constant over space; fields without trivial irreps are only
 * rescaled.
 *
 * <pre>
 *   new EquivariantLayerNorm.Builder(FieldType.regular(gspace, 8)).build()
 * </pre>
 */
public class EquivariantLayerNorm extends SampleNormalization {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected EquivariantLayerNorm() {
    }

    protected EquivariantLayerNorm(Builder b) {
        super(b);
    }

    @Override
    StatisticsLayout statisticsLayout() {
        return StatisticsLayout.wholeSample(getInType());
    }

    /** Builds an {@link EquivariantLayerNorm} on the given field type. */
    public static class Builder extends SampleNormalization.Builder<Builder> {

        /** @param inType the input (and output) field type; every field orthogonal */
        public Builder(FieldType inType) {
            super(inType);
        }

        /** @throws IllegalArgumentException for a non-positive eps or a non-orthogonal field */
        @Override
        public EquivariantLayerNorm build() {
            return checked(new EquivariantLayerNorm(this));
        }
    }
}
