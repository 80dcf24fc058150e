package org.e2dl4j.nn.nonlinear;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;

/**
 * e2cnn's {@code GatedNonLinearity1}: gates and gated fields in one input tensor (see
 * {@link AbstractGatedNonLinearity} for the map). The gates are trivial fields; the gated fields must support
 * 'gated' nonlinearities (any orthogonal representation). Without labels the first half of the fields are
 * the gates and the second half the gated fields, as in e2cnn.
 *
 * <pre>
 *   FieldType in = FieldType.trivial(gs, 2).plus(FieldType.irrep(gs, 2, 1));
 *   new GatedNonLinearity1.Builder(in).build()                      // output: irrep_1 x2
 *   new GatedNonLinearity1.Builder(in, List.of("gate", "gated", "gate", "gated")).dropGates(false).build()
 * </pre>
 */
public class GatedNonLinearity1 extends AbstractGatedNonLinearity {

    private static final long serialVersionUID = 1L;

    private List<String> gates;
    private boolean dropGates = true;

    /** For Jackson. */
    protected GatedNonLinearity1() {
    }

    protected GatedNonLinearity1(LabelledBuilder<?> b) {
        super(b);
        this.gates = b.gates == null ? defaultLabels(b.inType()) : b.gates;
        this.dropGates = b.dropGates;
    }

    /** e2cnn's default labels: the first half of the fields gates, the second half gated. */
    private List<String> defaultLabels(FieldType in) {
        int fields = in.fieldCount();
        if (fields % 2 != 0) {
            throw new IllegalArgumentException(describe() + ": without gate labels the first half of the fields are"
                    + " gates, which needs an even number of fields; " + in + " has " + fields
                    + ": pass the labels explicitly");
        }
        List<String> labels = new ArrayList<>(Collections.nCopies(fields / 2, GATE));
        labels.addAll(Collections.nCopies(fields / 2, GATED));
        return List.copyOf(labels);
    }

    @Override
    public List<String> gateLabels() {
        return gates;
    }

    @Override
    public boolean dropsGates() {
        return dropGates;
    }

    @Override
    protected boolean induced() {
        return false;
    }

    /** The label of each field (the JSON property). */
    public List<String> getGates() {
        return gates;
    }

    public void setGates(List<String> gates) {
        this.gates = gates == null ? null : List.copyOf(gates);
    }

    public boolean isDropGates() {
        return dropGates;
    }

    public void setDropGates(boolean dropGates) {
        this.dropGates = dropGates;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        GatedNonLinearity1 g = (GatedNonLinearity1) o;
        return dropGates == g.dropGates && Objects.equals(gates, g.gates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), gates, dropGates);
    }

    /** The arguments shared by the builders of the one-tensor gated nonlinearities: labels and dropGates. */
    public abstract static class LabelledBuilder<T extends LabelledBuilder<T>> extends EquivariantLayer.Builder<T> {

        private final List<String> gates;
        private boolean dropGates = true;

        /**
         * @param inType the input field type
         * @param gates  one label per field ({@value AbstractGatedNonLinearity#GATE} or
         *               {@value AbstractGatedNonLinearity#GATED}), or null for e2cnn's default
         */
        protected LabelledBuilder(FieldType inType, List<String> gates) {
            super(inType);
            this.gates = gates == null ? null : List.copyOf(gates);
        }

        /** Whether to leave the gate fields out of the output (default true, as e2cnn's {@code drop_gates}). */
        @SuppressWarnings("unchecked")
        public T dropGates(boolean dropGates) {
            this.dropGates = dropGates;
            return (T) this;
        }
    }

    /** Builds a {@link GatedNonLinearity1} on the given field type. */
    @SuppressWarnings("unchecked")
    public static class Builder extends LabelledBuilder<Builder> {

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
         * @throws IllegalArgumentException for labels of the wrong number or value, non-trivial gates, gated fields
         *                                  that do not support gating, or unequal numbers of gates and gated fields
         */
        @Override
        public GatedNonLinearity1 build() {
            return checked(new GatedNonLinearity1(this));
        }
    }
}
