/**
 * Benchmarks (main classes, not tests): {@link org.e2dl4j.samples.bench.R2ConvBenchmark} compares R2Conv with a
 * plain convolution of the same shape on the same libnd4j ops.
 */
package org.e2dl4j.samples.bench;
