/**
 * The steerable convolutions on the plane, {@link org.e2dl4j.nn.conv.R2Conv} and
 * {@link org.e2dl4j.nn.conv.R2ConvTransposed}, and in space, {@link org.e2dl4j.nn.conv.R3Conv} and
 * {@link org.e2dl4j.nn.conv.R3ConvTransposed}, and the steerable PDOs {@link org.e2dl4j.nn.conv.R2Diffop}: the
 * filter {@code K = sum_w weight_w * basis_w} over the steerable kernel basis (or the discretized steerable PDO
 * basis) of e2-math on the k^d grid, expanded into a dense filter with ND4J matrix ops, run through libnd4j's
 * {@code conv2d} / {@code deconv2d} (NCHW) or {@code conv3dnew} / {@code deconv3d} (NCDHW), and exported to stock
 * {@code ConvolutionLayer} / {@code Deconvolution2D} / {@code Convolution3D} / {@code Deconvolution3D}.
 */
package org.e2dl4j.nn.conv;
