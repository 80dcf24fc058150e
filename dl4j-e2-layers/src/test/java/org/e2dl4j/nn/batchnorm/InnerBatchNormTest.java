package org.e2dl4j.nn.batchnorm;

import static org.e2dl4j.nn.batchnorm.BatchNormReference.assertArrayClose;
import static org.e2dl4j.nn.batchnorm.BatchNormReference.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.NormTesting;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link InnerBatchNorm}: statistics pooled per permutation field (hand-derived case and a loop reference),
 * running statistics with momentum and unbiased variance, train vs inference mode, equivariance, gradients,
 * serialization, export to a stock BatchNormalization, and rejection of non-permutation fields.
 */
class InnerBatchNormTest {

    private static final double EPS = 1e-5;
    private static final GSpace C2 = GSpaces.flip2dOnR2();
    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    @AfterEach
    void resetProfiling() {
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
    }

    /**
     * Trivial input, an R2Conv to {@code hidden} (without bias, which the normalization would cancel, leaving
     * gradient checks only numerical noise for it), then the batch norm.
     */
    private static Supplier<List<Layer>> convThenNorm(GSpace gs, FieldType hidden) {
        FieldType in = FieldType.trivial(gs, 2);
        return () -> List.of(new R2Conv.Builder(in, hidden, 3).padding(1).bias(false).build(),
                new InnerBatchNorm.Builder(hidden).build());
    }

    private static FieldType mixed(GSpace gs) {
        return FieldType.regular(gs, 2).plus(FieldType.trivial(gs, 1)).plus(FieldType.regular(gs, 1));
    }

