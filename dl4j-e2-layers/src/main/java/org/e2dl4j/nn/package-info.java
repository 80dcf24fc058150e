/**
 * The core of the equivariant layers for DL4J (e2cnn's {@code nn}), on which every layer family builds.
 *
 * <p>A {@link org.e2dl4j.nn.FieldType} is the type of an NCHW feature map: a G-space and one representation
 * per field; g acts on a map by {@code (g.x)(p) = rho(g) x(g^-1 p)}. {@link org.e2dl4j.nn.EquivariantLayer} is
 * the one configuration root of every layer: it holds the input field type, derives the output type, checks it
 * against the neighbours when a configuration is built ({@link org.e2dl4j.nn.FieldInputType}), instantiates the
 * implementation and declares the layer's stock DL4J form ({@link org.e2dl4j.nn.StockExport}).
 * {@link org.e2dl4j.nn.EquivariantSequence} and {@link org.e2dl4j.nn.EquivariantGraphBuilder} thread field types
 * through networks and graphs, {@link org.e2dl4j.nn.EquivarianceCheck} measures |f(g.x) - g.f(x)|, and
 * {@link org.e2dl4j.nn.Export} turns a trained network into stock DL4J layers.
 *
 * <p>The layers live in one package per family, each holding its configurations, implementations and export:
 * {@code conv} (R2Conv, R2ConvTransposed), {@code nonlinear}, {@code pooling}, {@code invariant} (GroupPooling,
 * NormPool, ...), {@code batchnorm}, {@code dropout} and {@code structure} (identity, restriction, disentangle,
 * reshuffle, mask, upsampling). A family depends on this core and on e2-math only, never on another family, and
 * this core never on a family ({@code PackageRulesTest}).
 */
package org.e2dl4j.nn;
