package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * The element-wise sum of feature maps of one field type, the join of a residual connection: since every group
 * element acts on a field type by one linear map, {@code rho(g) x + rho(g) y = rho(g) (x + y)}, so the sum of
 * equivariant maps into the same type is equivariant, of that type. It runs DL4J's element-wise add vertex; when
 * every input carries a field type they must be equal (a stock {@code ElementWiseVertex} would only compare
 * channel counts, adding, say, a regular field to four trivial ones), and the output carries it. Exports to a stock
 * {@code ElementWiseVertex(Op.Add)}. Stateless.
 */
public class FieldSumVertex extends StatelessStockVertex {

    private static final long serialVersionUID = 1L;

    @Override
    public FieldSumVertex clone() {
        return new FieldSumVertex();
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    /**
     * The inputs' common type; a {@link FieldInputType} ({@link FieldVolumeInputType} for volumes) of their common
     * field type when every input carries one.
     *
     * @throws IllegalArgumentException naming the vertex index, the input and both types, if two inputs' field
     *                                  types differ
     */
    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        FieldType common = null;
        boolean allTyped = vertexInputs.length > 0;
        for (int i = 0; i < vertexInputs.length; i++) {
            FieldType t = TypedInputs.fieldTypeOf(vertexInputs[i]);
            if (t == null) {
                allTyped = false;
                continue;
            }
            if (common == null) {
                common = t;
            } else if (!common.equals(t)) {
                throw new IllegalArgumentException("FieldSumVertex (layer index " + layerIndex
                        + "): all inputs must have the same field type, but input " + i + " has type "
                        + t + " and an earlier input has type " + common);
            }
        }
        InputType sum = toStock().getOutputType(layerIndex, vertexInputs);
        if (!allTyped) {
            return sum;
        }
        return TypedInputs.typed(common, sum);
    }

    @Override
    public GraphVertex toStock() {
        return new ElementWiseVertex(ElementWiseVertex.Op.Add);
    }
}
