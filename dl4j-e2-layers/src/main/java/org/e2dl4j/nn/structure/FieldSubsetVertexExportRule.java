package org.e2dl4j.nn.structure;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.e2dl4j.nn.FieldSubsetVertex;
import org.e2dl4j.nn.VertexExportRule;

/** A {@link FieldSubsetVertex} exports to the stock {@code SubsetVertex} of its channel range. */
public final class FieldSubsetVertexExportRule implements VertexExportRule {

    @Override
    public Class<FieldSubsetVertex> configClass() {
        return FieldSubsetVertex.class;
    }

    @Override
    public GraphVertex export(GraphVertex vertex) {
        FieldSubsetVertex v = (FieldSubsetVertex) vertex;
        return new SubsetVertex(v.fromChannel(), v.toChannel() - 1);
    }
}
