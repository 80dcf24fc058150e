/**
 * The equivariant dropouts ({@link org.e2dl4j.nn.dropout.FieldDropout}, {@link org.e2dl4j.nn.dropout.PointwiseDropout}):
 * one layer drawing seeded Bernoulli masks over dropout units (fields or channels); on export FieldDropout
 * vanishes and PointwiseDropout becomes a stock {@code DropoutLayer}.
 */
package org.e2dl4j.nn.dropout;
