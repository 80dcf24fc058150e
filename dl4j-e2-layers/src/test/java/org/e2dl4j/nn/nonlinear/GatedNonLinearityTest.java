package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link GatedNonLinearity1}: e2cnn's matching of gates to gated fields and output order (hand-computed),
 * dropGates, equivariance on C8, D4, SO(2) and O(2), gradients, serialization, the export refusal and the
 * build-time checks of the labels.
 */
class GatedNonLinearityTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final GSpace SO2 = GSpaces.rot2dOnR2(-1, 3);
    private static final GSpace O2 = GSpaces.flipRot2dOnR2(-1, 3);

    /** A case: the gated nonlinearity on an input type with its output type. */
    record Case(String name, GSpace gspace, FieldType hidden, Function<FieldType, AbstractGatedNonLinearity> layer) {
        @Override
        public String toString() {
            return name;
        }

        FieldType in() {
            return FieldType.trivial(gspace, 1);
        }

        Supplier<List<Layer>> layers() {
            return () -> {
                AbstractGatedNonLinearity gate = layer.apply(hidden);
                return List.of(new R2Conv.Builder(in(), hidden, 3).padding(1).build(), gate,
                        new R2Conv.Builder(gate.outType(), in(), 3).padding(1).build());
            };
        }
    }

    static List<Case> cases() {
        FieldType c8 = FieldType.trivial(C8, 3).plus(FieldType.irrep(C8, 1, 1)).plus(FieldType.regular(C8, 1))
                .plus(FieldType.irrep(C8, 1, 3));
        FieldType d4 = FieldType.irrep(D4, 1, 1, 1).plus(FieldType.trivial(D4, 1)).plus(FieldType.regular(D4, 1))
                .plus(FieldType.trivial(D4, 1));
        List<String> d4Labels = List.of("gated", "gate", "gated", "gate");
        FieldType so2 = FieldType.trivial(SO2, 2).plus(FieldType.irrep(SO2, 1, 2)).plus(FieldType.irrep(SO2, 1, 1));
        FieldType o2 = FieldType.trivial(O2, 2).plus(FieldType.irrep(O2, 1, 1, 1)).plus(FieldType.irrep(O2, 1, 1, 0));
        return List.of(
                new Case("C8 default labels", C8, c8, t -> new GatedNonLinearity1.Builder(t).build()),
                new Case("D4 interleaved, gates kept", D4, d4,
                        t -> new GatedNonLinearity1.Builder(t, d4Labels).dropGates(false).build()),
                new Case("SO(2) irreps", SO2, so2, t -> new GatedNonLinearity1.Builder(t).build()),
                new Case("O(2) irreps", O2, o2, t -> new GatedNonLinearity1.Builder(t).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isEquivariantOnExactElements(Case c) {
        LayerContract.assertEquivariant(c.name(), InputType.convolutional(7, 7, 1), c.layers(), c.in(), c.in(), 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void commutesWithTheFiberActionOfEveryTestedElement(Case c) {
        AbstractGatedNonLinearity layer = c.layer().apply(c.hidden());
        List<GroupElement> elements = c.gspace().fibergroup().isFinite() ? c.gspace().fibergroup().elements()
                : List.of(GroupElement.continuous(0, 0.7), GroupElement.continuous(0, 3.9),
                        c.gspace().fibergroup().hasReflections() ? GroupElement.continuous(1, 2.2)
                                : GroupElement.continuous(0, 5.0));
        NonlinearityChecks.assertFiberEquivariant(c.name(), layer, c.hidden(), layer.outType(), elements);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(Case c) {
        LayerContract.assertGradientsCorrect(c.name(), NonlinearityChecks.GRADIENT_INPUT,
                NonlinearityChecks.behindStockConvolution(c.hidden(), () -> c.layer().apply(c.hidden())));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        for (Case c : cases().subList(0, 2)) {
            LayerContract.assertJsonRoundTrip(c.name(), InputType.convolutional(7, 7, 1), c.layers());
            LayerContract.assertSerializerRoundTrip(c.name(), InputType.convolutional(7, 7, 1), c.layers(),
                    java.nio.file.Files.createDirectories(dir.resolve(c.name().replace(' ', '_'))));
        }
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        Case c = cases().get(0);
        LayerContract.assertExportRefused(c.name(), InputType.convolutional(7, 7, 1), c.layers(), "GatedNonLinearity1");
    }

    /** [gate, gate, regular (4), irrep_1 (2)] of C4; one pixel. */
    private static final FieldType C4_TYPE = FieldType.trivial(C4, 2).plus(FieldType.regular(C4, 1))
            .plus(FieldType.irrep(C4, 1, 1));

    private static INDArray c4Pixel() {
        return Nd4j.createFromArray(0.5, -1.0, 1, 2, 3, 4, 5, 6).reshape(1, 8, 1, 1);
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Test
    void theKthGateGatesTheKthGatedFieldInSizeOrderAndTheOutputKeepsInputOrder() {
        MultiLayerNetwork net = NonlinearityChecks.single(new GatedNonLinearity1.Builder(C4_TYPE).build(),
                DataType.DOUBLE);
        net.setParam("0_b", Nd4j.createFromArray(0.25, -0.5));
        // gated fields by size: irrep_1 (2) before regular (4); so gate 0 gates irrep_1 and gate 1 the regular field
        double s0 = sigmoid(0.5 - 0.25);
        double s1 = sigmoid(-1.0 + 0.5);
        double[] expected = {s1, 2 * s1, 3 * s1, 4 * s1, 5 * s0, 6 * s0};
        double[] got = net.output(c4Pixel()).data().asDouble();
        assertEquals(expected.length, got.length, "output channels: regular + irrep_1");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-12, "channel " + i);
        }
    }

    @Test
    void keptGatesHoldTheSigmoidOfGateMinusBias() {
        GatedNonLinearity1 layer = new GatedNonLinearity1.Builder(C4_TYPE).dropGates(false).build();
        assertEquals(C4_TYPE, layer.outType(), "without dropping, the output type is the input type");
        MultiLayerNetwork net = NonlinearityChecks.single(layer, DataType.DOUBLE);
        net.setParam("0_b", Nd4j.createFromArray(0.25, -0.5));
        double s0 = sigmoid(0.25);
        double s1 = sigmoid(-0.5);
        double[] expected = {s0, s1, s1, 2 * s1, 3 * s1, 4 * s1, 5 * s0, 6 * s0};
        double[] got = net.output(c4Pixel()).data().asDouble();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-12, "channel " + i);
        }
    }

    @Test
    void biasesAreOnePerGateDrawnFromAStandardNormal() {
        MultiLayerNetwork a = NonlinearityChecks.single(new GatedNonLinearity1.Builder(C4_TYPE).build(),
                DataType.DOUBLE);
        MultiLayerNetwork b = NonlinearityChecks.single(new GatedNonLinearity1.Builder(C4_TYPE).build(),
                DataType.DOUBLE);
        INDArray bias = a.getParam("0_b");
        assertEquals(2, bias.length(), "one bias per gate");
        assertEquals(bias, b.getParam("0_b"), "same seed, same biases");
        assertNotEquals(0.0, bias.getDouble(0), "random, not zero");
        assertNotEquals(bias.getDouble(0), bias.getDouble(1), "independent draws");
    }

    @Test
    void outputTypeDropsTheGatesByDefault() {
        assertEquals(FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1)),
                new GatedNonLinearity1.Builder(C4_TYPE).build().outType());
        FieldType interleaved = FieldType.irrep(C4, 1, 1).plus(FieldType.trivial(C4, 1)).plus(FieldType.regular(C4, 1))
                .plus(FieldType.trivial(C4, 1));
        assertEquals(FieldType.irrep(C4, 1, 1).plus(FieldType.regular(C4, 1)),
                new GatedNonLinearity1.Builder(interleaved, List.of("gated", "gate", "gated", "gate")).build().outType());
    }

    @Test
    void badLabelsAndGatesAreRejectedAtBuildTime() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> new GatedNonLinearity1.Builder(C4_TYPE, List.of("gate", "gated")).build());
        assertTrue(length.getMessage().contains("4 labels") && length.getMessage().contains("got 2"),
                length.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> new GatedNonLinearity1.Builder(C4_TYPE, List.of("gate", "gates", "gated", "gated")).build());
        assertTrue(label.getMessage().contains("'gates'"), label.getMessage());
        IllegalArgumentException trivial = assertThrows(IllegalArgumentException.class,
                () -> new GatedNonLinearity1.Builder(C4_TYPE, List.of("gate", "gated", "gated", "gate")).build());
        assertTrue(trivial.getMessage().contains("field 3") && trivial.getMessage().contains("irrep_1")
                && trivial.getMessage().contains("trivial"), trivial.getMessage());
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> new GatedNonLinearity1.Builder(C4_TYPE.plus(FieldType.trivial(C4, 1))).build());
        assertTrue(odd.getMessage().contains("even"), odd.getMessage());
        IllegalArgumentException unequal = assertThrows(IllegalArgumentException.class,
                () -> new GatedNonLinearity1.Builder(FieldType.trivial(C4, 3).plus(FieldType.regular(C4, 1)),
                        List.of("gate", "gate", "gate", "gated")).build());
        assertTrue(unequal.getMessage().contains("number of gates (3)") && unequal.getMessage().contains("(1)"),
                unequal.getMessage());
        Representation noGating = Representations.changeBasis(C4.irrep(1), new double[][] {{0, 1}, {1, 0}},
                "swapped", EnumSet.noneOf(Nonlinearity.class));
        FieldType ungated = new FieldType(C4, List.of(C4.trivialRepr(), noGating));
        IllegalArgumentException gated = assertThrows(IllegalArgumentException.class,
                () -> new GatedNonLinearity1.Builder(ungated).build());
        assertTrue(gated.getMessage().contains("swapped") && gated.getMessage().contains("gated"), gated.getMessage());
    }
}