    @Test
    void normalizesEachFieldByMeanAndVariancePooledOverItsChannels() {
        // C2 regular field: channels [1, 3] and [5, 7] -> mean 4, biased variance 5; trivial field [2, 4] -> 3, 1.
        FieldType type = FieldType.regular(C2, 1).plus(FieldType.trivial(C2, 1));
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, InputType.convolutional(1, 2, 3),
                List.of(new InnerBatchNorm.Builder(type).build()));
        INDArray x = Nd4j.createFromArray(1.0, 3, 5, 7, 2, 4).reshape(1, 3, 1, 2);
        INDArray y = net.output(x, true);
        double s0 = Math.sqrt(5 + EPS);
        double s1 = Math.sqrt(1 + EPS);
        double[] expected = {-3 / s0, -1 / s0, 1 / s0, 3 / s0, -1 / s1, 1 / s1};
        assertArrayClose(expected, flat(y), 1e-12, "training-mode output of C2 regular + trivial");
    }

    @Test
    void runningStatisticsMoveByMomentumTowardsMeanAndUnbiasedVariance() {
        FieldType type = FieldType.regular(C2, 1).plus(FieldType.trivial(C2, 1));
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, InputType.convolutional(1, 2, 3),
                List.of(new InnerBatchNorm.Builder(type).build()));
        INDArray x = Nd4j.createFromArray(1.0, 3, 5, 7, 2, 4).reshape(1, 3, 1, 2);
        net.fit(x, Nd4j.zeros(DataType.DOUBLE, 1, 3, 1, 2));
        // mean <- 0.9 * 0 + 0.1 * mu; var <- 0.9 * 1 + 0.1 * unbiased variance (20/3 over 4 values, 2 over 2)
        assertArrayClose(new double[] {0.4, 0.3}, net.getLayer(0).getParam("mean").toDoubleVector(), 1e-12,
                "running means after one step");
        assertArrayClose(new double[] {0.9 + 2.0 / 3, 0.9 + 0.2}, net.getLayer(0).getParam("var").toDoubleVector(),
                1e-12, "running variances after one step");
    }

    @Test
    void matchesLoopReferenceInTrainingAndInference() {
        FieldType type = FieldType.regular(C8, 1).plus(FieldType.of(C8, C8.quotientRepr(SubgroupId.rotations(2)), 1))
                .plus(FieldType.trivial(C8, 2));
        InputType input = InputType.convolutional(4, 5, type.size());
        MultiLayerNetwork net = NormTesting.trained(input, List.of(new InnerBatchNorm.Builder(type).build()), 3);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 5, 3, type.size(), 4, 5).muli(1.5).addi(0.7);
        int[][] fields = BatchNormReference.fieldChannels(type);
        double[] gamma = net.getLayer(0).getParam("gamma").toDoubleVector();
        double[] beta = net.getLayer(0).getParam("beta").toDoubleVector();
        double[] expectedTrain = BatchNormReference.normalize(x, fields, BatchNormReference.means(x, fields),
                BatchNormReference.variances(x, fields, true), gamma, beta, EPS);
        assertArrayClose(expectedTrain, flat(net.output(x, true)), 2e-5, "training mode (batch statistics)");
        double[] expectedInference = BatchNormReference.normalize(x, fields,
                net.getLayer(0).getParam("mean").toDoubleVector(), net.getLayer(0).getParam("var").toDoubleVector(),
                gamma, beta, EPS);
        assertArrayClose(expectedInference, flat(net.output(x, false)), 2e-5,
                "inference mode (running statistics)");
    }

    @Test
    void oneLayerMatchesTheReferenceWhenTheBatchSizeChangesBetweenCalls() {
        // the layer keeps native scratch arrays per input geometry: each batch size must get its own
        FieldType type = FieldType.regular(C4, 2).plus(FieldType.trivial(C4, 1));
        InputType input = InputType.convolutional(3, 4, type.size());
        MultiLayerNetwork net = NormTesting.trained(input, List.of(new InnerBatchNorm.Builder(type).build()), 2);
        int[][] fields = BatchNormReference.fieldChannels(type);
        double[] gamma = net.getLayer(0).getParam("gamma").toDoubleVector();
        double[] beta = net.getLayer(0).getParam("beta").toDoubleVector();
        for (int batch : new int[] {5, 2, 7, 5}) {
            INDArray x = TestNetworks.gaussian(DataType.FLOAT, 11 + batch, batch, type.size(), 3, 4).addi(0.3);
            double[] expected = BatchNormReference.normalize(x, fields, BatchNormReference.means(x, fields),
                    BatchNormReference.variances(x, fields, true), gamma, beta, EPS);
            assertArrayClose(expected, flat(net.output(x, true)), 2e-5, "training mode at batch " + batch);
        }
    }

    @Test
    void isEquivariantOnExactElementsInTrainingAndInference() {
        for (GSpace gs : List.of(C4, C8, D4)) {
            FieldType hidden = mixed(gs);
            InputType input = InputType.convolutional(5, 5, 2);
            MultiLayerNetwork net = NormTesting.trained(input, convThenNorm(gs, hidden).get(), 2);
            NormTesting.assertEquivariantInBothModes(gs.name() + " InnerBatchNorm", net, FieldType.trivial(gs, 2), hidden,
                    5, 1e-5);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesInTrainingMode() {
        LayerContract.assertGradientsCorrect("C4 InnerBatchNorm", InputType.convolutional(5, 5, 2),
                convThenNorm(C4, mixed(C4)), "1_mean", "1_var", "l1_mean", "l1_var");
        FieldType d4 = FieldType.regular(D4, 1).plus(FieldType.trivial(D4, 1));
        LayerContract.assertGradientsCorrect("D4 InnerBatchNorm without affine", InputType.convolutional(5, 5, 1),
                () -> List.of(new R2Conv.Builder(FieldType.trivial(D4, 1), d4, 3).padding(1).bias(false).build(),
                        new InnerBatchNorm.Builder(d4).affine(false).build()), "1_mean", "1_var", "l1_mean", "l1_var");
    }

    @Test
    void survivesJsonAndModelSerializerWithRunningStatistics(@TempDir Path dir) throws Exception {
        InputType input = InputType.convolutional(5, 5, 2);
        LayerContract.assertJsonRoundTrip("C4 InnerBatchNorm", input, convThenNorm(C4, mixed(C4)));
        LayerContract.assertJsonRoundTrip("C4 InnerBatchNorm with options", input, () -> List.of(
                new R2Conv.Builder(FieldType.trivial(C4, 2), mixed(C4), 3).build(),
                new InnerBatchNorm.Builder(mixed(C4)).eps(1e-3).momentum(0.3).affine(false).trackRunningStats(false)
                        .build()));
        LayerContract.assertSerializerRoundTrip("C4 InnerBatchNorm", input, convThenNorm(C4, mixed(C4)), dir);
        MultiLayerNetwork net = NormTesting.trained(input, convThenNorm(C4, mixed(C4)).get(), 2);
        java.io.File file = dir.resolve("trained.zip").toFile();
        org.deeplearning4j.util.ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(file, true);
        INDArray mean = restored.getLayer(1).getParam("mean");
        assertTrue(mean.amaxNumber().doubleValue() > 0, "running means should have moved from 0, got " + mean);
        assertEquals(net.getLayer(1).getParam("mean"), mean, "running means after restore");
        assertEquals(net.getLayer(1).getParam("var"), restored.getLayer(1).getParam("var"), "running variances");
    }

    @Test
    void exportsToStockBatchNormalizationWithTheSameInferenceOutput() {
        InputType input = InputType.convolutional(6, 6, 2);
        LayerContract.assertExportEquivalent("C8 InnerBatchNorm", input, convThenNorm(C8, mixed(C8)));
        for (boolean affine : new boolean[] {true, false}) {
            FieldType hidden = mixed(D4);
            MultiLayerNetwork net = NormTesting.trained(input, List.of(
                    new R2Conv.Builder(FieldType.trivial(D4, 2), hidden, 3).padding(1).build(),
                    new InnerBatchNorm.Builder(hidden).affine(affine).build()), 4);
            MultiLayerNetwork stock = Export.toStandard(net);
            assertTrue(stock.getLayerWiseConfigurations().getConf(1).getLayer() instanceof BatchNormalization,
                    "the batch norm should export to a stock BatchNormalization");
            INDArray x = TestNetworks.gaussian(DataType.FLOAT, 40, 2, 2, 6, 6);
            INDArray expected = net.output(x, false);
            double err = expected.sub(stock.output(x, false)).amaxNumber().doubleValue()
                    / expected.amaxNumber().doubleValue();
            assertTrue(err <= 1e-5, "exported output (affine " + affine + ") after 4 fit steps: expected relative"
                    + " difference <= 1e-5, got " + err);
        }
    }

    @Test
    void withoutRunningStatisticsInferenceUsesBatchStatisticsAndExportIsRefused() {
        FieldType type = FieldType.regular(C4, 2);
        InputType input = InputType.convolutional(4, 4, type.size());
        MultiLayerNetwork net = NormTesting.trained(input,
                List.of(new InnerBatchNorm.Builder(type).trackRunningStats(false).build()), 2);
        assertEquals(List.of("gamma", "beta"), List.copyOf(net.getLayer(0).paramTable().keySet()),
                "parameters without running statistics");
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 6, 2, type.size(), 4, 4);
        assertEquals(net.output(x, true), net.output(x, false), "inference should equal training mode");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Export.toStandard(net));
        assertTrue(e.getMessage().contains("InnerBatchNorm") && e.getMessage().contains("trackRunningStats"),
                "the refusal should name the layer and the reason, got: " + e.getMessage());
    }

    @Test
    void nonPermutationFieldIsRejectedAtBuildTimeNamingWhatItSupports() {
        FieldType type = FieldType.regular(C8, 1).plus(FieldType.irrep(C8, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InnerBatchNorm.Builder(type).build());
        assertTrue(e.getMessage().contains("InnerBatchNorm") && e.getMessage().contains("irrep_1")
                        && e.getMessage().contains("pointwise") && e.getMessage().contains("norm"),
                "message should name the layer, the representation, pointwise and what irrep_1 supports: "
                        + e.getMessage());
    }

    @Test
    void badOptionsAreRejectedAtBuildTime() {
        FieldType type = FieldType.regular(C4, 1);
        for (Supplier<InnerBatchNorm> bad : List.<Supplier<InnerBatchNorm>>of(
                () -> new InnerBatchNorm.Builder(type).eps(0).build(),
                () -> new InnerBatchNorm.Builder(type).momentum(1.5).build(),
                () -> new InnerBatchNorm.Builder(type).activation(org.nd4j.linalg.activations.Activation.RELU).build())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::get);
            assertTrue(e.getMessage().contains("InnerBatchNorm"), "message should name the layer: " + e.getMessage());
        }
    }

    @Test
    void fitsUnderScopePanicWithWorkspaces() {
        InputType input = InputType.convolutional(7, 7, 2);
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.SCOPE_PANIC);
        MultiLayerNetwork net = NormTesting.trained(input, convThenNorm(C4, mixed(C4)).get(), 3);
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
        assertTrue(net.score() > 0 && Double.isFinite(net.score()), "score after fit: " + net.score());
    }

}
