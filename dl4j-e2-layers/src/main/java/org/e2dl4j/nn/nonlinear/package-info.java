/**
 * Equivariant nonlinearities (e2cnn's {@code nn} nonlinearity modules): pointwise maps on permutation fields
 * ({@code ReLU}, {@code ELU}, {@code LeakyReLU}, {@code PointwiseNonLinearity}), norm nonlinearities
 * {@code v -> f(|v|) v / |v|}, gated nonlinearities {@code v -> sigmoid(g) v}, induced, concatenated and vector
 * field nonlinearities, and escnn's Fourier nonlinearities ({@code FourierPointwise}, {@code FourierELU} and their
 * quotient forms) {@code x -> A+ s(A x)} on band-limited regular fields, which bring pointwise nonlinearities to
 * SO(2) and O(2), and escnn's learnable quadratic {@code TensorProductModule} {@code x -> W (x (x) x)} per field.
 * Each checks at build time that every field supports it.
 */
package org.e2dl4j.nn.nonlinear;
