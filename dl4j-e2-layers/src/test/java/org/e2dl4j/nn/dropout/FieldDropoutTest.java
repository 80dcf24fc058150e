package org.e2dl4j.nn.dropout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivarianceCheck;
import org.e2dl4j.nn.EquivarianceReport;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.NormTesting;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link FieldDropout}: whole fields kept (scaled by 1/(1-p)) or dropped in training at the rate p, the identity in
 * inference (hence equivariant there), masks determined by the seed, the backward pass through the same mask,
 * gradients, serialization, and vanishing on export.
 */
class FieldDropoutTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    /** Fields of sizes 4, 1, 2 and 4: regular, trivial, irrep 1, regular. */
    private static final FieldType MIXED = FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 1))
            .plus(FieldType.irrep(C4, 1, 1)).plus(FieldType.regular(C4, 1));

    @AfterEach
    void resetProfiling() {
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
    }

    private static MultiLayerNetwork dropoutOnly(FieldType type, double p, long seed, int size) {
        return TestNetworks.withLoss(DataType.FLOAT, seed, InputType.convolutional(size, size, type.size()),
                List.of(new FieldDropout.Builder(type).p(p).build()));
    }

    @Test
    void trainingKeepsOrDropsEachFieldWholeAtRateP() {
        double p = 0.3;
        MultiLayerNetwork net = dropoutOnly(MIXED, p, 3, 9);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 4, 8, MIXED.size(), 9, 9).addi(5);
        INDArray y = net.output(x, true);
        long dropped = 0;
        long units = 0;
        for (int n = 0; n < 8; n++) {
            for (int f = 0; f < MIXED.fieldCount(); f++) {
                for (int r = 0; r < 9; r++) {
                    for (int c = 0; c < 9; c++) {
                        boolean first = y.getDouble(n, MIXED.fieldStart(f), r, c) == 0;
                        for (int ch = MIXED.fieldStart(f); ch < MIXED.fieldEnd(f); ch++) {
                            double expected = first ? 0 : x.getDouble(n, ch, r, c) / (1 - p);
                            assertEquals(expected, y.getDouble(n, ch, r, c), 1e-5 * Math.abs(expected),
                                    "field " + f + " at sample " + n + ", pixel (" + r + ", " + c + "), channel " + ch
                                            + ": the whole field must be dropped or kept and scaled by 1/(1-p)");
                        }
                        dropped += first ? 1 : 0;
                        units++;
                    }
                }
            }
        }
        double rate = (double) dropped / units;
        double sd = Math.sqrt(p * (1 - p) / units);
        assertTrue(Math.abs(rate - p) < 5 * sd, "dropped fraction over " + units + " field units: expected " + p
                + " +- " + 5 * sd + ", got " + rate);
    }

    @Test
    void inferenceIsTheIdentityAndEquivariant() {
        MultiLayerNetwork net = dropoutOnly(MIXED, 0.5, 3, 5);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 4, 2, MIXED.size(), 5, 5);
        assertEquals(x, net.output(x, false), "inference output should equal the input");
        for (GSpace gs : List.of(C4, D4)) {
            FieldType hidden = FieldType.regular(gs, 1)
                    .plus(gs == C4 ? FieldType.irrep(gs, 1, 1) : FieldType.irrep(gs, 1, 1, 1));
            MultiLayerNetwork stack = TestNetworks.withLoss(DataType.FLOAT, 5, InputType.convolutional(7, 7, 1),
                    List.of(new R2Conv.Builder(FieldType.trivial(gs, 1), hidden, 3).padding(1).build(),
                            new FieldDropout.Builder(hidden).p(0.4).build()));
            EquivarianceReport report = EquivarianceCheck.of(stack, FieldType.trivial(gs, 1), hidden).inputSize(7, 7)
                    .run();
            assertTrue(report.maxExactRelativeError() <= 1e-5, gs.name() + " R2Conv + FieldDropout in inference:"
                    + " expected relative equivariance error <= 1e-5, got " + report);
        }
    }

    @Test
    void masksAreDeterminedByTheSeedAndChangeBetweenIterations() {
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 4, 2, MIXED.size(), 5, 5);
        INDArray a = dropoutOnly(MIXED, 0.5, 11, 5).output(x, true);
        assertEquals(a, dropoutOnly(MIXED, 0.5, 11, 5).output(x, true), "same seed, same mask");
        assertNotEquals(a, dropoutOnly(MIXED, 0.5, 12, 5).output(x, true), "another seed, another mask");
        // a network with parameters, so that fit runs iterations
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 11, InputType.convolutional(5, 5, 1), List.of(
                new R2Conv.Builder(FieldType.trivial(C4, 1), MIXED, 3).padding(1).build(),
                new FieldDropout.Builder(MIXED).p(0.5).build()));
        INDArray image = TestNetworks.gaussian(DataType.FLOAT, 5, 2, 1, 5, 5);
        INDArray before = net.feedForward(image, true).get(2);
        assertEquals(before, net.feedForward(image, true).get(2), "the same iteration sees the same mask");
        INDArray beforeMask = before.eq(0);
        net.fit(image, Nd4j.zeros(DataType.FLOAT, before.shape()));
        assertNotEquals(beforeMask, net.feedForward(image, true).get(2).eq(0), "the next iteration draws a new mask");
    }

    @Test
    void backwardPassUsesTheForwardMask() {
        MultiLayerNetwork net = dropoutOnly(MIXED, 0.5, 13, 5);
        net.initGradientsView();
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 4, 2, MIXED.size(), 5, 5).addi(3);
        org.deeplearning4j.nn.api.Layer layer = net.getLayer(0);
        layer.setInput(x, LayerWorkspaceMgr.noWorkspaces());
        INDArray y = layer.activate(true, LayerWorkspaceMgr.noWorkspaces());
        INDArray dy = TestNetworks.gaussian(DataType.FLOAT, 5, x.shape());
        Pair<Gradient, INDArray> back = layer.backpropGradient(dy, LayerWorkspaceMgr.noWorkspaces());
        // y = x * m / (1 - p), so dL/dx = dL/dy * y / x
        INDArray expected = dy.mul(y).divi(x);
        assertTrue(expected.sub(back.getSecond()).amaxNumber().doubleValue() < 1e-5,
                "dL/dx should be dL/dy times the forward mask / (1 - p)");
    }

    @Test
    void gradientsMatchFiniteDifferencesInTrainingMode() {
        FieldType hidden = FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        LayerContract.assertGradientsCorrect("C4 FieldDropout", InputType.convolutional(5, 5, 1), () -> List.of(
                new R2Conv.Builder(FieldType.trivial(C4, 1), hidden, 3).padding(1).build(),
                new FieldDropout.Builder(hidden).p(0.4).build()));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        Supplier<List<Layer>> layers = () -> List.of(new FieldDropout.Builder(MIXED).p(0.25).build());
        InputType input = InputType.convolutional(5, 5, MIXED.size());
        LayerContract.assertJsonRoundTrip("C4 FieldDropout", input, layers);
        LayerContract.assertSerializerRoundTrip("C4 FieldDropout", input, layers, dir);
    }

    @Test
    void vanishesOnExportWithTheSameInferenceOutput() {
        FieldType hidden = FieldType.regular(D4, 1);
        LayerContract.assertExportEquivalent("D4 FieldDropout", InputType.convolutional(6, 6, 1), () -> List.of(
                new R2Conv.Builder(FieldType.trivial(D4, 1), hidden, 3).padding(1).build(),
                new FieldDropout.Builder(hidden).p(0.5).build()));
    }

    @Test
    void badProbabilityIsRejectedAtBuildTime() {
        for (double p : new double[] {-0.1, 1.0, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FieldDropout.Builder(MIXED).p(p).build());
            assertTrue(e.getMessage().contains("FieldDropout") && e.getMessage().contains("[0, 1)"),
                    "message should name the layer and the valid range: " + e.getMessage());
        }
    }

    @Test
    void fitsUnderScopePanicWithWorkspaces() {
        FieldType hidden = FieldType.regular(C4, 2);
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.SCOPE_PANIC);
        MultiLayerNetwork net = NormTesting.trained(InputType.convolutional(7, 7, 1), List.of(
                new R2Conv.Builder(FieldType.trivial(C4, 1), hidden, 3).padding(1).build(),
                new FieldDropout.Builder(hidden).p(0.3).build(),
                new InnerBatchNorm.Builder(hidden).build(),
                new PointwiseDropout.Builder(hidden).p(0.2).build()), 3);
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
        assertTrue(Double.isFinite(net.score()), "score after fit: " + net.score());
    }
}
