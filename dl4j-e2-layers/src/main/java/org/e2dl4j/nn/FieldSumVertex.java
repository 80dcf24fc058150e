package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise sum of feature maps of one field type, the join of a residual connection: since every group
 * element acts on a field type by one linear map, {@code rho(g) x + rho(g) y = rho(g) (x + y)}, so the sum of
 * equivariant maps into the same type is equivariant, of that type. It runs DL4J's element-wise add vertex; when
 * every input carries a field type they must be equal (a stock {@code ElementWiseVertex} would only compare
 * channel counts, adding, say, a regular field to four trivial ones), and the output carries it. Exports to a stock
 * {@code ElementWiseVertex(Op.Add)}. Stateless.
 */
public class FieldSumVertex extends GraphVertex implements StockVertex {

    private static final long serialVersionUID = 1L;

    /** DL4J's element-wise sum, which does the work (stateless, shared). */
    private static final ElementWiseVertex ADD = new ElementWiseVertex(ElementWiseVertex.Op.Add);

    @Override
    public FieldSumVertex clone() {
        return new FieldSumVertex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSumVertex;
    }

    @Override
    public int hashCode() {
        return FieldSumVertex.class.hashCode();
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return Integer.MAX_VALUE;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        return ADD.instantiate(graph, name, idx, paramsView, initializeParams, networkDatatype);
    }

    /**
     * The inputs' common type; a {@link FieldInputType} of their common field type when every input carries one.
     *
     * @throws IllegalArgumentException naming the vertex index, the input and both types, if two inputs' field
     *                                  types differ
     */
    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        FieldType common = null;
        boolean allTyped = vertexInputs.length > 0;
        for (int i = 0; i < vertexInputs.length; i++) {
            if (!(vertexInputs[i] instanceof FieldInputType f) || f.getFieldType() == null) {
                allTyped = false;
                continue;
            }
            if (common == null) {
                common = f.getFieldType();
            } else if (!common.equals(f.getFieldType())) {
                throw new IllegalArgumentException("FieldSumVertex (layer index " + layerIndex
                        + "): all inputs must have the same field type, but input " + i + " has type "
                        + f.getFieldType() + " and an earlier input has type " + common);
            }
        }
        InputType sum = ADD.getOutputType(layerIndex, vertexInputs);
        if (!allTyped) {
            return sum;
        }
        InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) sum;
        return FieldInputType.of(common, c.getHeight(), c.getWidth());
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        return ADD.getMemoryReport(inputTypes);
    }

    @Override
    public String toString() {
        return "FieldSumVertex()";
    }

    /** The stock vertex of the same function. */
    @Override
    public GraphVertex toStock() {
        return new ElementWiseVertex(ElementWiseVertex.Op.Add);
    }
}
