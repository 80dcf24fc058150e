package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link InducedGatedNonLinearity1}: each sub-field of an induced gated field gated by its own channel of a
 * quotient gate (hand-computed, e2cnn's matching), equivariance on C8, gradients, serialization, the export
 * refusal and the build-time checks.
 */
class InducedGatedNonLinearityTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final SubgroupId C4 = SubgroupId.rotations(4);
    private static final Representation GATE = C8.quotientRepr(C4);
    private static final Representation INDUCED = C8.inducedRepr(C4,
            Representations.irrep(C8.fibergroup().subgroup(C4).group(), 1));

    /** [gate C8/C4, gate C8/C4, gated induced (2 sub-fields of 2), gated C8/C4 (2 sub-fields of 1)]. */
    private static final FieldType TYPE = new FieldType(C8, List.of(GATE, GATE, INDUCED, GATE));
    private static final FieldType OUT = new FieldType(C8, List.of(INDUCED, GATE));

    private static Supplier<List<Layer>> layers() {
        FieldType in = FieldType.trivial(C8, 1);
        return () -> List.of(new R2Conv.Builder(in, TYPE, 3).padding(1).build(),
                new InducedGatedNonLinearity1.Builder(TYPE).build(), new R2Conv.Builder(OUT, in, 3).padding(1).build());
    }

    private static final InputType INPUT = InputType.convolutional(7, 7, 1);

    @Test
    void isEquivariantOnExactElementsAndForEveryFiberAction() {
        LayerContract.assertEquivariant("C8 induced gated", INPUT, layers(), FieldType.trivial(C8, 1),
                FieldType.trivial(C8, 1), 1e-5);
        NonlinearityChecks.assertFiberEquivariant("C8 induced gated, gates kept",
                new InducedGatedNonLinearity1.Builder(TYPE).dropGates(false).build(), TYPE, TYPE,
                C8.fibergroup().elements());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerContract.assertGradientsCorrect("C8 induced gated", NonlinearityChecks.GRADIENT_INPUT,
                NonlinearityChecks.behindStockConvolution(TYPE, () -> new InducedGatedNonLinearity1.Builder(TYPE)
                        .dropGates(false).build()));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("C8 induced gated", INPUT, layers());
        LayerContract.assertSerializerRoundTrip("C8 induced gated", INPUT, layers(), dir);
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        LayerContract.assertExportRefused("C8 induced gated", INPUT, layers(), "InducedGatedNonLinearity1");
    }

    @Test
    void subFieldQIsGatedByChannelQOfItsGateInE2cnnOrder() {
        MultiLayerNetwork net = NonlinearityChecks.single(new InducedGatedNonLinearity1.Builder(TYPE).build(),
                DataType.DOUBLE);
        assertEquals(2, net.getParam("0_b").length(), "one bias per gate field");
        net.setParam("0_b", Nd4j.createFromArray(0.5, -1.0));
        // gates (a0, a1) = (1, 2), (c0, c1) = (-1, 0.5); gated induced (3, 4, 5, 6), gated quotient (7, 8)
        INDArray x = Nd4j.createFromArray(1.0, 2, -1, 0.5, 3, 4, 5, 6, 7, 8).reshape(1, 10, 1, 1);
        // by (size, sub-field size) the quotient (2, 1) comes before the induced field (4, 2): gate 0 gates the
        // quotient field, gate 1 the induced field
        double a0 = sigmoid(1 - 0.5);
        double a1 = sigmoid(2 - 0.5);
        double c0 = sigmoid(-1 + 1.0);
        double c1 = sigmoid(0.5 + 1.0);
        double[] expected = {3 * c0, 4 * c0, 5 * c1, 6 * c1, 7 * a0, 8 * a1};
        double[] got = net.output(x).data().asDouble();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-12, "channel " + i);
        }
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Test
    void gatesAndSubFieldsThatDoNotMatchAreRejected() {
        FieldType regularGate = new FieldType(C8, List.of(C8.regularRepr(), INDUCED));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InducedGatedNonLinearity1.Builder(regularGate).build());
        assertTrue(e.getMessage().contains("field 0") && e.getMessage().contains("induced_gate"), e.getMessage());
        FieldType wrongSize = new FieldType(C8, List.of(C8.quotientRepr(SubgroupId.rotations(2)), INDUCED));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new InducedGatedNonLinearity1.Builder(wrongSize).build());
        assertTrue(size.getMessage().contains("2 sub-fields") && size.getMessage().contains("4 channels"),
                size.getMessage());
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> new InducedGatedNonLinearity1.Builder(TYPE, List.of("gate", "gated")).build());
        assertTrue(labels.getMessage().contains("4 labels"), labels.getMessage());
    }
}
