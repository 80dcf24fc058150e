package org.e2dl4j.samples.voxel;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling3DLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The conventional baseline of the voxel sample, of stock DL4J layers: three 3 x 3 x 3 {@code Convolution3D}s
 * (padding 1, ReLU) with max pooling by 2 after the first two, global max pooling, a dense layer with ELU and a
 * softmax output (max pooling learns the pieces in a few epochs where average pooling takes many more). On 16^3
 * grids the maps are 16, 8 and 4 voxels wide.
 *
 * <p>The convolutions have {@link VoxelModelSpec#layerSizes} of {@code channelsPerUnit} channels, the profile of the
 * steerable model's fields, so that {@link #matchingParameterCount} can match any model's count by the one factor.
 */
public final class VoxelCnnFactory implements VoxelModelFactory {

    private static final double DEFAULT_CHANNELS_PER_UNIT = 6;

    private final double channelsPerUnit;

    private VoxelCnnFactory(double channelsPerUnit) {
        if (!(channelsPerUnit > 0)) {
            throw new IllegalArgumentException("voxel CNN: expected a positive number of channels per unit, got "
                    + channelsPerUnit);
        }
        this.channelsPerUnit = channelsPerUnit;
    }

    /** The baseline with six channels per unit of the profile. */
    public static VoxelCnnFactory standard() {
        return new VoxelCnnFactory(DEFAULT_CHANNELS_PER_UNIT);
    }

    /**
     * The baseline whose parameter count for {@code spec} comes closest to {@code target}, found by bisection on
     * the channels per unit of the profile.
     */
    public static VoxelCnnFactory matchingParameterCount(VoxelModelSpec spec, long target) {
        if (target <= 0) {
            throw new IllegalArgumentException("voxel CNN: expected a positive parameter count to match, got " + target);
        }
        double low = 1e-3;
        double high = 256;
        for (int step = 0; step < 60; step++) {
            double middle = Math.sqrt(low * high);
            if (new VoxelCnnFactory(middle).parameterCount(spec) < target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        VoxelCnnFactory below = new VoxelCnnFactory(low);
        VoxelCnnFactory above = new VoxelCnnFactory(high);
        return Math.abs(below.parameterCount(spec) - target) <= Math.abs(above.parameterCount(spec) - target) ? below : above;
    }

    @Override
    public String name() {
        return "CNN";
    }

    @Override
    public boolean usesLibraryLayers() {
        return false;
    }

    /** The number of channels of each of the three convolutions for {@code spec}. */
    public int[] channels(VoxelModelSpec spec) {
        return spec.layerSizes(channelsPerUnit);
    }

    @Override
    public long parameterCount(VoxelModelSpec spec) {
        MultiLayerConfiguration configuration = configuration(spec);
        long total = 0;
        for (int i = 0; i < configuration.getConfs().size(); i++) {
            NeuralNetConfiguration layer = configuration.getConf(i);
            total += layer.getLayer().initializer().numParams(layer);
        }
        return total;
    }

    @Override
    public MultiLayerNetwork create(VoxelModelSpec spec) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(spec));
        network.init();
        return network;
    }

    /** The network's configuration for {@code spec}. */
    public MultiLayerConfiguration configuration(VoxelModelSpec spec) {
        int[] channels = channels(spec);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(spec.learningRate()))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Truncate)
                .list();
        for (int i = 0; i < channels.length; i++) {
            layers.layer(new Convolution3D.Builder()
                    .kernelSize(VoxelModelSpec.KERNEL, VoxelModelSpec.KERNEL, VoxelModelSpec.KERNEL)
                    .padding(VoxelModelSpec.KERNEL / 2, VoxelModelSpec.KERNEL / 2, VoxelModelSpec.KERNEL / 2)
                    .nOut(channels[i])
                    .activation(Activation.RELU)
                    .dataFormat(Convolution3D.DataFormat.NCDHW)
                    .name("conv" + i)
                    .build());
            if (i < channels.length - 1) {
                layers.layer(new Subsampling3DLayer.Builder(Subsampling3DLayer.PoolingType.MAX)
                        .kernelSize(2, 2, 2).stride(2, 2, 2)
                        .dataFormat(Convolution3D.DataFormat.NCDHW)
                        .name("pool" + i)
                        .build());
            }
        }
        layers.layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).name("global-pool").build());
        layers.layer(new DenseLayer.Builder().nOut(VoxelModelSpec.HIDDEN_UNITS).activation(Activation.ELU).name("fc1").build());
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(spec.classes())
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER)
                .name("fc2")
                .build());
        return layers.setInputType(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, spec.side(), spec.side(),
                spec.side(), 1)).build();
    }
}
