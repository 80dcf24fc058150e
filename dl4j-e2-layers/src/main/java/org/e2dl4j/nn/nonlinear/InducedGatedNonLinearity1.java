package org.e2dl4j.nn.nonlinear;

import java.util.List;
import java.util.Objects;

import org.e2dl4j.nn.FieldType;

/**
 * e2cnn's {@code InducedGatedNonLinearity1}: {@link GatedNonLinearity1} for fields induced from a subgroup H.
 * The gates are fields supporting 'induced_gate' (quotient representations G/H, one channel per coset, all of
 * one size |G/H|); each gated field supports 'induced_gated' and consists of |G/H| sub-fields, sub-field q
 * multiplied by {@code sigmoid(gamma_q - b)} of channel q of its gate field (b shared by the channels of one
 * gate field). Without labels the first half of the fields are the gates.
 */
public class InducedGatedNonLinearity1 extends GatedNonLinearity1 {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected InducedGatedNonLinearity1() {
    }

    protected InducedGatedNonLinearity1(Builder b) {
        super(b);
    }

    @Override
    protected boolean induced() {
        return true;
    }

    /** Builds an {@link InducedGatedNonLinearity1} on the given field type. */
    @SuppressWarnings("unchecked")
    public static class Builder extends GatedNonLinearity1.LabelledBuilder<Builder> {

        /**
         * With e2cnn's default labels: the first half of the fields are gates, the second half gated.
         *
         * @param inType the input field type (an even number of fields)
         */
        public Builder(FieldType inType) {
            super(inType, null);
        }

        /**
         * @param inType the input field type
         * @param gates  one label per field, {@value AbstractGatedNonLinearity#GATE} or
         *               {@value AbstractGatedNonLinearity#GATED}, as many gates as gated fields
         */
        public Builder(FieldType inType, List<String> gates) {
            super(inType, Objects.requireNonNull(gates, "gates"));
        }

        /**
         * @throws IllegalArgumentException for labels of the wrong number or value, gates that are not induced
         *                                  gates, gated fields whose sub-fields do not match the gates, or unequal
         *                                  numbers of gates and gated fields
         */
        @Override
        public InducedGatedNonLinearity1 build() {
            return checked(new InducedGatedNonLinearity1(this));
        }
    }
}
