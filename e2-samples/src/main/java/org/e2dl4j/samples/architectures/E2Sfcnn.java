package org.e2dl4j.samples.architectures;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldInputType;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.invariant.GroupPooling;
import org.e2dl4j.nn.nonlinear.ELU;
import org.e2dl4j.nn.pooling.PointwiseAdaptiveMaxPool;
import org.e2dl4j.nn.pooling.PointwiseMaxPool;
import org.e2dl4j.nn.structure.DisentangleModule;
import org.e2dl4j.nn.structure.RestrictionModule;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The E2SFCNN of the e2cnn paper's MNIST-rot experiments: a steerable CNN of regular fields on C_N
 * ({@code flip = false}) or D_N ({@code flip = true}), optionally restricted from D_N to C_N after one of its
 * convolutions (the paper's {@code D16|5 C16}: D16 up to convolution 5, C16 after it).
 *
 * <p>Six R2Convs (kernels 9, 7, 7, 7, 7, 5; padding 0, 3, 3, 3, 3, 0; with bias, the default basis) of
 * {@code 24, 32, 36, 36, 64, 96} regular fields times the width factor, each followed by InnerBatchNorm and ELU;
 * max pooling (2) after the second and fourth; GroupPooling after the sixth (one invariant channel per field),
 * global max pooling, then three dense layers (96, 96, classes units; dropout 0.3 before each, batch norm and
 * ELU after the first two). On 28 x 28 inputs the maps are 20, 20, 10, 10, 5, 5 and finally 1 pixel wide.
 *
 * <p>Convolution {@code i} on a group of order |G| has {@code floor(width_i * widthScale / sqrt(|G| / 16))}
 * fields with the parameter fix ({@code fixParams}: the paper's rule keeping every group near the C16 model's
 * size), {@code floor(width_i * widthScale)} without; |G| is that of the group the convolution is built on (C_N
 * after the restriction).
 *
 * @param rotations     N, the rotations of C_N or D_N (at least 2)
 * @param flip          D_N (reflections too) rather than C_N
 * @param restrictAfter 0 for none, else the convolution (1 to 6) after which D_N is restricted to C_N
 * @param fixParams     whether the widths are divided by {@code sqrt(|G| / 16)}
 * @param widthScale    a multiplier on every width (1 for the paper's models; positive)
 */
public record E2Sfcnn(int rotations, boolean flip, int restrictAfter, boolean fixParams, double widthScale) {

    /** The paper's widths (regular fields) of the six convolutions. */
    private static final int[] WIDTHS = {24, 32, 36, 36, 64, 96};
    private static final int[] KERNELS = {9, 7, 7, 7, 7, 5};
    private static final int[] PADDINGS = {0, 3, 3, 3, 3, 0};
    private static final int HIDDEN_UNITS = 96;
    private static final double DROP_PROBABILITY = 0.3;
    private static final int CONVOLUTIONS = WIDTHS.length;

    /** Checks the ranges. */
    public E2Sfcnn {
        if (rotations < 2) {
            throw new IllegalArgumentException("E2SFCNN: expected at least 2 rotations, got " + rotations);
        }
        if (restrictAfter < 0 || restrictAfter > CONVOLUTIONS) {
            throw new IllegalArgumentException("E2SFCNN: expected the restriction after convolution 1 to "
                    + CONVOLUTIONS + " (or 0 for none), got " + restrictAfter);
        }
        if (restrictAfter > 0 && !flip) {
            throw new IllegalArgumentException("E2SFCNN: the restriction from D_N to C_N needs flip = true, got C"
                    + rotations + " restricted after convolution " + restrictAfter);
        }
        if (!(widthScale > 0 && Double.isFinite(widthScale))) {
            throw new IllegalArgumentException("E2SFCNN: expected a positive finite width scale, got " + widthScale);
        }
    }

    /** The paper's model on C_N or D_N with the parameter fix, unrestricted. */
    public static E2Sfcnn of(int rotations, boolean flip) {
        return new E2Sfcnn(rotations, flip, 0, true, 1);
    }

    /** The paper's {@code D_N|r C_N} model with the parameter fix: D_N up to convolution r, then C_N. */
    public static E2Sfcnn restricted(int rotations, int restrictAfter) {
        return new E2Sfcnn(rotations, true, restrictAfter, true, 1);
    }

    /** This model with another width scale. */
    public E2Sfcnn withWidthScale(double scale) {
        return new E2Sfcnn(rotations, flip, restrictAfter, fixParams, scale);
    }

    /** The paper's name of the model: {@code E2SFCNN C16}, {@code E2SFCNN D16|5 C16}. */
    public String name() {
        String group = (flip ? "D" : "C") + rotations;
        return "E2SFCNN " + group + (restrictAfter == 0 ? "" : "|" + restrictAfter + " C" + rotations);
    }

    /** The G-space of the input: D_N or C_N on the plane. */
    public GSpace inputSpace() {
        return flip ? GSpaces.flipRot2dOnR2(rotations) : GSpaces.rot2dOnR2(rotations);
    }

    /** The G-space of the output (C_N after a restriction, else the input's). */
    public GSpace outputSpace() {
        return restrictAfter == 0 ? inputSpace() : GSpaces.rot2dOnR2(rotations);
    }

    /**
     * The regular fields of the six convolutions.
     *
     * @throws IllegalArgumentException if the width scale leaves a convolution without fields
     */
    public int[] fields() {
        int[] fields = new int[CONVOLUTIONS];
        for (int i = 0; i < CONVOLUTIONS; i++) {
            boolean restricted = restrictAfter > 0 && i >= restrictAfter;
            int order = flip && !restricted ? 2 * rotations : rotations;
            double width = WIDTHS[i] * widthScale;
            if (fixParams) {
                width /= Math.sqrt(order / 16.0);
            }
            fields[i] = (int) width;
            if (fields[i] < 1) {
                throw new IllegalArgumentException(name() + ": width scale " + widthScale + " leaves convolution "
                        + (i + 1) + " without fields (width " + width + ")");
            }
        }
        return fields;
    }

    /**
     * The network's configuration on {@code imageSide} x {@code imageSide} single-channel images: layers named
     * {@code conv<i>}, {@code bn<i>} (i from 0), {@code fc0}, {@code fcbn0}, {@code fc1}, {@code fcbn1},
     * {@code fc2}, as in {@code reference/data/architectures.json}.
     *
     * @param imageSide the input's height and width (at least 28, so that the last convolution has a pixel)
     * @param classes   the number of classes (at least 2)
     * @param seed      seed of the weight initialization
     */
    public MultiLayerConfiguration configuration(int imageSide, int classes, long seed) {
        if (imageSide < 28) {
            throw new IllegalArgumentException(name() + ": expected images of at least 28 x 28 pixels, got "
                    + imageSide);
        }
        if (classes < 2) {
            throw new IllegalArgumentException(name() + ": expected at least 2 classes, got " + classes);
        }
        int[] fields = fields();
        FieldType image = FieldType.trivial(inputSpace(), 1);
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .list();
        FieldType in = image;
        for (int i = 0; i < CONVOLUTIONS; i++) {
            FieldType out = FieldType.regular(in.gspace(), fields[i]);
            layers.layer(new R2Conv.Builder(in, out, KERNELS[i]).padding(PADDINGS[i]).name("conv" + i).build());
            if (restrictAfter == i + 1) {
                RestrictionModule restriction = new RestrictionModule.Builder(out, SubgroupId.dihedral(null, rotations))
                        .name("restrict" + i).build();
                layers.layer(restriction);
                DisentangleModule disentangle = new DisentangleModule.Builder(restriction.outType())
                        .name("disentangle" + i).build();
                layers.layer(disentangle);
                out = disentangle.outType();
            }
            layers.layer(new InnerBatchNorm.Builder(out).name("bn" + i).build());
            if (i == CONVOLUTIONS - 1) {
                GroupPooling pooling = new GroupPooling.Builder(out).name("gpool").build();
                layers.layer(pooling);
                out = pooling.outType();
            }
            if (i == 1 || i == 3) {
                layers.layer(new PointwiseMaxPool.Builder(out, 2).name("pool" + i).build());
            }
            layers.layer(new ELU.Builder(out).name("elu" + i).build());
            in = out;
        }
        layers.layer(new PointwiseAdaptiveMaxPool.Builder(in, 1).name("globalpool").build());
        for (int j = 0; j < 2; j++) {
            layers.layer(new DenseLayer.Builder().nOut(HIDDEN_UNITS).activation(Activation.IDENTITY)
                    .dropOut(new Dropout(1 - DROP_PROBABILITY)).weightInit(WeightInit.XAVIER).name("fc" + j).build());
            layers.layer(new BatchNormalization.Builder().name("fcbn" + j).build());
            layers.layer(new ActivationLayer.Builder().activation(Activation.ELU).name("fcelu" + j).build());
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(classes)
                .activation(Activation.SOFTMAX)
                .dropOut(new Dropout(1 - DROP_PROBABILITY))
                .weightInit(WeightInit.XAVIER)
                .name("fc2")
                .build());
        return layers.setInputType(FieldInputType.of(image, imageSide, imageSide)).build();
    }
}
