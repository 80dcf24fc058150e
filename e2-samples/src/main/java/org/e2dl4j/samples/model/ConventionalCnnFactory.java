package org.e2dl4j.samples.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
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
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The conventional baseline: e2cnn's C8 example model with every equivariant part replaced by its plain
 * counterpart. Six plain convolutions (7x7 then five 5x5; {@link PlainConvolution}, libnd4j's conv2d, the
 * op R2Conv runs) with batch norm and ReLU, average pooling (3x3, stride 2) after the second and fourth, global average pooling, a 64-unit dense layer with batch
 * norm and ELU, and a softmax output. On 29 x 29 inputs the maps are 25, 25, 13, 13, 13, 7, 7, 5 pixels
 * wide, as in the C8 model.
 *
 * <p>Convolution {@code i} has {@code round(fields_i * width * channelsPerField)} channels, where
 * {@code fields = 24, 48, 48, 96, 96, 64} are the regular fields of the C8 model. Two channels per field
 * make a 5x5 plain convolution hold about as many weights per field pair as the C8 steerable kernel
 * between two regular fields; {@link #matchingParameterCount} tunes the ratio to a given model exactly.
 */
public final class ConventionalCnnFactory implements ModelFactory {

    /** The regular fields of the six convolutions of e2cnn's C8 example. */
    private static final int[] FIELDS = {24, 48, 48, 96, 96, 64};
    private static final int[] KERNELS = {7, 5, 5, 5, 5, 5};
    private static final int[] PADDINGS = {1, 2, 2, 2, 2, 1};
    private static final int HIDDEN_UNITS = 64;
    private static final double DEFAULT_CHANNELS_PER_FIELD = 2.0;

    private final double channelsPerField;

    private ConventionalCnnFactory(double channelsPerField) {
        if (!(channelsPerField > 0)) {
            throw new IllegalArgumentException("conventional CNN: expected a positive number of channels per field, got "
                    + channelsPerField);
        }
        this.channelsPerField = channelsPerField;
    }

    /** The baseline with two channels per regular field of the C8 model. */
    public static ConventionalCnnFactory standard() {
        return new ConventionalCnnFactory(DEFAULT_CHANNELS_PER_FIELD);
    }

    /** The baseline with {@code channelsPerField} channels per regular field of the C8 model. */
    public static ConventionalCnnFactory withChannelsPerField(double channelsPerField) {
        return new ConventionalCnnFactory(channelsPerField);
    }

    /**
     * The baseline whose parameter count for {@code spec} comes closest to {@code target} (for example the
     * C8 model's), found by bisection on the channels per field.
     */
    public static ConventionalCnnFactory matchingParameterCount(ModelSpec spec, long target) {
        if (target <= 0) {
            throw new IllegalArgumentException("conventional CNN: expected a positive parameter count to match, got " + target);
        }
        double low = 1e-3;
        double high = 64;
        for (int step = 0; step < 60; step++) {
            double middle = Math.sqrt(low * high);
            if (new ConventionalCnnFactory(middle).parameterCount(spec) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        ConventionalCnnFactory below = new ConventionalCnnFactory(low);
        ConventionalCnnFactory above = new ConventionalCnnFactory(high);
        return Math.abs(below.parameterCount(spec) - target) <= Math.abs(above.parameterCount(spec) - target) ? below : above;
    }

    @Override
    public String name() {
        return "CNN";
    }

    /** The channels per regular field of the C8 model. */
    public double channelsPerField() {
        return channelsPerField;
    }

    /** The number of channels of each of the six convolutions for {@code spec}. */
    public int[] channels(ModelSpec spec) {
        int[] channels = new int[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            channels[i] = Math.max(1, (int) Math.round(FIELDS[i] * spec.width() * channelsPerField));
        }
        return channels;
    }

    /** The number of parameters (weights, biases, batch-norm statistics) of the network for {@code spec}. */
    public long parameterCount(ModelSpec spec) {
        MultiLayerConfiguration configuration = configuration(spec);
        long total = 0;
        for (int i = 0; i < configuration.getConfs().size(); i++) {
            NeuralNetConfiguration layer = configuration.getConf(i);
            total += layer.getLayer().initializer().numParams(layer);
        }
        return total;
    }

    @Override
    public MultiLayerNetwork create(ModelSpec spec) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(spec));
        network.init();
        return network;
    }

    /** The network's configuration for {@code spec}. */
    public MultiLayerConfiguration configuration(ModelSpec spec) {
        int[] channels = channels(spec);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(spec.learningRate()))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Truncate)
                .list();
        int in = 1;
        for (int i = 0; i < channels.length; i++) {
            layers.layer(PlainConvolution.of(in, channels[i], KERNELS[i], PADDINGS[i]));
            in = channels[i];
            layers.layer(new BatchNormalization.Builder().build());
            layers.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            if (i == 1 || i == 3) {
                layers.layer(new SubsamplingLayer.Builder(PoolingType.AVG)
                        .kernelSize(3, 3).stride(2, 2).padding(1, 1)
                        .build());
            }
        }
        layers.layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
        layers.layer(new DenseLayer.Builder().nOut(HIDDEN_UNITS).activation(Activation.IDENTITY).build());
        layers.layer(new BatchNormalization.Builder().build());
        layers.layer(new ActivationLayer.Builder().activation(Activation.ELU).build());
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(spec.classes())
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER)
                .build());
        return layers.setInputType(InputType.convolutional(spec.imageSide(), spec.imageSide(), 1)).build();
    }
}
