package org.e2dl4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.impl.SubsetVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Selects consecutive fields {@code [fromField, toField)} of a feature map of type {@code inType}, a branch of
 * e2cnn's {@code BranchingModule}: the output is the channels {@code [fieldStart(fromField), fieldEnd(toField - 1))},
 * of type {@code inType.indexSelect(fromField..toField-1)}. It runs DL4J's own subset vertex, but unlike the stock
 * {@code SubsetVertex} configuration (whose output type has {@code from - to + 1} channels for convolutional inputs
 * in DL4J 1.0.0-M2.1) it reports the right channel count and hands the field type to the next layer, which then
 * checks it. Exports to a stock {@code SubsetVertex}. Immutable.
 */
public class FieldSubsetVertex extends GraphVertex implements StockVertex {

    private static final long serialVersionUID = 1L;

    private final FieldType inType;
    private final int fromField;
    private final int toField;

    /**
     * @param inType    the type of the input feature map
     * @param fromField the first selected field
     * @param toField   one past the last selected field
     * @throws IllegalArgumentException if the range is empty or outside the type's fields
     */
    public FieldSubsetVertex(@JsonProperty("inType") FieldType inType, @JsonProperty("fromField") int fromField,
                             @JsonProperty("toField") int toField) {
        this.inType = Objects.requireNonNull(inType, "input field type");
        if (fromField < 0 || toField <= fromField || toField > inType.fieldCount()) {
            throw new IllegalArgumentException("FieldSubsetVertex: the field range [" + fromField + ", " + toField
                    + ") must be non-empty within the " + inType.fieldCount() + " fields of " + inType);
        }
        this.fromField = fromField;
        this.toField = toField;
    }

    /** The type of the selected fields. */
    public FieldType outType() {
        List<Integer> fields = new ArrayList<>();
        for (int f = fromField; f < toField; f++) {
            fields.add(f);
        }
        return inType.indexSelect(fields);
    }

    /** The first selected channel. */
    public int fromChannel() {
        return inType.fieldStart(fromField);
    }

    /** One past the last selected channel. */
    public int toChannel() {
        return inType.fieldEnd(toField - 1);
    }

    public FieldType getInType() {
        return inType;
    }

    public int getFromField() {
        return fromField;
    }

    public int getToField() {
        return toField;
    }

    @Override
    public FieldSubsetVertex clone() {
        return new FieldSubsetVertex(inType, fromField, toField);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FieldSubsetVertex)) {
            return false;
        }
        FieldSubsetVertex v = (FieldSubsetVertex) o;
        return inType.equals(v.inType) && fromField == v.fromField && toField == v.toField;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inType, fromField, toField);
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 1;
    }

    @Override
    public int maxVertexInputs() {
        return 1;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        return new SubsetVertex(graph, name, idx, fromChannel(), toChannel() - 1, networkDatatype);
    }

    /**
     * @throws InvalidInputTypeException naming the vertex's types, if the input is not an NCHW feature map of
     *                                   {@code inType} (its field type, where known, or its channel count)
     */
    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        String who = "FieldSubsetVertex of fields [" + fromField + ", " + toField + ") of " + inType;
        if (vertexInputs.length == 1 && vertexInputs[0] instanceof InputType.InputTypeConvolutional3D) {
            throw new InvalidInputTypeException(who + ": volumes (NCDHW) cannot be split into fields: DL4J's subset"
                    + " vertex runs on arrays of rank 2 to 4 only; got " + vertexInputs[0]);
        }
        if (vertexInputs.length != 1 || !(vertexInputs[0] instanceof InputType.InputTypeConvolutional in)
                || in.getFormat() != CNN2DFormat.NCHW) {
            throw new InvalidInputTypeException(who + ": expected one NCHW feature map, got "
                    + java.util.Arrays.toString(vertexInputs));
        }
        if (in instanceof FieldInputType f && f.getFieldType() != null && !f.getFieldType().equals(inType)) {
            throw new InvalidInputTypeException(who + ": field type mismatch, the input has type " + f.getFieldType());
        }
        if (in.getChannels() != inType.size()) {
            throw new InvalidInputTypeException(who + ": the input has " + in.getChannels() + " channels, expected "
                    + inType.size());
        }
        return FieldInputType.of(outType(), in.getHeight(), in.getWidth());
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        return new LayerMemoryReport.Builder(null, FieldSubsetVertex.class, inputTypes[0], getOutputType(-1, inputTypes))
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    @Override
    public String toString() {
        return "FieldSubsetVertex(fields [" + fromField + ", " + toField + ") of " + inType + ")";
    }

    /** The stock vertex of the same function. */
    @Override
    public GraphVertex toStock() {
        return new org.deeplearning4j.nn.conf.graph.SubsetVertex(fromChannel(), toChannel() - 1);
    }
}
