package org.e2dl4j.samples.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Builds one kind of network for the rotated-MNIST sample. A new kind of model (the C8 steerable CNN)
 * joins the sample by implementing this interface and being listed in {@link ModelCatalog}.
 */
public interface ModelFactory {

    /** A short name for tables, charts and the saved model's file name (letters, digits, '-' only). */
    String name();

    /**
     * A fresh, initialized network taking {@code [batch, 1, side, side]} float images (NCHW) and giving
     * {@code [batch, classes]} class probabilities, trained with Adam at {@code spec.learningRate()}.
     */
    MultiLayerNetwork create(ModelSpec spec);

    /**
     * Whether the network holds layers of this library, so that the sample also exports it to stock DL4J
     * layers ({@link org.e2dl4j.nn.Export#toStandard}); false for a network of stock layers only.
     */
    default boolean usesLibraryLayers() {
        return false;
    }
}
