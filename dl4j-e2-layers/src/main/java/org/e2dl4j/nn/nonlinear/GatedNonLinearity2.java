package org.e2dl4j.nn.nonlinear;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;

/**
 * e2cnn's {@code GatedNonLinearity2}: the gates and the gated fields arrive as two tensors, of types
 * {@code gatesType} (trivial fields) and {@code gatedType} (fields supporting 'gated', as many as gates); the
 * output has type {@code gatedType} (see {@link AbstractGatedNonLinearity} for the map and the matching of
 * gates to gated fields).
 *
 * <p>In a ComputationGraph it takes the two tensors as two inputs, gates first: DL4J joins a layer's inputs
 * with a {@code MergeVertex} (channel concatenation), so the layer sees the type
 * {@code gatesType.plus(gatedType)}, which it checks; it also works on such a concatenated tensor in a
 * MultiLayerNetwork.
 *
 * <pre>
 *   graph.addLayer("gate", new GatedNonLinearity2.Builder(gatesType, gatedType).build(), "gates", "gated")
 * </pre>
 */
public class GatedNonLinearity2 extends AbstractGatedNonLinearity {

    private static final long serialVersionUID = 1L;

    private FieldType gatesType;

    /** For Jackson. */
    protected GatedNonLinearity2() {
    }

    protected GatedNonLinearity2(Builder b) {
        super(b);
        this.gatesType = b.gatesType;
    }

    /**
     * A gates type on the input's G-space whose fields are the first fields of the input type (the input is
     * the gates followed by the gated fields), then the labels' checks.
     */
    @Override
    protected void validate() {
        if (gatesType == null) {
            throw new IllegalArgumentException(who() + ": no gates type (property 'gatesType' missing)");
        }
        FieldType in = getInType();
        if (in != null) {
            int gates = gatesType.fieldCount();
            if (!gatesType.gspace().equals(in.gspace()) || gates > in.fieldCount()
                    || !in.representations().subList(0, gates).equals(gatesType.representations())) {
                throw new IllegalArgumentException(who() + ": the input type must be the gates " + gatesType
                        + " followed by the gated fields, got " + in);
            }
        }
        super.validate();
    }

    @Override
    public List<String> gateLabels() {
        int gates = gatesType.fieldCount();
        List<String> labels = new ArrayList<>(Collections.nCopies(gates, GATE));
        labels.addAll(Collections.nCopies(getInType().fieldCount() - gates, GATED));
        return labels;
    }

    @Override
    public boolean dropsGates() {
        return true;
    }

    @Override
    protected boolean induced() {
        return false;
    }

    /** The type of the gates tensor (the first input). */
    public FieldType getGatesType() {
        return gatesType;
    }

    public void setGatesType(FieldType gatesType) {
        this.gatesType = gatesType;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Objects.equals(gatesType, ((GatedNonLinearity2) o).gatesType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), gatesType);
    }

    /** Builds a {@link GatedNonLinearity2} for a gates tensor and a gated tensor. */
    @SuppressWarnings("unchecked")
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        private final FieldType gatesType;

        /**
         * @param gatesType the type of the gates tensor: trivial fields, one per gated field
         * @param gatedType the type of the gated tensor: fields supporting 'gated' nonlinearities
         * @throws IllegalArgumentException if the two types are on different G-spaces
         */
        public Builder(FieldType gatesType, FieldType gatedType) {
            super(joined(gatesType, gatedType));
            this.gatesType = gatesType;
        }

        private static FieldType joined(FieldType gatesType, FieldType gatedType) {
            Objects.requireNonNull(gatesType, "gatesType");
            Objects.requireNonNull(gatedType, "gatedType");
            if (!gatesType.gspace().equals(gatedType.gspace())) {
                throw new IllegalArgumentException("GatedNonLinearity2: the gates " + gatesType + " and the gated fields "
                        + gatedType + " must live on one G-space");
            }
            return gatesType.plus(gatedType);
        }

        /**
         * @throws IllegalArgumentException for non-trivial gates, gated fields that do not support gating, or
         *                                  unequal numbers of gates and gated fields
         */
        @Override
        public GatedNonLinearity2 build() {
            return checked(new GatedNonLinearity2(this));
        }
    }
}
