/**
 * The equivariant linear map between fibers of a G-space without base space ({@link org.e2dl4j.nn.linear.Linear},
 * escnn's {@code Linear}): the matrix {@code W = sum_w weight_w * basis_w} over the basis of
 * {@code Hom_G(rho_in, rho_out)} of e2-math ({@link org.e2dl4j.math.kernel.FiberIntertwinerSampler}), expanded
 * with ND4J matrix ops, a DL4J feed-forward layer on [batch, size] inputs that exports to a stock
 * {@code DenseLayer}.
 */
package org.e2dl4j.nn.linear;
