package org.e2dl4j.spark;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The small classifier the Spark tests train on {@link CrossesDataSet}: steerable convolution, ReLU, global
 * max pooling, softmax output; plain SGD so that one step depends only on parameters and minibatch.
 */
final class SparkTestNetwork {

    static final double LEARNING_RATE = 0.5;

    private SparkTestNetwork() {
    }

    /**
     * The feature layer: a C4-steerable convolution from one scalar field to one regular field (4 channels),
     * 3x3, ReLU (pointwise, so allowed on regular fields). Every Spark test uses the network through this line,
     * so the equivariant layer and its field types travel to the executors in every test.
     */
    static Layer featureLayer() {
        GSpace c4 = GSpaces.rot2dOnR2(4);
        return new R2Conv.Builder(FieldType.trivial(c4, 1), FieldType.regular(c4, 1), 3)
                .activation(Activation.RELU).build();
    }

    static MultiLayerConfiguration configuration(long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Sgd(LEARNING_RATE))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(featureLayer())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(CrossesDataSet.SIZE, CrossesDataSet.SIZE, 1))
                .build();
    }

    static MultiLayerNetwork initialised(long seed) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(seed));
        network.init();
        return network;
    }
}
