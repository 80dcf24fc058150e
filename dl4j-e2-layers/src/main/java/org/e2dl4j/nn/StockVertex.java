package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.graph.GraphVertex;

/**
 * A graph vertex of this library that is not a layer (a {@link FieldSubsetVertex}, a {@link DirectSumVertex}, a
 * {@link FieldSumVertex}),
 * with the stock DL4J vertex computing the same function, which {@link Export} puts in its place.
 */
public interface StockVertex {

    /** The stock vertex (classes of {@code org.deeplearning4j} / {@code org.nd4j} only) replacing this one. */
    GraphVertex toStock();
}
