package org.e2dl4j.samples.voxel;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Builds one kind of network for the voxel sample. */
public interface VoxelModelFactory {

    /** A short name for the table and the saved model's file name (letters, digits, '-' only). */
    String name();

    /**
     * A fresh, initialized network taking {@code [batch, 1, side, side, side]} float grids (NCDHW) and giving
     * {@code [batch, classes]} class probabilities, trained with Adam at {@code spec.learningRate()}.
     */
    MultiLayerNetwork create(VoxelModelSpec spec);

    /** The number of trainable parameters of the network for {@code spec}, without building it. */
    long parameterCount(VoxelModelSpec spec);

    /** Whether the network holds layers of this library, so that the sample also exports it to stock DL4J layers. */
    boolean usesLibraryLayers();
}
