package org.e2dl4j.nn;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The direct sum of feature maps (e2cnn's {@code tensor_directsum}): the inputs' channels concatenated in order,
 * of type {@link FieldType#directSum} of the inputs' types. It runs DL4J's merge vertex; its output type carries
 * the direct sum of the inputs' field types when they are all known, so the next layer checks it (with a stock
 * {@code MergeVertex} only the channel count would be checked). Exports to a stock {@code MergeVertex}.
 * Stateless.
 */
public class DirectSumVertex extends GraphVertex implements StockVertex {

    private static final long serialVersionUID = 1L;

    /** DL4J's concatenation along the channel axis, which does the work (stateless, shared). */
    private static final MergeVertex MERGE = new MergeVertex();

    @Override
    public DirectSumVertex clone() {
        return new DirectSumVertex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectSumVertex;
    }

    @Override
    public int hashCode() {
        return DirectSumVertex.class.hashCode();
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
        return Integer.MAX_VALUE;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        return MERGE.instantiate(graph, name, idx, paramsView, initializeParams, networkDatatype);
    }

    /**
     * The merged type; a {@link FieldInputType} of the direct sum when every input carries a field type.
     *
     * @throws IllegalArgumentException if the inputs' field types live on different G-spaces
     */
    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        InputType merged = MERGE.getOutputType(layerIndex, vertexInputs);
        List<FieldType> types = new ArrayList<>();
        for (InputType in : vertexInputs) {
            if (!(in instanceof FieldInputType f) || f.getFieldType() == null) {
                return merged;
            }
            types.add(f.getFieldType());
        }
        InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) merged;
        try {
            return FieldInputType.of(FieldType.directSum(types), c.getHeight(), c.getWidth());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DirectSumVertex (layer index " + layerIndex + "): " + e.getMessage(), e);
        }
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        return MERGE.getMemoryReport(inputTypes);
    }

    @Override
    public String toString() {
        return "DirectSumVertex()";
    }

    /** The stock vertex of the same function. */
    @Override
    public GraphVertex toStock() {
        return new MergeVertex();
    }
}
