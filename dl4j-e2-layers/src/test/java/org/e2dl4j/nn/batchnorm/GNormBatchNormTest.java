package org.e2dl4j.nn.batchnorm;

import static org.e2dl4j.nn.batchnorm.BatchNormReference.assertArrayClose;
import static org.e2dl4j.nn.batchnorm.BatchNormReference.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link GNormBatchNorm}: per-irrep statistics in each field's irrep basis, trivial irreps centred (hand-derived,
 * and a loop reference with regular fields, whose change of basis is not the identity); running statistics;
 * equivariance for C4, C8, D4, SO(2), O(2); gradients; serialization; export refusal.
 */
class GNormBatchNormTest {

    private static final double EPS = 1e-5;
    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    private static FieldType mixed(GSpace gs) {
        boolean flips = gs.fibergroup().hasReflections();
        FieldType irrep = flips ? FieldType.irrep(gs, 1, 1, 1) : FieldType.irrep(gs, 1, 1);
        FieldType base = FieldType.trivial(gs, 1).plus(irrep);
        return gs.fibergroup().order() > 0 ? FieldType.regular(gs, 1).plus(base) : base;
    }

    private static Supplier<List<Layer>> convThenNorm(FieldType hidden) {
        FieldType in = FieldType.trivial(hidden.gspace(), 2);
        return () -> List.of(new R2Conv.Builder(in, hidden, 3).padding(1).bias(false).build(),
                new GNormBatchNorm.Builder(hidden).build());
    }

    @Test
    void normalizesEachIrrepCentringOnlyTrivialOnes() {
        // trivial field [2, 4]: mean 3, variance (10 - 9) * Bessel 2 = 2; irrep_1 field with vectors (3, 4), (0, 0):
        // 25 / (2 pixels * 2 channels) * 2 = 12.5, not centred
        FieldType type = FieldType.trivial(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, InputType.convolutional(1, 2, 3),
                List.of(new GNormBatchNorm.Builder(type).build()));
        INDArray x = Nd4j.createFromArray(2.0, 4, 3, 0, 4, 0).reshape(1, 3, 1, 2);
        double s0 = Math.sqrt(2 + EPS);
        double s1 = Math.sqrt(12.5 + EPS);
        assertArrayClose(new double[] {-1 / s0, 1 / s0, 3 / s1, 0, 4 / s1, 0}, flat(net.output(x, true)), 1e-12,
                "training-mode output");
        assertEquals(List.of("gamma", "beta", "mean", "var"), List.copyOf(net.getLayer(0).paramTable().keySet()),
                "parameters");
        assertEquals(2, net.getLayer(0).getParam("gamma").length(), "one scale per irrep");
        assertEquals(1, net.getLayer(0).getParam("beta").length(), "one bias per trivial irrep");
        net.fit(x, Nd4j.zeros(DataType.DOUBLE, 1, 3, 1, 2));
        assertArrayClose(new double[] {0.3}, net.getLayer(0).getParam("mean").toDoubleVector(), 1e-12,
                "running mean after one step");
        assertArrayClose(new double[] {0.9 + 0.2, 0.9 + 1.25}, net.getLayer(0).getParam("var").toDoubleVector(),
                1e-12, "running variances after one step");
    }

    @Test
    void matchesLoopReferenceInTheIrrepBasis() {
        FieldType type = mixed(GSpaces.flipRot2dOnR2(4)).plus(FieldType.regular(GSpaces.flipRot2dOnR2(4), 1));
        MultiLayerNetwork net = NormTesting.trained(InputType.convolutional(4, 5, type.size()),
                List.of(new GNormBatchNorm.Builder(type).build()), 3);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 5, 3, type.size(), 4, 5).muli(1.5).addi(0.4);
        double[] expected = BatchNormReference.gnormTraining(x, type,
                net.getLayer(0).getParam("gamma").toDoubleVector(), net.getLayer(0).getParam("beta").toDoubleVector(),
                EPS);
        assertArrayClose(expected, flat(net.output(x, true)), 3e-5, "training mode, D4 regular + trivial + irrep");
    }

    @Test
    void isEquivariantOnExactElementsInTrainingAndInference() {
        for (GSpace gs : List.of(C4, GSpaces.rot2dOnR2(8), GSpaces.flipRot2dOnR2(4), GSpaces.rot2dOnR2(-1, 3),
                GSpaces.flipRot2dOnR2(-1, 3))) {
            FieldType hidden = mixed(gs);
            MultiLayerNetwork net = NormTesting.trained(InputType.convolutional(5, 5, 2), convThenNorm(hidden).get(), 2);
            NormTesting.assertEquivariantInBothModes(gs.name() + " GNormBatchNorm", net, FieldType.trivial(gs, 2), hidden,
                    5, 1e-5);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesInTrainingMode() {
        LayerContract.assertGradientsCorrect("C4 GNormBatchNorm", InputType.convolutional(5, 5, 2),
                convThenNorm(mixed(C4)), "1_mean", "1_var", "l1_mean", "l1_var");
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        InputType input = InputType.convolutional(5, 5, 2);
        LayerContract.assertJsonRoundTrip("C4 GNormBatchNorm", input, convThenNorm(mixed(C4)));
        LayerContract.assertSerializerRoundTrip("C4 GNormBatchNorm", input, convThenNorm(mixed(C4)), dir);
    }

    @Test
    void fitsUnderScopePanicThroughTheChangeOfBasis() {
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.SCOPE_PANIC);
        try {
            MultiLayerNetwork net = NormTesting.trained(InputType.convolutional(5, 5, 2), convThenNorm(mixed(C4)).get(),
                    3);
            assertTrue(Double.isFinite(net.score()), "score after fit: " + net.score());
        } finally {
            Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
        }
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        LayerContract.assertExportRefused("C4 GNormBatchNorm", InputType.convolutional(5, 5, 2),
                convThenNorm(mixed(C4)), "GNormBatchNorm");
    }
}
