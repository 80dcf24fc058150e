/**
 * The equivariant batch normalizations ({@link org.e2dl4j.nn.batchnorm.InnerBatchNorm},
 * {@link org.e2dl4j.nn.batchnorm.NormBatchNorm}, {@link org.e2dl4j.nn.batchnorm.InducedNormBatchNorm},
 * {@link org.e2dl4j.nn.batchnorm.GNormBatchNorm}): a {@link org.e2dl4j.nn.batchnorm.BlockLayout} says which
 * channels share statistics (fields, or irreducible components in the irrep basis) and which are centred; one
 * engine normalizes the blocks with whole-tensor ops on the (sample, channel) rows of the map, with the exact
 * backward pass; the running statistics are non-trainable parameters. InnerBatchNorm exports to a stock
 * {@code BatchNormalization}.
 */
package org.e2dl4j.nn.batchnorm;
