package org.e2dl4j.samples.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldInputType;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.invariant.GroupPooling;
import org.e2dl4j.nn.nonlinear.ReLU;
import org.e2dl4j.nn.pooling.PointwiseAvgPoolAntialiased;
import org.e2dl4j.nn.structure.MaskModule;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The C8 steerable CNN of e2cnn's example notebook: equivariant to the rotations by multiples of 45 degrees
 * (exactly, on the pixel grid, to those by 90 degrees), and invariant after its group pooling.
 *
 * <p>On {@code rot2dOnR2(8)}: a soft disk mask (margin 1%) on the S x S input; six R2Convs (kernel 7 with
 * padding 1, then kernel 5 with padding 2, 2, 2, 2, 1) from one trivial field to {@code 24, 48, 48, 96, 96, 64}
 * regular fields, each followed by InnerBatchNorm and ReLU; antialiased average pooling (sigma 0.66, stride 2)
 * after the second and fourth convolution and (stride 1, no padding) after the sixth; GroupPooling (max over
 * each regular field: one invariant channel per field); then a stock head: dense 64 units, batch norm, ELU,
 * softmax. On 29 x 29 inputs the maps are 25, 25, 13, 13, 13, 7, 7, 5 and finally 1 pixel wide.
 *
 * <p>Convolution {@code i} has {@code max(1, round(fields_i * width))} regular fields.
 */
public final class C8SteerableCnnFactory implements ModelFactory {

    /** The rotation order N of the group C_N. */
    public static final int ROTATIONS = 8;

    /** The regular fields of the six convolutions of e2cnn's C8 example. */
    private static final int[] FIELDS = {24, 48, 48, 96, 96, 64};
    private static final int[] KERNELS = {7, 5, 5, 5, 5, 5};
    private static final int[] PADDINGS = {1, 2, 2, 2, 2, 1};
    private static final double MASK_MARGIN_PERCENT = 1;
    private static final double POOL_SIGMA = 0.66;
    private static final int HIDDEN_UNITS = 64;

    private C8SteerableCnnFactory() {
    }

    /** The factory (stateless). */
    public static C8SteerableCnnFactory standard() {
        return new C8SteerableCnnFactory();
    }

    @Override
    public String name() {
        return "C8-steerable";
    }

    @Override
    public boolean usesLibraryLayers() {
        return true;
    }

    /** The number of regular fields of each of the six convolutions for {@code spec}. */
    public int[] fields(ModelSpec spec) {
        int[] fields = new int[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            fields[i] = Math.max(1, (int) Math.round(FIELDS[i] * spec.width()));
        }
        return fields;
    }

    @Override
    public MultiLayerNetwork create(ModelSpec spec) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(spec));
        network.init();
        return network;
    }

    /** The network's configuration for {@code spec}. */
    public MultiLayerConfiguration configuration(ModelSpec spec) {
        GSpace gspace = GSpaces.rot2dOnR2(ROTATIONS);
        FieldType image = FieldType.trivial(gspace, 1);
        int[] fields = fields(spec);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(spec.learningRate()))
                .list();
        layers.layer(new MaskModule.Builder(image, spec.imageSide()).margin(MASK_MARGIN_PERCENT).name("mask").build());
        FieldType in = image;
        for (int i = 0; i < fields.length; i++) {
            FieldType out = FieldType.regular(gspace, fields[i]);
            // the image needs no gradient: the first convolution computes its filter gradient alone
            layers.layer(new R2Conv.Builder(in, out, KERNELS[i]).padding(PADDINGS[i]).bias(false).inputGradient(i > 0)
                    .name("r2conv" + i).build());
            layers.layer(new InnerBatchNorm.Builder(out).name("bn" + i).build());
            layers.layer(new ReLU.Builder(out).name("relu" + i).build());
            if (i == 1 || i == 3) {
                layers.layer(new PointwiseAvgPoolAntialiased.Builder(out, POOL_SIGMA, 2).name("pool" + i).build());
            }
            in = out;
        }
        layers.layer(new PointwiseAvgPoolAntialiased.Builder(in, POOL_SIGMA, 1).padding(0).name("pool5").build());
        layers.layer(new GroupPooling.Builder(in).name("gpool").build());
        layers.layer(new DenseLayer.Builder().nOut(HIDDEN_UNITS).activation(Activation.IDENTITY)
                .weightInit(WeightInit.RELU).name("fc1").build());
        layers.layer(new BatchNormalization.Builder().name("bn-fc1").build());
        layers.layer(new ActivationLayer.Builder().activation(Activation.ELU).name("elu").build());
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(spec.classes())
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER)
                .name("fc2")
                .build());
        return layers.setInputType(FieldInputType.of(image, spec.imageSide(), spec.imageSide())).build();
    }
}
