/**
 * Equivariant normalizations by each sample's own statistics: escnn's {@link org.e2dl4j.nn.normalization.FieldNorm}
 * (per field and pixel), {@link org.e2dl4j.nn.normalization.EquivariantInstanceNorm} (per field over the feature map)
 * and {@link org.e2dl4j.nn.normalization.EquivariantLayerNorm} (over the whole sample). Only projections onto
 * invariant vectors are subtracted, variances are mean squared norms, weights act per field and biases on trivial
 * irreps, so each map commutes with the group; a statistics layout says which
 * channels share statistics, and one implementation computes all three with whole-tensor ops.
 */
package org.e2dl4j.nn.normalization;
