/**
 * Equivariant feature spaces and layers for DL4J (e2cnn's {@code nn}).
 *
 * <p>A {@link org.e2dl4j.nn.FieldType} is the type of an NCHW feature map: a G-space and one representation
 * per field; g acts on a map by {@code (g.x)(p) = rho(g) x(g^-1 p)}. Layers are DL4J configurations
 * ({@link org.e2dl4j.nn.conv.R2Conv}, {@link org.e2dl4j.nn.conv.R2ConvTransposed}) with input and output field types
 * that are checked against each other when a configuration is built ({@link org.e2dl4j.nn.FieldInputType}).
 * {@link org.e2dl4j.nn.EquivarianceCheck} measures |f(g.x) - g.f(x)| for a layer or a network, and
 * {@link org.e2dl4j.nn.Export} turns a trained network into stock DL4J layers through one
 * {@link org.e2dl4j.nn.ExportRule} per layer class.
 */
package org.e2dl4j.nn;
