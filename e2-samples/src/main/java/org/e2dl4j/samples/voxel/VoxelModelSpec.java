package org.e2dl4j.samples.voxel;

/**
 * What every model of the voxel sample is built for: cubic single-channel grids of {@code side} voxels,
 * {@code classes} outputs (softmax), a width multiplier on the layer sizes, a seed for the initial weights,
 * and Adam's learning rate. The models share one layout: three {@value #KERNEL}^3 convolutions whose sizes follow
 * {@link #layerSizes}, and a dense layer of {@value #HIDDEN_UNITS} units before the output.
 *
 * @param side         the grids' side, a multiple of 4 (two poolings by 2 keep the grid's symmetry)
 * @param classes      the number of classes
 * @param width        multiplier on the layer sizes
 * @param seed         seed of the weight initialization
 * @param learningRate Adam's step size
 */
public record VoxelModelSpec(int side, int classes, double width, long seed, double learningRate) {

    /** The kernel size of the convolutions. */
    public static final int KERNEL = 3;
    /** The units of the dense layer before the output. */
    public static final int HIDDEN_UNITS = 32;
    /** The relative sizes of the three convolutions. */
    private static final int[] PROFILE = {2, 4, 4};

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

    /**
     * The sizes of the three convolutions (channels, or fields) for {@code perUnit} of them per unit of the
     * profile {@code 2, 4, 4}: {@code max(1, round(profile_i * width * perUnit))}.
     */
    public int[] layerSizes(double perUnit) {
        int[] sizes = new int[PROFILE.length];
        for (int i = 0; i < PROFILE.length; i++) {
            sizes[i] = Math.max(1, (int) Math.round(PROFILE[i] * width * perUnit));
        }
        return sizes;
    }
}
