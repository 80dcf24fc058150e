package org.e2dl4j.nn.batchnorm;

import static org.e2dl4j.nn.batchnorm.BatchNormReference.assertArrayClose;
import static org.e2dl4j.nn.batchnorm.BatchNormReference.flat;
import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The running statistics of the four batch normalizations: one {@code fit} moves them exactly once by the momentum
 * ({@code running <- (1 - m) running + m batch}, unbiased variance) towards the statistics of its batch, computed
 * here by plain loops, whatever gradient normalization, clipping or updater the layer has, in a MultiLayerNetwork and
 * in a ComputationGraph; forward passes without a backward pass leave them alone. Batch statistics from a single
 * value per statistic are refused as in PyTorch; inference on one sample works.
 */
class RunningStatisticsTest {

    private static final double MOMENTUM = 0.1;
    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);

    /** A batch norm, its input type, and its batch statistics {mean per centred block, var per block} by loops. */
    enum Kind {
        INNER(FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 2)), InnerBatchNorm.Builder::new) {
            @Override
            double[][] batchStatistics(INDArray x) {
                int[][] fields = BatchNormReference.fieldChannels(type);
                // PyTorch's BatchNorm3d over (batch, channels of the field, space): unbiased over all those values
                return new double[][] {BatchNormReference.means(x, fields),
                        BatchNormReference.variances(x, fields, false)};
            }
        },
        NORM(FieldType.irrep(C4, 2, 1).plus(FieldType.irrep(C4, 1, 2)), NormBatchNorm.Builder::new) {
            @Override
            double[][] batchStatistics(INDArray x) {
                return new double[][] {null, unbiasedSecondMoments(x, BatchNormReference.fieldChannels(type), 1)};
            }
        },
        INDUCED(FieldType.of(C8, C8.inducedRepr(SubgroupId.rotations(4), Representations.irrep(Groups.cyclic(4), 1)),
                2), InducedNormBatchNorm.Builder::new) {
            @Override
            double[][] batchStatistics(INDArray x) {
                // each field of 4 channels holds two 2-dimensional sub-fields, each a sample of the statistic
                return new double[][] {null, unbiasedSecondMoments(x, BatchNormReference.fieldChannels(type), 2)};
            }
        },
        GNORM(FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 1)).plus(FieldType.irrep(C4, 1, 1)),
                GNormBatchNorm.Builder::new) {
            @Override
            double[][] batchStatistics(INDArray x) {
                INDArray z = BatchNormReference.toIrrepBasis(x, type);
                int[][] irreps = BatchNormReference.irrepChannels(type);
                boolean[] trivial = BatchNormReference.trivialIrreps(type);
                double[] means = BatchNormReference.means(z, irreps);
                double[] second = BatchNormReference.secondMoments(z, irreps);
                double n = x.size(0) * x.size(2) * x.size(3);
                List<Double> trivialMeans = new ArrayList<>();
                double[] var = new double[irreps.length];
                for (int b = 0; b < irreps.length; b++) {
                    double centre = trivial[b] ? means[b] : 0;
                    if (trivial[b]) {
                        trivialMeans.add(centre);
                    }
                    var[b] = (second[b] - centre * centre) * n / (n - 1);
                }
                return new double[][] {trivialMeans.stream().mapToDouble(Double::doubleValue).toArray(), var};
            }
        };

        final FieldType type;
        private final Function<FieldType, EquivariantBatchNorm.Builder<?>> builder;

        Kind(FieldType type, Function<FieldType, EquivariantBatchNorm.Builder<?>> builder) {
            this.type = type;
            this.builder = builder;
        }

        EquivariantBatchNorm layer(UnaryOperator<EquivariantBatchNorm.Builder<?>> setting) {
            return (EquivariantBatchNorm) setting.apply(builder.apply(type)).build();
        }

        abstract double[][] batchStatistics(INDArray x);

        /** Per block, the mean of |x|^2 / channels with the Bessel factor over n = N H W * samplesPerPixel. */
        private static double[] unbiasedSecondMoments(INDArray x, int[][] blocks, int samplesPerPixel) {
            double[] second = BatchNormReference.secondMoments(x, blocks);
            double n = (double) x.size(0) * x.size(2) * x.size(3) * samplesPerPixel;
            for (int b = 0; b < second.length; b++) {
                second[b] *= n / (n - 1);
            }
            return second;
        }
    }

    /** The gradient normalizations and updaters that once corrupted the statistics, and none. */
    static Stream<Arguments> kindsAndSettings() {
        List<Arguments> settings = List.of(
                Arguments.of("none", (UnaryOperator<EquivariantBatchNorm.Builder<?>>) b -> b),
                Arguments.of("RenormalizeL2PerLayer", normalization(GradientNormalization.RenormalizeL2PerLayer, 1)),
                Arguments.of("RenormalizeL2PerParamType",
                        normalization(GradientNormalization.RenormalizeL2PerParamType, 1)),
                Arguments.of("ClipElementWiseAbsoluteValue(1e-3)",
                        normalization(GradientNormalization.ClipElementWiseAbsoluteValue, 1e-3)),
                Arguments.of("ClipL2PerLayer(1e-3)", normalization(GradientNormalization.ClipL2PerLayer, 1e-3)),
                Arguments.of("ClipL2PerParamType(1e-3)", normalization(GradientNormalization.ClipL2PerParamType, 1e-3)),
                Arguments.of("Adam(0.01) on the layer",
                        (UnaryOperator<EquivariantBatchNorm.Builder<?>>) b -> b.updater(new Adam(0.01))));
        return Stream.of(Kind.values()).flatMap(k -> settings.stream()
                .map(s -> Arguments.of(k, s.get()[0], s.get()[1])));
    }

    private static UnaryOperator<EquivariantBatchNorm.Builder<?>> normalization(GradientNormalization g,
                                                                               double threshold) {
        return b -> b.gradientNormalization(g).gradientNormalizationThreshold(threshold);
    }

    private static INDArray batch(Kind kind, long seed, int n, int size) {
        return TestNetworks.gaussian(DataType.DOUBLE, seed, n, kind.type.size(), size, size).muli(1.5).addi(0.7);
    }

    private static MultiLayerNetwork network(Kind kind, UnaryOperator<EquivariantBatchNorm.Builder<?>> setting,
                                             int size) {
        return TestNetworks.withLoss(DataType.DOUBLE, 3, TestNetworks.input(kind.type, size),
                List.of(kind.layer(setting)));
    }

    /** {@code (1 - m)^steps initial + (1 - (1 - m)^steps) batch} for every entry. */
    private static double[] afterSteps(double[] batch, double initial, int steps) {
        double keep = Math.pow(1 - MOMENTUM, steps);
        double[] r = new double[batch.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = keep * initial + (1 - keep) * batch[i];
        }
        return r;
    }

    private static void assertRunningStatistics(double[][] expected, Map<String, INDArray> params, String what) {
        if (expected[0] == null) {
            assertNull(params.get("mean"), what + ": no running mean for uncentred blocks");
        } else {
            assertArrayClose(expected[0], params.get("mean").toDoubleVector(), 1e-12, what + ": running mean");
        }
        assertArrayClose(expected[1], params.get("var").toDoubleVector(), 1e-12, what + ": running variance");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("kindsAndSettings")
    void oneFitMovesTheStatisticsOnceByTheMomentumWhateverTheGradientNormalizationOrUpdater(
            Kind kind, String name, UnaryOperator<EquivariantBatchNorm.Builder<?>> setting) {
        MultiLayerNetwork net = network(kind, setting, 3);
        INDArray x = batch(kind, 5, 4, 3);
        net.fit(x, TestNetworks.gaussian(DataType.DOUBLE, 6, x.shape()));
        double[][] batch = kind.batchStatistics(x);
        double[][] expected = {batch[0] == null ? null : afterSteps(batch[0], 0, 1), afterSteps(batch[1], 1, 1)};
        assertRunningStatistics(expected, net.getLayer(0).paramTable(), kind + " with " + name + ", one fit");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachFitIsOneStepInMultiLayerNetworkAndComputationGraph(Kind kind) {
        INDArray x = batch(kind, 7, 3, 4);
        INDArray y = TestNetworks.gaussian(DataType.DOUBLE, 8, x.shape());
        double[][] batch = kind.batchStatistics(x);
        MultiLayerNetwork net = network(kind, b -> b, 4);
        ComputationGraph graph = TestNetworks.graphWithLoss(DataType.DOUBLE, 3, TestNetworks.input(kind.type, 4),
                List.of(kind.layer(b -> b)));
        for (int steps = 1; steps <= 3; steps++) {
            net.fit(x, y);
            graph.fit(new INDArray[] {x}, new INDArray[] {y});
            // the batch norm is the first layer: every fit sees the same batch statistics
            double[][] expected = {batch[0] == null ? null : afterSteps(batch[0], 0, steps),
                    afterSteps(batch[1], 1, steps)};
            assertRunningStatistics(expected, net.getLayer(0).paramTable(), kind + ", " + steps + " fits");
            assertRunningStatistics(expected, graph.getLayer("l0").paramTable(),
                    kind + " in a graph, " + steps + " fits");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void forwardPassesWithoutBackwardPassLeaveTheStatisticsAlone(Kind kind) {
        MultiLayerNetwork net = network(kind, b -> b, 3);
        INDArray x = batch(kind, 9, 4, 3);
        INDArray y = TestNetworks.gaussian(DataType.DOUBLE, 10, x.shape());
        net.fit(x, y);
        INDArray before = net.params().dup();
        net.output(x, false);
        net.output(x, true);
        net.feedForward(x, true);
        net.score(new DataSet(x, y), true);
        assertEquals(before, net.params(), kind + ": parameters after output, feedForward and score");
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"INNER", "NORM", "GNORM"})
    void trainingOnOneValuePerStatisticIsRefusedNamingTheLayer(Kind kind) {
        MultiLayerNetwork net = network(kind, b -> b, 1);
        INDArray x = batch(kind, 11, 1, 1);
        INDArray before = net.params().dup();
        String layer = kind.layer(b -> b).getClass().getSimpleName() + " layer 'layer0' (layer index 0)";
        assertRejected(() -> net.output(x, true), layer, "expected more than 1 value per statistic", "training mode",
                "got input shape [1, " + kind.type.size() + ", 1, 1]", "would have 1 value", "batch variance is undefined");
        assertRejected(() -> net.fit(x, Nd4j.zerosLike(x)), layer, "expected more than 1 value per statistic");
        assertEquals(before, net.params(), kind + ": a refused fit must leave the parameters alone");
    }

    @Test
    void refusalNamesTheBlockWithOneValue() {
        MultiLayerNetwork inner = network(Kind.INNER, b -> b, 1);
        assertRejected(() -> inner.output(batch(Kind.INNER, 12, 1, 1), true), "field 1 ('irrep_0')",
                "(batch 1 x 1x1 pixels x 1 per pixel)");
        MultiLayerNetwork gnorm = network(Kind.GNORM, b -> b, 1);
        assertRejected(() -> gnorm.output(batch(Kind.GNORM, 12, 1, 1), true), "irrep 'irrep_0' of field 0 ('regular')");
    }

    @Test
    void anEmptyBatchIsRefusedInTrainingByTheLayerItself() {
        // MultiLayerNetwork refuses an empty input before any layer runs; the layer, activated directly, says why too
        MultiLayerNetwork net = network(Kind.INNER, b -> b, 2);
        INDArray empty = Nd4j.create(DataType.DOUBLE, 0, Kind.INNER.type.size(), 2, 2);
        assertRejected(() -> net.getLayer(0).activate(empty, true, LayerWorkspaceMgr.noWorkspaces()),
                "InnerBatchNorm layer 'layer0' (layer index 0)", "empty batch (batch size 0)");
    }

    @Test
    void withoutRunningStatisticsOneValueIsRefusedInInferenceToo() {
        FieldType type = FieldType.trivial(C4, 2);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 3, TestNetworks.input(type, 1),
                List.of(new InnerBatchNorm.Builder(type).trackRunningStats(false).build()));
        assertRejected(() -> net.output(TestNetworks.gaussian(DataType.DOUBLE, 13, 1, 2, 1, 1), false),
                "InnerBatchNorm layer 'layer0' (layer index 0)", "no running statistics are kept", "would have 1 value");
    }

    @Test
    void permutationFieldsGiveSeveralValuesPerPixelAndTrainOnOnePixelAsInPyTorch() {
        // PyTorch's BatchNorm3d (e2cnn's InnerBatchNorm) pools a regular C4 field's 4 channels: x = (1, 2, 3, 4) has
        // mean 2.5 and unbiased variance 5/3, so the running mean becomes 0.25 and the running variance 0.9 + 1/6
        FieldType type = FieldType.regular(C4, 1);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 3, TestNetworks.input(type, 1),
                List.of(new InnerBatchNorm.Builder(type).build()));
        INDArray x = Nd4j.createFromArray(1.0, 2, 3, 4).reshape(1, 4, 1, 1);
        net.fit(x, Nd4j.zerosLike(x));
        assertArrayClose(new double[] {0.25}, net.getLayer(0).getParam("mean").toDoubleVector(), 1e-12, "running mean");
        assertArrayClose(new double[] {0.9 + 1.0 / 6}, net.getLayer(0).getParam("var").toDoubleVector(), 1e-12,
                "running variance");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void inferenceOnOneSampleOfOnePixelWorksAndIsPerSample(Kind kind) {
        MultiLayerNetwork net = network(kind, b -> b, 1);
        INDArray train = batch(kind, 14, 6, 1);
        net.fit(train, TestNetworks.gaussian(DataType.DOUBLE, 15, train.shape()));
        INDArray x = batch(kind, 16, 5, 1);
        INDArray all = net.output(x, false);
        INDArray one = net.output(x.get(NDArrayIndex.interval(2, 3)).dup(), false);
        assertArrayClose(flat(all.get(NDArrayIndex.interval(2, 3))), flat(one), 1e-12,
                kind + ": inference on one sample, against the same sample in a batch of 5");
    }
}
