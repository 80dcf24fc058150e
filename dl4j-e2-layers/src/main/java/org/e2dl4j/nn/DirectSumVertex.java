package org.e2dl4j.nn;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * The direct sum of feature maps (e2cnn's {@code tensor_directsum}): the inputs' channels concatenated in order,
 * of type {@link FieldType#directSum} of the inputs' types. It runs DL4J's merge vertex; its output type carries
 * the direct sum of the inputs' field types when they are all known, so the next layer checks it (with a stock
 * {@code MergeVertex} only the channel count would be checked). Exports to a stock {@code MergeVertex}.
 * Stateless.
 */
public class DirectSumVertex extends StatelessStockVertex {

    private static final long serialVersionUID = 1L;

    @Override
    public DirectSumVertex clone() {
        return new DirectSumVertex();
    }

    @Override
    public int minVertexInputs() {
        return 1;
    }

    /**
     * The merged type; a {@link FieldInputType} ({@link FieldVolumeInputType} for volumes) of the direct sum when every
     * input carries a field type.
     *
     * @throws IllegalArgumentException if the inputs' field types live on different G-spaces
     */
    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
        InputType merged = toStock().getOutputType(layerIndex, vertexInputs);
        List<FieldType> types = new ArrayList<>();
        for (InputType in : vertexInputs) {
            FieldType t = TypedInputs.fieldTypeOf(in);
            if (t == null) {
                return merged;
            }
            types.add(t);
        }
        try {
            return TypedInputs.typed(FieldType.directSum(types), merged);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DirectSumVertex (layer index " + layerIndex + "): " + e.getMessage(), e);
        }
    }

    @Override
    public GraphVertex toStock() {
        return new MergeVertex();
    }
}
