package org.e2dl4j.spark;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The small classifier the Spark tests train on {@link CrossesDataSet}: convolution, ReLU, global
 * max pooling, softmax output; plain SGD so that one step depends only on parameters and minibatch.
 */
final class SparkTestNetwork {

    static final double LEARNING_RATE = 0.5;

    private SparkTestNetwork() {
    }

    /**
     * The feature layer, 1 input channel to 4 channels, 3x3, ReLU. A stock convolution until the
     * equivariant {@code R2Conv} is available; every Spark test uses the network through this line.
     */
    static Layer featureLayer() {
        return new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU).build();
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
