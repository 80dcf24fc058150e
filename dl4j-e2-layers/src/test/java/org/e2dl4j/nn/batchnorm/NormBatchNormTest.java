package org.e2dl4j.nn.batchnorm;

import static org.e2dl4j.nn.batchnorm.BatchNormReference.assertArrayClose;
import static org.e2dl4j.nn.batchnorm.BatchNormReference.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.NormTesting;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link NormBatchNorm}: e2cnn's statistic (mean squared norm per field, Bessel-corrected over N H W, blended into
 * the running variance before normalizing in training), hand-derived; inference with the running variance;
 * equivariance for C4, C8, D4, SO(2), O(2); gradients; serialization; export refusal; rejection of fields with a
 * trivial irrep.
 */
class NormBatchNormTest {

    private static final double EPS = 1e-5;
    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final Map<GSpace, FieldType> HIDDEN = Map.of(
            C4, FieldType.irrep(C4, 2, 1).plus(FieldType.irrep(C4, 1, 2)),
            GSpaces.rot2dOnR2(8), FieldType.irrep(GSpaces.rot2dOnR2(8), 1, 1)
                    .plus(FieldType.irrep(GSpaces.rot2dOnR2(8), 1, 3)),
            GSpaces.flipRot2dOnR2(4), FieldType.irrep(GSpaces.flipRot2dOnR2(4), 2, 1, 1),
            GSpaces.rot2dOnR2(-1, 3), FieldType.irrep(GSpaces.rot2dOnR2(-1, 3), 1, 1)
                    .plus(FieldType.irrep(GSpaces.rot2dOnR2(-1, 3), 1, 2)),
            GSpaces.flipRot2dOnR2(-1, 3), FieldType.irrep(GSpaces.flipRot2dOnR2(-1, 3), 2, 1, 1));

    private static Supplier<List<Layer>> convThenNorm(FieldType hidden) {
        FieldType in = FieldType.trivial(hidden.gspace(), 2);
        return () -> List.of(new R2Conv.Builder(in, hidden, 3).padding(1).build(),
                new NormBatchNorm.Builder(hidden).build());
    }

    @Test
    void scalesEachFieldByTheBlendedUnbiasedSecondMomentOfItsNorm() {
        // C4 irrep_1 field with vectors (3, 4) and (0, 0): E|x|^2 / 2 = 6.25, Bessel n = 2 -> 12.5, blended with the
        // initial running variance 1 at momentum 0.1 -> 2.15. irrep_2 field [1, -3]: 5 -> 10 -> 1.9.
        FieldType type = FieldType.irrep(C4, 1, 1).plus(FieldType.irrep(C4, 1, 2));
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, InputType.convolutional(1, 2, 3),
                List.of(new NormBatchNorm.Builder(type).build()));
        INDArray x = Nd4j.createFromArray(3.0, 0, 4, 0, 1, -3).reshape(1, 3, 1, 2);
        double s0 = Math.sqrt(2.15 + EPS);
        double s1 = Math.sqrt(1.9 + EPS);
        assertArrayClose(new double[] {3 / s0, 0, 4 / s0, 0, 1 / s1, -3 / s1}, flat(net.output(x, true)), 1e-12,
                "training-mode output");
        net.fit(x, Nd4j.zeros(DataType.DOUBLE, 1, 3, 1, 2));
        assertArrayClose(new double[] {2.15, 1.9}, net.getLayer(0).getParam("var").toDoubleVector(), 1e-12,
                "running variances after one step");
        assertEquals(List.of("gamma", "var"), List.copyOf(net.getLayer(0).paramTable().keySet()),
                "a scale and a running variance per field, no bias or mean");
    }

    @Test
    void inferenceScalesByTheRunningVariance() {
        FieldType type = HIDDEN.get(C4);
        MultiLayerNetwork net = NormTesting.trained(InputType.convolutional(4, 4, type.size()),
                List.of(new NormBatchNorm.Builder(type).build()), 3);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 5, 2, type.size(), 4, 4);
        int[][] fields = BatchNormReference.fieldChannels(type);
        double[] zeros = new double[fields.length];
        double[] expected = BatchNormReference.normalize(x, fields, zeros,
                net.getLayer(0).getParam("var").toDoubleVector(), net.getLayer(0).getParam("gamma").toDoubleVector(),
                zeros, EPS);
        assertArrayClose(expected, flat(net.output(x, false)), 2e-5, "inference output");
    }

    @Test
    void isEquivariantOnExactElementsInTrainingAndInference() {
        for (FieldType hidden : HIDDEN.values()) {
            MultiLayerNetwork net = NormTesting.trained(InputType.convolutional(5, 5, 2), convThenNorm(hidden).get(), 2);
            NormTesting.assertEquivariantInBothModes(hidden.gspace().name() + " NormBatchNorm", net,
                    FieldType.trivial(hidden.gspace(), 2), hidden, 5, 1e-5);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesInTrainingMode() {
        LayerContract.assertGradientsCorrect("C4 NormBatchNorm", InputType.convolutional(5, 5, 2),
                convThenNorm(HIDDEN.get(C4)), "1_var", "l1_var");
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        InputType input = InputType.convolutional(5, 5, 2);
        LayerContract.assertJsonRoundTrip("C4 NormBatchNorm", input, convThenNorm(HIDDEN.get(C4)));
        LayerContract.assertSerializerRoundTrip("C4 NormBatchNorm", input, convThenNorm(HIDDEN.get(C4)), dir);
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        LayerContract.assertExportRefused("C4 NormBatchNorm", InputType.convolutional(5, 5, 2),
                convThenNorm(HIDDEN.get(C4)), "NormBatchNorm");
    }

    @Test
    void fieldsWithTrivialIrrepsAreRejectedAtBuildTime() {
        for (FieldType bad : List.of(FieldType.regular(C4, 1), FieldType.trivial(C4, 1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new NormBatchNorm.Builder(FieldType.irrep(C4, 1, 1).plus(bad)).build());
            assertTrue(e.getMessage().contains("NormBatchNorm") && e.getMessage().contains("trivial")
                            && e.getMessage().contains(bad.representations().get(0).name()),
                    "message should name the layer, the representation and the trivial irrep: " + e.getMessage());
        }
    }
}
