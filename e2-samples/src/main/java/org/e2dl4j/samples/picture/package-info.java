/**
 * Equivariance you can see (e2cnn's README picture): {@link org.e2dl4j.samples.picture.FeatureFieldPicture} turns
 * an image through a full turn and feeds it to a randomly initialized steerable CNN and to a conventional one
 * ({@link org.e2dl4j.samples.picture.PictureNetworks}), each mapping it to one scalar and one vector field;
 * {@link org.e2dl4j.samples.picture.FrameRenderer} draws every frame (input, output, stabilized view) and
 * {@link org.e2dl4j.samples.picture.EquivariancePicture} is the command line writing PNG frames and an animated
 * GIF. Angles are counter-clockwise as displayed, about the centre pixel of an odd-sided grid; vector fields have
 * x to the right and y up, as in e2cnn.
 */
package org.e2dl4j.samples.picture;
