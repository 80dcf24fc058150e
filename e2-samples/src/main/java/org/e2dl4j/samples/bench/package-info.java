/**
 * Benchmarks (main classes, not tests): {@link org.e2dl4j.samples.bench.R2ConvBenchmark} compares R2Conv with a
 * plain convolution of the same shape on the same libnd4j ops; {@link org.e2dl4j.samples.bench.BatchNormBenchmark}
 * compares InnerBatchNorm with DL4J's stock BatchNormalization on a map of the same shape.
 */
package org.e2dl4j.samples.bench;
