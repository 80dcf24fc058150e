package org.e2dl4j.nn.dropout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivarianceCheck;
import org.e2dl4j.nn.EquivarianceReport;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link PointwiseDropout}: each value kept (scaled) or dropped independently at rate p in training, the identity
 * in inference (equivariant), gradients, serialization, export to a stock DropoutLayer, and rejection of fields
 * that are not permutation representations.
 */
class PointwiseDropoutTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType TYPE = FieldType.regular(C8, 2).plus(FieldType.trivial(C8, 1));

    @Test
    void trainingDropsSingleValuesIndependentlyAtRateP() {
        double p = 0.4;
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 3, InputType.convolutional(9, 9, TYPE.size()),
                List.of(new PointwiseDropout.Builder(TYPE).p(p).build()));
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 4, 4, TYPE.size(), 9, 9).addi(5);
        INDArray y = net.output(x, true);
        INDArray kept = y.neq(0).castTo(DataType.DOUBLE);
        INDArray scaled = x.div(1 - p).muli(kept.castTo(DataType.FLOAT));
        assertTrue(scaled.sub(y).amaxNumber().doubleValue() < 1e-4, "each value is 0 or x / (1 - p)");
        double rate = 1 - kept.meanNumber().doubleValue();
        double sd = Math.sqrt(p * (1 - p) / kept.length());
        assertTrue(Math.abs(rate - p) < 5 * sd, "dropped fraction: expected " + p + " +- " + 5 * sd + ", got " + rate);
        // within a regular field some channels are kept while others are dropped (not whole-field dropout)
        INDArray perField = kept.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 8)).sum(1);
        double partial = perField.gt(0).castTo(DataType.DOUBLE).muli(perField.lt(8).castTo(DataType.DOUBLE))
                .meanNumber().doubleValue();
        assertTrue(partial > 0.9, "most pixels of a regular field should be partly dropped, got fraction " + partial);
    }

    @Test
    void inferenceIsTheIdentityAndEquivariant() {
        for (GSpace gs : List.of(C8, D4)) {
            FieldType hidden = FieldType.regular(gs, 1).plus(FieldType.trivial(gs, 1));
            MultiLayerNetwork stack = TestNetworks.withLoss(DataType.FLOAT, 5, InputType.convolutional(7, 7, 1),
                    List.of(new R2Conv.Builder(FieldType.trivial(gs, 1), hidden, 3).padding(1).build(),
                            new PointwiseDropout.Builder(hidden).p(0.4).build()));
            INDArray x = TestNetworks.gaussian(DataType.FLOAT, 6, 2, 1, 7, 7);
            assertEquals(stack.feedForward(x, false).get(1), stack.output(x, false), gs.name()
                    + ": inference output should equal the convolution's");
            EquivarianceReport report = EquivarianceCheck.of(stack, FieldType.trivial(gs, 1), hidden).inputSize(7, 7)
                    .run();
            assertTrue(report.maxExactRelativeError() <= 1e-5, gs.name() + " R2Conv + PointwiseDropout in inference:"
                    + " expected relative equivariance error <= 1e-5, got " + report);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesInTrainingMode() {
        FieldType hidden = FieldType.regular(D4, 1);
        LayerContract.assertGradientsCorrect("D4 PointwiseDropout", InputType.convolutional(5, 5, 1), () -> List.of(
                new R2Conv.Builder(FieldType.trivial(D4, 1), hidden, 3).padding(1).build(),
                new PointwiseDropout.Builder(hidden).p(0.3).build()));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        Supplier<List<Layer>> layers = () -> List.of(new PointwiseDropout.Builder(TYPE).p(0.25).build());
        InputType input = InputType.convolutional(5, 5, TYPE.size());
        LayerContract.assertJsonRoundTrip("C8 PointwiseDropout", input, layers);
        LayerContract.assertSerializerRoundTrip("C8 PointwiseDropout", input, layers, dir);
    }

    @Test
    void exportsToStockDropoutLayerWithRetainProbability() {
        FieldType hidden = FieldType.regular(D4, 1);
        Supplier<List<Layer>> layers = () -> List.of(
                new R2Conv.Builder(FieldType.trivial(D4, 1), hidden, 3).padding(1).build(),
                new PointwiseDropout.Builder(hidden).p(0.3).build());
        LayerContract.assertExportEquivalent("D4 PointwiseDropout", InputType.convolutional(6, 6, 1), layers);
        MultiLayerNetwork stock = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 2,
                InputType.convolutional(6, 6, 1), layers.get()));
        Layer exported = stock.getLayerWiseConfigurations().getConf(1).getLayer();
        assertTrue(exported instanceof DropoutLayer, "expected a stock DropoutLayer, got " + exported);
        assertEquals(0.7, ((Dropout) exported.getIDropout()).getP(), 1e-12, "retain probability 1 - p");
    }

    @Test
    void nonPermutationFieldIsRejectedAtBuildTime() {
        FieldType type = FieldType.regular(C8, 1).plus(FieldType.irrep(C8, 1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PointwiseDropout.Builder(type).build());
        assertTrue(e.getMessage().contains("PointwiseDropout") && e.getMessage().contains("irrep_2")
                        && e.getMessage().contains("pointwise") && e.getMessage().contains("FieldDropout"),
                "message should name the layer, the representation and the alternative: " + e.getMessage());
    }
}
