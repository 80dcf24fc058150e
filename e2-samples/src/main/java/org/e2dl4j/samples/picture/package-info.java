/**
 * The equivariance picture sample: {@link org.e2dl4j.samples.picture.PictureNetworks} are the two randomly
 * initialized networks it compares (a steerable CNN and a conventional one, each mapping an image to one scalar
 * and one vector field), and {@link org.e2dl4j.samples.picture.EquivariancePicture} is the command line that
 * draws them with the {@code e2-picture} library ({@link org.e2dl4j.picture}) as PNG frames and an animated GIF.
 */
package org.e2dl4j.samples.picture;
