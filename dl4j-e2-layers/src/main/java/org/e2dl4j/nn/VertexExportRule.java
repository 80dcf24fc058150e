package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.graph.GraphVertex;

/**
 * How {@link Export} replaces a graph vertex of this library that is not a layer (a {@link FieldSubsetVertex},
 * a {@link DirectSumVertex}) by a stock DL4J vertex computing the same function. One rule class per vertex
 * configuration class, registered for {@link java.util.ServiceLoader} in
 * {@code META-INF/services/org.e2dl4j.nn.VertexExportRule}; a vertex of this library without a rule makes the
 * export fail with a message naming it.
 */
public interface VertexExportRule {

    /** The vertex configuration class this rule handles (matched exactly, not by subclass). */
    Class<? extends GraphVertex> configClass();

    /** The stock vertex (classes of {@code org.deeplearning4j} / {@code org.nd4j} only) replacing {@code vertex}. */
    GraphVertex export(GraphVertex vertex);
}
