package org.e2dl4j.nn.batchnorm;

import static org.e2dl4j.nn.batchnorm.BatchNormReference.assertArrayClose;
import static org.e2dl4j.nn.batchnorm.BatchNormReference.flat;
import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representations;
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
 * {@link InducedNormBatchNorm}: one variance per induced field from its sub-fields' norms, with e2cnn's Bessel
 * count over sub-fields (hand-derived, and different from {@link NormBatchNorm} on the same data); equivariance for
 * C8 and D4 (fields induced from C4; induction needs a finite group); gradients; serialization; export refusal; rejection of other fields.
 */
class InducedNormBatchNormTest {

    private static final double EPS = 1e-5;
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);

    /**
     * Fields induced from C4's irrep 1 (2-dim sub-fields), of size 4 in C8 and D4 (induced representations exist for
     * finite groups only, so SO(2) and O(2) have no such fields).
     */
    private static FieldType induced(GSpace gs, int copies) {
        SubgroupId c4 = gs.fibergroup().hasReflections() ? SubgroupId.dihedral(null, 4) : SubgroupId.rotations(4);
        return FieldType.of(gs, gs.inducedRepr(c4, Representations.irrep(Groups.cyclic(4), 1)), copies);
    }

    private static Supplier<List<Layer>> convThenNorm(FieldType hidden) {
        FieldType in = FieldType.trivial(hidden.gspace(), 2);
        return () -> List.of(new R2Conv.Builder(in, hidden, 3).padding(1).build(),
                new InducedNormBatchNorm.Builder(hidden).build());
    }

    @Test
    void sharesOneVarianceOverSubFieldsWithBesselCountOverSubFields() {
        // one D4 field induced from C4 (two 2-dim sub-fields), one pixel: x = (1, 2, 3, 4), |x|^2 = 30 over 4
        // channels -> 7.5; n = 1 pixel * 2 sub-fields -> Bessel 2 -> 15; blended with 1 at momentum 0.1 -> 2.4.
        FieldType type = induced(D4, 1);
        INDArray x = Nd4j.createFromArray(1.0, 2, 3, 4).reshape(1, 4, 1, 1);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, InputType.convolutional(1, 1, 4),
                List.of(new InducedNormBatchNorm.Builder(type).build()));
        double s = Math.sqrt(2.4 + EPS);
        assertArrayClose(new double[] {1 / s, 2 / s, 3 / s, 4 / s}, flat(net.output(x, true)), 1e-12,
                "training-mode output");
        net.fit(x, Nd4j.zeros(DataType.DOUBLE, 1, 4, 1, 1));
        assertArrayClose(new double[] {2.4}, net.getLayer(0).getParam("var").toDoubleVector(), 1e-12,
                "running variance after one step");
        // NormBatchNorm counts one sample per pixel: n = 1, no variance estimate (e2cnn would skip the Bessel
        // correction and give 0.9 + 0.75 = 1.65; like PyTorch's batch norms, this is refused)
        MultiLayerNetwork plain = TestNetworks.withLoss(DataType.DOUBLE, 1, InputType.convolutional(1, 1, 4),
                List.of(new NormBatchNorm.Builder(type).build()));
        assertRejected(() -> plain.output(x, true), "NormBatchNorm layer 'layer0' (layer index 0)",
                "expected more than 1 value per statistic", "would have 1 value");
    }

    @Test
    void isEquivariantOnExactElementsInTrainingAndInference() {
        for (GSpace gs : List.of(C8, D4)) {
            FieldType hidden = induced(gs, 2);
            MultiLayerNetwork net = NormTesting.trained(InputType.convolutional(5, 5, 2), convThenNorm(hidden).get(), 2);
            NormTesting.assertEquivariantInBothModes(gs.name() + " InducedNormBatchNorm", net, FieldType.trivial(gs, 2),
                    hidden, 5, 1e-5);
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesInTrainingMode() {
        LayerContract.assertGradientsCorrect("D4 InducedNormBatchNorm", InputType.convolutional(5, 5, 2),
                convThenNorm(induced(D4, 2)), "1_var", "l1_var");
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        InputType input = InputType.convolutional(5, 5, 2);
        LayerContract.assertJsonRoundTrip("D4 InducedNormBatchNorm", input, convThenNorm(induced(D4, 1)));
        LayerContract.assertSerializerRoundTrip("D4 InducedNormBatchNorm", input, convThenNorm(induced(D4, 1)), dir);
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        LayerContract.assertExportRefused("D4 InducedNormBatchNorm", InputType.convolutional(5, 5, 2),
                convThenNorm(induced(D4, 1)), "InducedNormBatchNorm");
    }

    @Test
    void fieldsWithoutInducedNormSupportAreRejectedAtBuildTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InducedNormBatchNorm.Builder(FieldType.irrep(D4, 1, 1, 1)).build());
        assertTrue(e.getMessage().contains("InducedNormBatchNorm") && e.getMessage().contains("irrep_1,1")
                        && e.getMessage().contains("induced_norm"),
                "message should name the layer, the representation and induced_norm: " + e.getMessage());
    }
}
