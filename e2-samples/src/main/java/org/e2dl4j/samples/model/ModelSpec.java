package org.e2dl4j.samples.model;

/**
 * What every model of the rotated-MNIST sample is built for: square single-channel images of
 * {@code imageSide} pixels, {@code classes} outputs (softmax), a width multiplier on the layer sizes of
 * e2cnn's C8 example model, a seed for the initial weights, and Adam's learning rate.
 *
 * @param imageSide    height and width of the input images (29 for padded MNIST)
 * @param classes      the number of classes
 * @param width        multiplier on the layer sizes of e2cnn's example (1 = its 24, 48, 48, 96, 96, 64 fields)
 * @param seed         seed of the weight initialization
 * @param learningRate Adam's step size
 */
public record ModelSpec(int imageSide, int classes, double width, long seed, double learningRate) {

    /** Checks the ranges. */
    public ModelSpec {
        if (imageSide < 9) {
            throw new IllegalArgumentException("model spec: expected images of at least 9 x 9 pixels, got " + imageSide);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("model spec: expected at least 2 classes, got " + classes);
        }
        if (!(width > 0 && width <= 8)) {
            throw new IllegalArgumentException("model spec: expected a width multiplier in (0, 8], got " + width);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("model spec: expected a learning rate in (0, 1), got " + learningRate);
        }
    }
}
