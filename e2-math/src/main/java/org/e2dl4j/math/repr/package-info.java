/**
 * Real orthogonal representations rho: G -&gt; O(n) of the groups of {@code org.e2dl4j.math.group}: the types
 * of feature fields.
 *
 * <p>Every representation is kept as its decomposition rho(g) = Q (psi_1(g) (+) ... (+) psi_m(g)) Q^T into
 * irreps psi_i with an orthogonal change of basis Q, exactly as e2cnn builds it (same irreps, order, names
 * and Q), so that weights and bases carry over between the libraries. {@link
 * org.e2dl4j.math.repr.Representations} builds irreps, regular, quotient, induced and restricted
 * representations, direct sums, changes of basis and the output representations of concatenated
 * nonlinearities and escnn's band-limited regular and quotient representations in the spectral basis (with their
 * sampled Fourier transforms, {@link org.e2dl4j.math.repr.FourierTransform}), and disentangles a representation
 * into independent parts; each representation also lists
 * the nonlinearities that commute with it and records how it was built ({@link
 * org.e2dl4j.math.repr.RepresentationRecipe}, with a text key in {@link org.e2dl4j.math.repr.RecipeKey}).
 *
 * <p>The 3D groups' irreps are escnn's: the real Wigner D matrices of SO(3) in escnn's basis (that of the real
 * spherical harmonics, {@link org.e2dl4j.math.repr.SphericalHarmonics}), O(3)'s (j, l), and the octahedral and
 * icosahedral irreps with escnn's matrices.
 */
package org.e2dl4j.math.repr;
