/**
 * The whole-model benchmark (a CLI, not a test): {@link org.e2dl4j.samples.bench.E2Benchmark} times basis
 * construction and the C8 model's train and inference steps beside plain convolutions and the exported network;
 * {@link org.e2dl4j.samples.bench.E2Profile} breaks a train step down layer by layer, forward and backward
 * ({@link org.e2dl4j.samples.bench.StepProfiler}).
 * Single layers are measured with JMH in the module {@code e2-benchmarks}.
 */
package org.e2dl4j.samples.bench;
