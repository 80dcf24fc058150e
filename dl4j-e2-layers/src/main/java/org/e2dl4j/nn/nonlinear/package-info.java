/**
 * Equivariant nonlinearities (e2cnn's {@code nn} nonlinearity modules): pointwise maps on permutation fields
 * ({@code ReLU}, {@code ELU}, {@code LeakyReLU}, {@code PointwiseNonLinearity}), norm nonlinearities
 * {@code v -> f(|v|) v / |v|}, gated nonlinearities {@code v -> sigmoid(g) v}, induced, concatenated and vector
 * field nonlinearities. Each checks at build time that every field supports it.
 */
package org.e2dl4j.nn.nonlinear;
