package org.e2dl4j.benchmarks;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * One benchmarked layer: a name, the case it is compared with (the closest stock DL4J layer or the existing layer a
 * new one generalizes; empty for a baseline), a fresh configuration per network (DL4J configurations must not be
 * shared), the input type it is built for and the shape of the batch it runs on.
 *
 * @param name      the JMH parameter value
 * @param baseline  the name of the case it is compared with, on the same input shape
 * @param config    a new configuration of the layer on each call
 * @param inputType the input type the layer's network is built with
 * @param batch     the input's shape, batch first
 */
record LayerCase(String name, Optional<String> baseline, Supplier<Layer> config, InputType inputType, long... batch) {

    LayerCase {
        batch = batch.clone();
    }

    /** A baseline: a layer others are compared with. */
    static LayerCase baseline(String name, Supplier<Layer> config, InputType inputType, long... batch) {
        return new LayerCase(name, Optional.empty(), config, inputType, batch);
    }

    /** A layer compared with the baseline called {@code baseline}. */
    static LayerCase comparedWith(String baseline, String name, Supplier<Layer> config, InputType inputType,
                                  long... batch) {
        return new LayerCase(name, Optional.of(baseline), config, inputType, batch);
    }

    @Override
    public long[] batch() {
        return batch.clone();
    }

    @Override
    public String toString() {
        return name + " on " + Arrays.toString(batch);
    }
}
