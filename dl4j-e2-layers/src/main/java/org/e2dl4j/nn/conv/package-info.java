/**
 * Implementation of the steerable convolutions: the DL4J layer ({@link org.e2dl4j.nn.conv.R2ConvLayer}), its
 * parameters, the expansion of basis weights into a dense filter with ND4J matrix ops, the libnd4j
 * {@code conv2d} / {@code deconv2d} calls, and the export rules to stock {@code ConvolutionLayer} /
 * {@code Deconvolution2D}.
 */
package org.e2dl4j.nn.conv;
