/**
 * The steerable convolutions {@link org.e2dl4j.nn.conv.R2Conv} and {@link org.e2dl4j.nn.conv.R2ConvTransposed}
 * and the steerable PDOs {@link org.e2dl4j.nn.conv.R2Diffop}: the filter {@code K = sum_w weight_w * basis_w}
 * over the steerable kernel basis (or the discretized steerable PDO basis) of e2-math, expanded into a dense
 * filter with ND4J matrix ops, run through libnd4j's {@code conv2d} / {@code deconv2d}, and exported to stock
 * {@code ConvolutionLayer} / {@code Deconvolution2D}.
 */
package org.e2dl4j.nn.conv;
