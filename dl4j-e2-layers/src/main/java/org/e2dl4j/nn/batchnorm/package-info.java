/**
 * The equivariant batch normalizations ({@link org.e2dl4j.nn.batchnorm.InnerBatchNorm},
 * {@link org.e2dl4j.nn.batchnorm.NormBatchNorm}, {@link org.e2dl4j.nn.batchnorm.InducedNormBatchNorm},
 * {@link org.e2dl4j.nn.batchnorm.GNormBatchNorm}): a {@link org.e2dl4j.nn.batchnorm.BlockLayout} says which
 * channels share statistics (fields, or irreducible components in the irrep basis) and which are centred; one
 * engine normalizes the blocks with whole-tensor ops on the (sample, channel) rows of the map, with the exact
 * backward pass; the running statistics are non-trainable parameters. InnerBatchNorm exports to a stock
 * {@code BatchNormalization}. {@link org.e2dl4j.nn.batchnorm.IIDBatchNorm1d} (fibers without base space) and
 * {@link org.e2dl4j.nn.batchnorm.IIDBatchNorm2d} (escnn's i.i.d. batch norms: a variance per field, a mean on the
 * trivial irreps, any representation) have their own engine ({@code IIDLayout}) and export
 * to a stock {@code BatchNormalization} too.
 */
package org.e2dl4j.nn.batchnorm;
