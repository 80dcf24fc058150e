package org.e2dl4j.samples.architectures;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivariantGraphBuilder;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.dropout.PointwiseDropout;
import org.e2dl4j.nn.nonlinear.ReLU;
import org.e2dl4j.nn.pooling.PointwiseAdaptiveAvgPool;
import org.e2dl4j.nn.structure.DisentangleModule;
import org.e2dl4j.nn.structure.RestrictionModule;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The E(2)-equivariant Wide ResNet of the e2cnn paper's CIFAR experiments (WRN-depth-widen on D_N or C_N, with
 * restrictions to smaller groups between its stages, e.g. {@code D8D4D1}).
 *
 * <p>A 5 x 5 stem convolution from 3 trivial fields to 16 channels of regular fields; three stages of
 * {@code n = (depth - 4) / 6} residual blocks with widths {@code 16 k, 32 k, 64 k} channels (the first block of
 * stages 2 and 3 with stride 2); a block is BN-ReLU-conv-BN-ReLU-dropout-conv plus the block's input, or plus a
 * 1 x 1 convolution of its normalised input where the stride or the type change; the last block maps to trivial
 * fields; a final batch norm, ReLU, global average pooling and a linear layer. Restriction {@code r = 1} restricts
 * D_N (C_N) to D_{N/2} (C_{N/2}) after stage 1, {@code r >= 2} also to D_1 (C_1) after stage 2, each followed by
 * a disentangling change of basis. Convolutions have no bias, sigma 0.45 and the band limit |frequency| &lt;= pi *
 * radius; their kernels are 3 x 3 on groups of at most 4 rotations, else 5 x 5. A width of {@code c} channels on a
 * group G is {@code floor(c / |G| * sqrt(|G|))} regular fields ({@code floor(c * sqrt(|G|))} trivial ones) with
 * the parameter fix, {@code floor(c / |G|)} ({@code c}) without; the stem always has the fix.
 *
 * <p>The strided stages are exactly equivariant only on odd map sizes (e.g. 17 x 17 inputs: maps of 17, 9, 5
 * pixels): on even sizes (CIFAR's 32) a stride of 2 keeps pixels 0, 2, ..., which a quarter turn does not map to
 * themselves, as in e2cnn.
 *
 * @param depth     6 n + 4 for n blocks per stage (at least 10)
 * @param widen     the widen factor k (at least 1)
 * @param rotations N, the rotations of D_N or C_N (even, at least 2)
 * @param flip      D_N (reflections too) rather than C_N
 * @param restrict  0: no restriction, 1: after stage 1, 2 or more: after stages 1 and 2
 * @param fixParams whether the widths are scaled by {@code sqrt(|G|)}
 */
public record E2WideResNet(int depth, int widen, int rotations, boolean flip, int restrict, boolean fixParams) {

    private static final double SIGMA = 0.45;
    private static final double DROP_PROBABILITY = 0.3;
    private static final int STEM_WIDTH = 16;

    /** Checks the ranges. */
    public E2WideResNet {
        if (depth < 10 || (depth - 4) % 6 != 0) {
            throw new IllegalArgumentException("E2WRN: expected a depth 6 n + 4 of at least 10, got " + depth);
        }
        if (widen < 1) {
            throw new IllegalArgumentException("E2WRN: expected a widen factor of at least 1, got " + widen);
        }
        if (rotations < 2 || rotations % 2 != 0) {
            throw new IllegalArgumentException("E2WRN: expected an even number of rotations, at least 2, got "
                    + rotations);
        }
        if (restrict < 0) {
            throw new IllegalArgumentException("E2WRN: expected a restriction level of at least 0, got " + restrict);
        }
    }

    /** The paper's model with the parameter fix. */
    public static E2WideResNet of(int depth, int widen, int rotations, boolean flip, int restrict) {
        return new E2WideResNet(depth, widen, rotations, flip, restrict, true);
    }

    /** The paper's name, e.g. {@code E2WRN-28-10 D8D4D1}. */
    public String name() {
        String letter = flip ? "D" : "C";
        int second = restrict >= 1 ? rotations / 2 : rotations;
        int third = restrict >= 2 ? 1 : second;
        return "E2WRN-" + depth + "-" + widen + " " + letter + rotations + letter + second + letter + third;
    }

    /** The G-space of the input. */
    public GSpace inputSpace() {
        return flip ? GSpaces.flipRot2dOnR2(rotations) : GSpaces.rot2dOnR2(rotations);
    }

    /**
     * The network's configuration on {@code imageSide} x {@code imageSide} RGB images: vertices named as the
     * layers of {@code reference/data/architectures.json} ({@code conv1}, {@code layer<s>.<b>.bn1}, {@code .conv1},
     * {@code .bn2}, {@code .conv2}, {@code .shortcut}, {@code bn}, {@code linear}) plus parameter-free ones.
     *
     * @param imageSide the input's height and width (at least 4, so that both strided stages have a pixel)
     * @param classes   the number of classes (at least 2)
     * @param seed      seed of the weight initialization
     * @throws IllegalArgumentException if a setting is out of range or a width has no fields
     */
    public ComputationGraphConfiguration configuration(int imageSide, int classes, long seed) {
        if (imageSide < 4) {
            throw new IllegalArgumentException(name() + ": expected images of at least 4 x 4 pixels, got "
                    + imageSide);
        }
        if (classes < 2) {
            throw new IllegalArgumentException(name() + ": expected at least 2 classes, got " + classes);
        }
        GSpace space = inputSpace();
        EquivariantGraphBuilder g = EquivariantGraphBuilder.on(new NeuralNetConfiguration.Builder()
                        .seed(seed).dataType(DataType.FLOAT).updater(new Nesterovs(0.1, 0.9)).graphBuilder())
                .addInput("in", FieldType.trivial(space, 3));
        FieldType stem = regular(space, STEM_WIDTH, true);
        g.addLayer("conv1", t -> conv(t, stem, 5, 1), "in");
        String current = "conv1";
        int blocks = (depth - 4) / 6;
        for (int stage = 1; stage <= 3; stage++) {
            space = g.typeOf(current).gspace();
            int width = STEM_WIDTH * widen << (stage - 1);
            FieldType main = regular(space, width, fixParams);
            FieldType last = stage == 3 ? trivial(space, width, fixParams) : main;
            for (int b = 0; b < blocks; b++) {
                current = block(g, "layer" + stage + "." + b + ".", current, main, b == blocks - 1 ? last : main,
                        stage > 1 && b == 0 ? 2 : 1);
            }
            if ((stage == 1 && restrict >= 1) || (stage == 2 && restrict >= 2)) {
                current = restricted(g, "restrict" + stage, current, stage == 1 ? rotations / 2 : 1);
            }
        }
        g.addLayer("bn", t -> new InnerBatchNorm.Builder(t).build(), current)
                .addLayer("relu", t -> new ReLU.Builder(t).build(), "bn")
                .addLayer("pool", t -> new PointwiseAdaptiveAvgPool.Builder(t, 1).build(), "relu")
                .addStockLayer("linear", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), "pool")
                .setOutputs("linear");
        return g.build(imageSide, imageSide);
    }

    /** One residual block; returns the name of its sum. */
    private String block(EquivariantGraphBuilder g, String prefix, String input, FieldType inner, FieldType out,
                         int stride) {
        FieldType in = g.typeOf(input);
        int kernel = kernelSize(in.gspace());
        g.addLayer(prefix + "bn1", t -> new InnerBatchNorm.Builder(t).build(), input)
                .addLayer(prefix + "relu1", t -> new ReLU.Builder(t).build(), prefix + "bn1")
                .addLayer(prefix + "conv1", t -> conv(t, inner, kernel, 1), prefix + "relu1")
                .addLayer(prefix + "bn2", t -> new InnerBatchNorm.Builder(t).build(), prefix + "conv1")
                .addLayer(prefix + "relu2", t -> new ReLU.Builder(t).build(), prefix + "bn2")
                .addLayer(prefix + "dropout", t -> new PointwiseDropout.Builder(t).p(DROP_PROBABILITY).build(),
                        prefix + "relu2")
                .addLayer(prefix + "conv2", t -> conv(t, out, kernel, stride), prefix + "dropout");
        String skip = input;
        if (stride != 1 || !in.equals(out)) {
            g.addLayer(prefix + "shortcut", t -> conv(t, out, 1, stride), prefix + "relu1");
            skip = prefix + "shortcut";
        }
        g.addSum(prefix + "sum", prefix + "conv2", skip);
        return prefix + "sum";
    }

    /** Restricts to the subgroup with {@code subRotations} rotations (and the flip of axis 0) and disentangles. */
    private String restricted(EquivariantGraphBuilder g, String name, String input, int subRotations) {
        SubgroupId id = flip ? SubgroupId.dihedral(0, subRotations) : SubgroupId.rotations(subRotations);
        g.addLayer(name, t -> new RestrictionModule.Builder(t, id).build(), input)
                .addLayer(name + "_disentangle", t -> new DisentangleModule.Builder(t).build(), name);
        return name + "_disentangle";
    }

    private static R2Conv conv(FieldType in, FieldType out, int kernel, int stride) {
        return new R2Conv.Builder(in, out, kernel).padding(kernel / 2).stride(stride).bias(false).sigma(SIGMA)
                .frequencyCutoffFactor(Math.PI).build();
    }

    /** 3 x 3 on groups of at most 4 rotations, else 5 x 5. */
    private static int kernelSize(GSpace space) {
        return space.fibergroup().rotationOrder() <= 4 ? 3 : 5;
    }

    private FieldType regular(GSpace space, int width, boolean fix) {
        int order = space.fibergroup().order();
        double fields = (double) width / order * (fix ? Math.sqrt(order) : 1);
        return FieldType.regular(space, requireFields((int) fields, width, space));
    }

    private FieldType trivial(GSpace space, int width, boolean fix) {
        double fields = width * (fix ? Math.sqrt(space.fibergroup().order()) : 1);
        return FieldType.trivial(space, requireFields((int) fields, width, space));
    }

    private int requireFields(int fields, int width, GSpace space) {
        if (fields < 1) {
            throw new IllegalArgumentException(name() + ": a width of " + width + " channels has no fields on "
                    + space);
        }
        return fields;
    }
}
