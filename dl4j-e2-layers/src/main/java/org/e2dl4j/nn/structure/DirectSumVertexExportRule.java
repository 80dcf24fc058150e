package org.e2dl4j.nn.structure;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.e2dl4j.nn.DirectSumVertex;
import org.e2dl4j.nn.VertexExportRule;

/** A {@link DirectSumVertex} exports to a stock {@code MergeVertex} (the same concatenation of channels). */
public final class DirectSumVertexExportRule implements VertexExportRule {

    @Override
    public Class<DirectSumVertex> configClass() {
        return DirectSumVertex.class;
    }

    @Override
    public GraphVertex export(GraphVertex vertex) {
        return new MergeVertex();
    }
}
