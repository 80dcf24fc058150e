/**
 * JMH microbenchmarks of single E2-DL4J layers, each next to the closest stock DL4J or existing layer on the same
 * input: the time of one training step (forward + backward) and of one inference forward. Run with
 * {@code mvn -pl e2-benchmarks exec:exec -Djmh.args="LayerBenchmark"} (see e2-samples/BENCHMARKS.md).
 */
package org.e2dl4j.benchmarks;
