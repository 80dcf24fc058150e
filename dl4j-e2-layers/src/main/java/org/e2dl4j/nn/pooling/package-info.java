/**
 * The spatial poolings ({@link org.e2dl4j.nn.pooling.PointwiseMaxPool} and the other {@code Pointwise*Pool*}
 * layers, {@link org.e2dl4j.nn.pooling.NormMaxPool}) with PyTorch's window semantics
 * ({@link org.e2dl4j.nn.pooling.PoolingGeometry}), run as libnd4j pooling and convolution ops on whole tensors, and
 * exported to stock DL4J pooling layers where one computes the same.
 */
package org.e2dl4j.nn.pooling;
