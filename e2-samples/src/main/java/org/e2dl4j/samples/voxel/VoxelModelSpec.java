package org.e2dl4j.samples.voxel;

/**
 * What every model of the voxel sample is built for: cubic single-channel grids of {@code side} voxels,
 * {@code classes} outputs (softmax), a width multiplier on the layer sizes, a seed for the initial weights,
 * and Adam's learning rate.
 *
 * @param side         the grids' side, a multiple of 4 (two poolings by 2 keep the grid's symmetry)
 * @param classes      the number of classes
 * @param width        multiplier on the layer sizes
 * @param seed         seed of the weight initialization
 * @param learningRate Adam's step size
 */
public record VoxelModelSpec(int side, int classes, double width, long seed, double learningRate) {

    /** Checks the ranges. */
    public VoxelModelSpec {
        if (side < 4 || side % 4 != 0) {
            throw new IllegalArgumentException("voxel model spec: expected a grid side that is a positive multiple of 4, got "
                    + side);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("voxel model spec: expected at least 2 classes, got " + classes);
        }
        if (!(width > 0 && width <= 8)) {
            throw new IllegalArgumentException("voxel model spec: expected a width multiplier in (0, 8], got " + width);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("voxel model spec: expected a learning rate in (0, 1), got " + learningRate);
        }
    }
}
