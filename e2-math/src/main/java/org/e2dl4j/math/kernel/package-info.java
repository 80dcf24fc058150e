/**
 * Steerable kernel bases: for a G-space G &lt;= O(2) acting on the plane and two field representations, a basis
 * of the kernels k: R^2 -&gt; R^(c_out x c_in) with {@code k(g x) = rho_out(g) k(x) rho_in(g)^-1}, sampled on
 * the k x k pixel grid exactly as e2cnn's R2Conv does (same elements, order, sign and normalization); for a
 * G-space G &lt;= O(3) acting on R^3, escnn's R3Conv basis on the k x k x k voxel grid (Gaussian rings times
 * spherical harmonics of degree J times the intertwiners {@code Hom_G(Y_J|_G (x) psi_in, psi_out)}, solved by
 * {@code HarmonicIntertwiners} on the group's generators; the same span as escnn's, elements of its own).
 *
 * <p>The pieces, bottom up: {@link org.e2dl4j.math.kernel.IrrepsPairSolution} (analytic angular solutions for
 * one irreps pair), {@link org.e2dl4j.math.kernel.GaussianRadialProfile} (rings),
 * {@link org.e2dl4j.math.kernel.BasisPolicy} (e2cnn's defaults and overrides, resolved into a
 * {@link org.e2dl4j.math.kernel.SamplingPlan}), {@link org.e2dl4j.math.kernel.SteerableKernelSampler} (one
 * representation pair, cached in {@link org.e2dl4j.math.kernel.KernelBasisCache}) and
 * {@link org.e2dl4j.math.kernel.LayerBasis} (a whole layer: pair layout, bias, He initialization, expansion).
 * {@link org.e2dl4j.math.kernel.KernelBasis} is the analytic basis of one pair before any grid, sampled at any
 * points (e2cnn's {@code KernelBasis.sample}).
 * Other families of equivariant stencils (e.g. steerable PDOs) plug in through
 * {@link org.e2dl4j.math.kernel.PairBasisSampler}.
 */
package org.e2dl4j.math.kernel;
