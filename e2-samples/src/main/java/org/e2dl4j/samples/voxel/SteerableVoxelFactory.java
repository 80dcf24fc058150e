package org.e2dl4j.samples.voxel;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.FieldVolumeInputType;
import org.e2dl4j.nn.conv.R3Conv;
import org.e2dl4j.nn.invariant.GroupPooling;
import org.e2dl4j.nn.nonlinear.ReLU;
import org.e2dl4j.nn.pooling.PointwiseMaxPool3D;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The steerable model of the voxel sample: the conventional baseline's layout with every convolution an
 * {@link R3Conv} between regular fields of a finite group acting on R^3, so that the network is equivariant to the
 * group and, after its group pooling, invariant to it; on the voxel grid exactly to the elements that map the grid
 * to itself (the 24 rotations of the cube, and with inversion 48).
 *
 * <p>Three 3 x 3 x 3 R3Convs (padding 1) from one trivial field to {@code 2, 4, 4} regular fields (times the
 * width), each followed by ReLU (pointwise, equivariant on regular fields), max pooling by 2 after the first two
 * ({@link PointwiseMaxPool3D}), {@link GroupPooling} (max over each field: one invariant channel per field), then a
 * stock head: global max pooling, dense 32 units with ELU, softmax.
 *
 * <p>The default group is the octahedral group ({@code octaOnR3}, the 24 rotations of the cube): rotations only,
 * because an invariant of a group with the inversion takes the same value on a piece and its mirror image, and two
 * of the eight pieces are mirror images of each other ({@link #fullOctahedral()} shows it).
 */
public final class SteerableVoxelFactory implements VoxelModelFactory {

    private final String name;
    private final GSpace gspace;

    private SteerableVoxelFactory(String name, GSpace gspace) {
        this.name = name;
        this.gspace = gspace;
    }

    /** On {@code octaOnR3()}: the 24 rotations of the cube, 24 channels per regular field. */
    public static SteerableVoxelFactory octahedral() {
        return new SteerableVoxelFactory("octa-steerable", GSpaces.octaOnR3());
    }

    /**
     * On {@code fullOctaOnR3()}: the 48 rotations and rotoinversions of the cube, 48 channels per regular field. Its
     * predictions are the same for a grid and its inversion, so it cannot tell the two chiral pieces apart.
     */
    public static SteerableVoxelFactory fullOctahedral() {
        return new SteerableVoxelFactory("full-octa-steerable", GSpaces.fullOctaOnR3());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean usesLibraryLayers() {
        return true;
    }

    /** The number of regular fields of each of the three convolutions for {@code spec}. */
    public int[] fields(VoxelModelSpec spec) {
        return spec.layerSizes(1);
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
        FieldType image = FieldType.trivial(gspace, 1);
        int[] fields = fields(spec);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(spec.learningRate()))
                .list();
        FieldType in = image;
        for (int i = 0; i < fields.length; i++) {
            FieldType out = FieldType.regular(gspace, fields[i]);
            layers.layer(new R3Conv.Builder(in, out, VoxelModelSpec.KERNEL).padding(VoxelModelSpec.KERNEL / 2)
                    .name("r3conv" + i).build());
            layers.layer(new ReLU.Builder(out).name("relu" + i).build());
            if (i < fields.length - 1) {
                layers.layer(new PointwiseMaxPool3D.Builder(out, 2).name("pool" + i).build());
            }
            in = out;
        }
        layers.layer(new GroupPooling.Builder(in).name("gpool").build());
        layers.layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).name("global-pool").build());
        layers.layer(new DenseLayer.Builder().nOut(VoxelModelSpec.HIDDEN_UNITS).activation(Activation.ELU)
                .weightInit(WeightInit.RELU).name("fc1").build());
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(spec.classes())
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER)
                .name("fc2")
                .build());
        return layers.setInputType(FieldVolumeInputType.of(image, spec.side(), spec.side(), spec.side())).build();
    }
}
