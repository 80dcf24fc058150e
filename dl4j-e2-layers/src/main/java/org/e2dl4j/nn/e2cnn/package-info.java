/**
 * The bridge to e2cnn (PyTorch): {@link org.e2dl4j.nn.e2cnn.E2cnnWeights} loads an e2cnn {@code state_dict}
 * saved as {@code .npz} into a network of our layers and saves one back. An outer package: it knows the layer
 * families (which e2cnn module each is), and neither the core nor any family knows it.
 */
package org.e2dl4j.nn.e2cnn;
