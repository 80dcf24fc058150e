package org.e2dl4j.nn;

import java.util.List;

/**
 * How {@link Export} replaces one kind of layer of this library by stock DL4J layers computing the same
 * function. One rule class per layer configuration class, registered for {@link java.util.ServiceLoader}
 * in {@code META-INF/services/org.e2dl4j.nn.ExportRule}; a layer of this library without a rule makes the
 * export fail with a message naming the layer.
 */
public interface ExportRule {

    /** The layer configuration class this rule handles (matched exactly, not by subclass). */
    Class<? extends org.deeplearning4j.nn.conf.layers.Layer> configClass();

    /**
     * The stock layers, in order, with their parameters, that replace the given trained layer: applied one
     * after the other they must give the layer's output. Parameters are keyed as the stock layer's
     * parameter table and reshaped to its shapes on assignment.
     *
     * @param layer the layer instance of a network (its configuration is of {@link #configClass()})
     */
    List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer);
}
