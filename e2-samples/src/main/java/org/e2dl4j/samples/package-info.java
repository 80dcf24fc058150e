/**
 * Runnable samples. {@link org.e2dl4j.samples.RotatedMnist} is the main one: models trained on upright
 * MNIST digits, tested on digits turned by 90, 180, 270 degrees and by random angles.
 */
package org.e2dl4j.samples;
