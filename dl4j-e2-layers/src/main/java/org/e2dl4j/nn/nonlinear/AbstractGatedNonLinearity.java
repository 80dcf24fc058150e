package org.e2dl4j.nn.nonlinear;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NonlinearitySupport;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The configuration shared by the gated nonlinearities ({@link GatedNonLinearity1}, {@link GatedNonLinearity2},
 * {@link InducedGatedNonLinearity1}): the input fields are labelled {@value #GATE} or {@value #GATED}, in equal
 * numbers; each gated unit v (a gated field, or a sub-field of an induced gated field) is multiplied by
 * {@code sigmoid(gamma - b)}, gamma its gate channel and b a learnable bias per gate field (parameter "b",
 * standard normal initialisation as in e2cnn). Since gates are invariant scalars (per sub-field, for induced
 * ones), the product is equivariant for any representation of the gated fields.
 *
 * <p>Matching, as in e2cnn: the k-th gate field (in input order) gates the k-th gated field when the gated
 * fields are sorted stably by size (and sub-field size); the output keeps the input's field order. With
 * {@code dropGates} (the default) the output type is the gated fields only; otherwise it is the input type,
 * the gate fields holding {@code sigmoid(gamma - b)}. Same spatial size. No stock DL4J layer computes this, so
 * {@link Export} refuses these layers.
 */
public abstract class AbstractGatedNonLinearity extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** The label of a gate field (e2cnn's {@code GATES_ID}). */
    public static final String GATE = "gate";
    /** The label of a gated field (e2cnn's {@code GATED_ID}). */
    public static final String GATED = "gated";

    /** For Jackson. */
    protected AbstractGatedNonLinearity() {
    }

    protected AbstractGatedNonLinearity(Builder<?> b) {
        super(b);
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** The label of each input field, {@value #GATE} or {@value #GATED}. */
    public abstract List<String> gateLabels();

    /** Whether the gate fields are left out of the output. */
    public abstract boolean dropsGates();

    /** Whether gates act per sub-field of induced representations. */
    protected abstract boolean induced();

    /**
     * For each input field: 0 for a gate, else the size of the units it is gated in (the field, or its
     * sub-fields when induced).
     */
    public int[] unitSizes() {
        List<String> labels = gateLabels();
        int[] sizes = new int[labels.size()];
        for (int f = 0; f < sizes.length; f++) {
            Representation r = getInType().representations().get(f);
            sizes[f] = GATE.equals(labels.get(f)) ? 0 : induced() ? r.inducedSubfieldSize().orElse(r.size()) : r.size();
        }
        return sizes;
    }

    /** Number of gate fields (and of bias parameters). */
    public int gateCount() {
        return (int) gateLabels().stream().filter(GATE::equals).count();
    }

    @Override
    public FieldType outType() {
        if (!dropsGates()) {
            return getInType();
        }
        List<Integer> gated = new ArrayList<>();
        List<String> labels = gateLabels();
        for (int f = 0; f < labels.size(); f++) {
            if (GATED.equals(labels.get(f))) {
                gated.add(f);
            }
        }
        return getInType().indexSelect(gated);
    }

    /**
     * The labels against the input type: one per field, as many gates (trivial, or induced gates, all of one
     * size) as gated fields (supporting gating; for induced ones, one sub-field per gate channel).
     *
     * @throws IllegalArgumentException naming the layer and the offending field or count
     */
    @Override
    protected void validate() {
        super.validate();
        FieldType in = getInType();
        List<String> labels = gateLabels();
        if (labels == null) {
            throw new IllegalArgumentException(who() + ": no gate labels (property 'gates' missing); expected one"
                    + " label ('" + GATE + "' or '" + GATED + "') per field of " + in);
        }
        if (labels.size() != in.fieldCount()) {
            throw new IllegalArgumentException(who() + ": expected one label ('" + GATE + "' or '" + GATED
                    + "') per field of " + in + ", i.e. " + in.fieldCount() + " labels, got " + labels.size());
        }
        int gates = 0;
        int gateSize = -1;
        for (int f = 0; f < labels.size(); f++) {
            String label = labels.get(f);
            Representation r = in.representations().get(f);
            if (GATE.equals(label)) {
                gates++;
                checkGate(in, f, r);
                if (gateSize >= 0 && r.size() != gateSize) {
                    throw new IllegalArgumentException(who() + ": all gate fields of " + in
                            + " must have one size; field " + f + " (" + r.name() + ") has " + r.size() + ", earlier"
                            + " gates " + gateSize);
                }
                gateSize = r.size();
            } else if (!GATED.equals(label)) {
                throw new IllegalArgumentException(who() + ": label " + f + " is '" + label + "'; valid labels: '"
                        + GATE + "', '" + GATED + "'");
            }
        }
        int gated = labels.size() - gates;
        if (gates != gated) {
            throw new IllegalArgumentException(who() + ": the number of gates (" + gates
                    + ") does not match the number of gated fields (" + gated + ") in " + in);
        }
        for (int f = 0; f < labels.size(); f++) {
            if (GATED.equals(labels.get(f))) {
                checkGated(in, f, in.representations().get(f), gateSize);
            }
        }
    }

    private void checkGate(FieldType in, int f, Representation r) {
        if (induced()) {
            NonlinearitySupport.require(who(), in, f, Nonlinearity.INDUCED_GATE);
        } else if (!r.isTrivial()) {
            throw new IllegalArgumentException(who() + ": field " + f + " of " + in + " is a gate but has"
                    + " representation " + r.name() + "; gates must be trivial (scalar) fields");
        }
    }

    private void checkGated(FieldType in, int f, Representation r, int gateSize) {
        if (!induced()) {
            NonlinearitySupport.require(who(), in, f, Nonlinearity.GATED);
            return;
        }
        NonlinearitySupport.require(who(), in, f, Nonlinearity.INDUCED_GATED);
        int subfields = r.size() / r.inducedSubfieldSize().getAsInt();
        if (subfields != gateSize) {
            throw new IllegalArgumentException(who() + ": gated field " + f + " (" + r.name() + ") of " + in
                    + " has " + subfields + " sub-fields but the gate fields have " + gateSize + " channels; each"
                    + " sub-field needs one gate channel");
        }
    }

    @Override
    public ParamInitializer initializer() {
        return GateParamInitializer.INSTANCE;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new GatedNonLinearityLayer(conf, networkDataType);
    }

    /** Refused: it multiplies each gated field by the sigmoid of another channel (its gate). */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.refused("it multiplies each gated field by the sigmoid of another channel (its gate), and no"
                + " stock DL4J layer multiplies channels by other channels");
    }
}
