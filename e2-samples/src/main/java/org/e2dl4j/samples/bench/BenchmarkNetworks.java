package org.e2dl4j.samples.bench;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.nn.Export;
import org.e2dl4j.samples.model.C8SteerableCnnFactory;
import org.e2dl4j.samples.model.ModelSpec;
import org.e2dl4j.samples.model.PlainConvolution;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The networks the benchmarks time, on 1 x 29 x 29 images and 10 classes, float32, Adam at 1e-3, seed 1: the main
 * sample's C8 model ({@link C8SteerableCnnFactory}) at a width, its export to stock DL4J layers, and a plain
 * network of the same shapes.
 */
public final class BenchmarkNetworks {

    static final int SIDE = 29;
    static final int CLASSES = 10;
    private static final int[] FIELDS = {24, 48, 48, 96, 96, 64};
    private static final int[] KERNELS = {7, 5, 5, 5, 5, 5};
    private static final int[] PADDINGS = {1, 2, 2, 2, 2, 1};

    private BenchmarkNetworks() {
    }

    /** The main sample's C8 model with {@code max(1, round(fields_i width))} regular fields per convolution. */
    public static MultiLayerNetwork c8(double width) {
        return C8SteerableCnnFactory.standard().create(new ModelSpec(SIDE, CLASSES, width, 1, 1e-3));
    }

    /** The C8 model at {@code width} after {@code Export.toStandard} (stock ConvolutionLayer, BatchNormalization, ...). */
    public static MultiLayerNetwork exported(double width) {
        return Export.toStandard(c8(width));
    }

    /**
     * The plain network: the C8 model's shapes with plain convolutions of 8 channels per regular C8 field
     * ({@code 8 max(1, round(fields_i width))} for fields 24, 48, 48, 96, 96, 64) through libnd4j's conv2d /
     * conv2d_bp ({@link PlainConvolution}), each with stock batch norm and ReLU, 5 x 5 average pooling (stride 2
     * after convolutions 2 and 4, stride 1 without padding after the sixth), and e2cnn's head: global average
     * pooling, dense 64, batch norm, ELU, softmax 10. Its layers are named like the C8 model's.
     */
    static MultiLayerNetwork plain(double width) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3))
                .dataType(DataType.FLOAT).list();
        int in = 1;
        for (int i = 0; i < FIELDS.length; i++) {
            int out = 8 * Math.max(1, (int) Math.round(FIELDS[i] * width));
            PlainConvolution conv = PlainConvolution.of(in, out, KERNELS[i], PADDINGS[i]);
            conv.setLayerName("conv" + i);
            list.layer(conv)
                    .layer(new BatchNormalization.Builder().name("bn" + i).build())
                    .layer(new ActivationLayer.Builder().activation(Activation.RELU).name("relu" + i).build());
            if (i == 1 || i == 3) {
                list.layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(5, 5).stride(2, 2).padding(2, 2)
                        .name("pool" + i).build());
            }
            in = out;
        }
        list.layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(5, 5).stride(1, 1).name("pool5").build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).name("gpool").build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.IDENTITY).name("fc1").build())
                .layer(new BatchNormalization.Builder().name("bn-fc1").build())
                .layer(new ActivationLayer.Builder().activation(Activation.ELU).name("elu").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(CLASSES).name("fc2").build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.setInputType(InputType.convolutional(SIDE, SIDE, 1)).build());
        net.init();
        return net;
    }

    /**
     * Sets DL4J's cache mode on {@code net}'s configuration and its layers, and returns {@code net}: with DEVICE or
     * HOST a stock ConvolutionLayer with a helper keeps its forward output for its backward pass. Both are needed:
     * {@code MultiLayerNetwork.setCacheMode} reaches the layers only, and {@code fit} opens the FF_CACHE workspace
     * they cache into only when the configuration's mode is set too.
     */
    public static MultiLayerNetwork withCacheMode(MultiLayerNetwork net, CacheMode mode) {
        net.getLayerWiseConfigurations().setCacheMode(mode);
        net.setCacheMode(mode);
        return net;
    }
}
