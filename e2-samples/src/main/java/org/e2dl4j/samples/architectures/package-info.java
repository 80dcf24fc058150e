/**
 * Reference architectures of the e2cnn paper's experiments (Weiler and Cesa, "General E(2)-Equivariant
 * Steerable CNNs", 2019), built from this library's layers: {@link org.e2dl4j.samples.architectures.E2Sfcnn}
 * (the MNIST-rot models, e.g. {@code D16|5 C16}) and {@link org.e2dl4j.samples.architectures.E2WideResNet}
 * (the CIFAR Wide ResNets, e.g. {@code D8D4D1}); {@link org.e2dl4j.samples.architectures.TrainableParameters}
 * counts what a configuration trains, and {@link org.e2dl4j.samples.architectures.ParameterBudget} scales a model
 * family to a target parameter count, as the paper compares models of equal size.
 */
package org.e2dl4j.samples.architectures;
