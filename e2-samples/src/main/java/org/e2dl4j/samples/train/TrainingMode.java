package org.e2dl4j.samples.train;

/** How the training digits are presented. */
public enum TrainingMode {
    /** The digits as they are (upright). */
    UPRIGHT,
    /**
     * Each digit rotated once by its own random angle (bilinear), the MNIST-rot setting of the e2cnn
     * paper; the rotated set is fixed for the whole run.
     */
    ROTATED
}
