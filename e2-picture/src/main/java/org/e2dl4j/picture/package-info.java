/**
 * Equivariance you can see (e2cnn's README picture), for any network of this library:
 * {@link org.e2dl4j.picture.FeatureFieldPicture} turns an image through a full turn and feeds it to an
 * equivariant and to a conventional {@link org.e2dl4j.picture.FieldNetwork}, each mapping it to one scalar and
 * one vector field; {@link org.e2dl4j.picture.FrameRenderer} draws every frame (input, output as colour and
 * arrows, stabilized view) and {@link org.e2dl4j.picture.AnimatedGif} writes the frames as a looping GIF.
 * Angles are counter-clockwise as displayed, about the centre pixel of an odd-sided grid; vector fields have
 * x to the right and y up, as in e2cnn. Nothing here prints; the library depends on ND4J's API only, the
 * application chooses the backend.
 */
package org.e2dl4j.picture;
