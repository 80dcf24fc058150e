/**
 * Implementation of the equivariant dropouts ({@link org.e2dl4j.nn.FieldDropout},
 * {@link org.e2dl4j.nn.PointwiseDropout}): one layer drawing seeded Bernoulli masks over dropout units (fields or
 * channels) and their export rules (FieldDropout vanishes, PointwiseDropout becomes a stock {@code DropoutLayer}).
 */
package org.e2dl4j.nn.dropout;
