/**
 * Implementations of the spatial poolings ({@link org.e2dl4j.nn.pooling.PointwiseMaxPool} and the other
 * {@code Pointwise*Pool*} layers, {@link org.e2dl4j.nn.pooling.NormMaxPool}) with PyTorch's window semantics
 * ({@link org.e2dl4j.nn.pooling.PoolingGeometry}), run as libnd4j pooling and convolution ops on whole tensors, and
 * their export rules to stock DL4J layers.
 */
package org.e2dl4j.nn.pooling;
