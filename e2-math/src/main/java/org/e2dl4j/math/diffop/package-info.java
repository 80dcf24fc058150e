/**
 * Steerable partial differential operators on the plane (Jenner and Weiler 2021; e2cnn's {@code diffops} and
 * {@code R2Diffop}): a PDO {@code D = P(d/dx, d/dy)} given by a matrix P of homogeneous polynomials is
 * G-equivariant between fields of types rho_in and rho_out when {@code P(g x) = rho_out(g) P(x) rho_in(g)^-1}.
 *
 * <p>The pieces: {@link org.e2dl4j.math.diffop.HomogeneousPolynomial} (the operators' symbols),
 * {@link org.e2dl4j.math.diffop.AnalyticDiffopBasis} (the angular solutions of the kernel constraint written as
 * homogenized Chebyshev polynomials, times powers of the Laplacian, lifted through the changes of basis),
 * {@link org.e2dl4j.math.diffop.FiniteDifferences}, {@link org.e2dl4j.math.diffop.GaussianDerivatives} and
 * {@link org.e2dl4j.math.diffop.RbfFiniteDifferences} (the three discretizations), {@link org.e2dl4j.math.diffop.DiffopPolicy} (e2cnn's options and the rules tying
 * kernel size, accuracy and maximum order) and {@link org.e2dl4j.math.diffop.SteerableDiffopSampler}, which plugs
 * the discretized basis into the layer basis of {@link org.e2dl4j.math.kernel.LayerBasis} like a kernel basis.
 */
package org.e2dl4j.math.diffop;
