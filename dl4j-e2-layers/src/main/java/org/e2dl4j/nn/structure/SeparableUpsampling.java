package org.e2dl4j.nn.structure;

/**
 * What {@link UpsamplingLayer} needs of an upsampling configuration ({@link R2Upsampling}, {@link R3Upsampling}):
 * the output size along each spatial axis and the 1-D interpolation ({@link Interpolation}) applied along each.
 */
interface SeparableUpsampling {

    /** The output size along spatial axis {@code axis} (0 = the first after the channels) for an input of size n. */
    long outputSize(int axis, long n);

    /** Whether the interpolation is nearest neighbour (else linear on every axis). */
    boolean nearest();

    /** Whether linear interpolation aligns the corner samples of input and output. */
    boolean alignCorners();
}
