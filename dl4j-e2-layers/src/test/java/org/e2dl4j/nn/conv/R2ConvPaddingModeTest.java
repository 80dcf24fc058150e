package org.e2dl4j.nn.conv;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;
import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * R2Conv's padding modes (e2cnn's {@code padding_mode}): outputs equal e2cnn's R2Conv with each of zeros,
 * reflect, replicate and circular for seeded weights ({@code conv_options.json}); equivariance on the exact group
 * elements, the gradient check in double, JSON and ModelSerializer round trips, the refused export and the errors
 * for sizes and settings the modes do not admit.
 */
class R2ConvPaddingModeTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType C4_IN = FieldType.trivial(C4, 1).plus(FieldType.irrep(C4, 1, 1));
    private static final FieldType C4_OUT = FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 1));
    private static final FieldType D4_IN = FieldType.regular(D4, 1);
    private static final FieldType D4_OUT = FieldType.trivial(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));

    @TestFactory
    Stream<DynamicTest> outputsAreE2cnnsForEveryPaddingMode() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : ConvOptionsReference.cases("padding_modes")) {
            PaddingMode mode = PaddingMode.valueOf(c.get("padding_mode").asText().toUpperCase());
            tests.add(DynamicTest.dynamicTest(c.get("name").asText() + " " + mode, () -> {
                R2Conv conv = new R2Conv.Builder(ConvOptionsReference.type(c, "in"), ConvOptionsReference.type(c, "out"),
                        c.get("kernel_size").asInt()).padding(c.get("padding").asInt()).stride(c.get("stride").asInt())
                        .dilation(c.get("dilation").asInt()).paddingMode(mode).build();
                double err = ConvOptionsReference.relativeError(conv, c);
                assertTrue(err <= ConvOptionsReference.OUTPUT_TOLERANCE, "relative difference from e2cnn " + err);
            }));
        }
        assertEquals(12, tests.size(), "three layers times four padding modes");
        return tests.stream();
    }

    @Test
    void theModesDifferFromZeroPaddingOnlyNearTheBorder() {
        R2Conv zeros = new R2Conv.Builder(C4_IN, C4_OUT, 3).padding(2).build();
        R2Conv reflect = new R2Conv.Builder(C4_IN, C4_OUT, 3).padding(2).paddingMode(PaddingMode.REFLECT).build();
        InputType type = TestNetworks.input(C4_IN, 7);
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 3, 1, C4_IN.size(), 7, 7);
        INDArray a = LayerRunner.forward(zeros, type, x);
        INDArray b = LayerRunner.forward(reflect, type, x);
        // outputs 2..6 of 9 see only the input (padding 2, 3 x 3 kernel), so both modes agree there
        double centre = a.get(all(), all(), interval(2, 7), interval(2, 7))
                .sub(b.get(all(), all(), interval(2, 7), interval(2, 7))).amaxNumber().doubleValue();
        double border = a.sub(b).amaxNumber().doubleValue();
        assertTrue(centre < 1e-5, "inside, the padding mode must not matter: " + centre);
        assertTrue(border > 1e-2, "at the border reflect padding must differ from zeros: " + border);
    }

    private static Supplier<List<Layer>> c4(PaddingMode mode) {
        return () -> List.of(new R2Conv.Builder(C4_IN, C4_OUT, 3).padding(2).paddingMode(mode).build(),
                new R2Conv.Builder(C4_OUT, C4_IN, 3).padding(1).paddingMode(mode).build());
    }

    private static Supplier<List<Layer>> d4(PaddingMode mode) {
        return () -> List.of(new R2Conv.Builder(D4_IN, D4_OUT, 5).padding(3).stride(2).paddingMode(mode).build());
    }

    @ParameterizedTest
    @EnumSource(PaddingMode.class)
    void equivariantOnTheExactElements(PaddingMode mode) {
        LayerContract.assertEquivariant("C4 " + mode, TestNetworks.input(C4_IN, 7), c4(mode), C4_IN, C4_IN, 1e-5);
        LayerContract.assertEquivariant("D4 " + mode, TestNetworks.input(D4_IN, 7), d4(mode), D4_IN, D4_OUT, 1e-5);
    }

    @ParameterizedTest
    @EnumSource(value = PaddingMode.class, names = {"REFLECT", "REPLICATE", "CIRCULAR"})
    void gradientsAreCorrect(PaddingMode mode) {
        LayerContract.assertGradientsCorrect("C4 " + mode, TestNetworks.input(C4_IN, 4), () -> List.of(
                new R2Conv.Builder(C4_IN, C4_OUT, 3).padding(2).paddingMode(mode).build()));
    }

    @Test
    void gradientsAreCorrectWithStride() {
        LayerContract.assertGradientsCorrect("D4 stride 2 REFLECT", TestNetworks.input(D4_IN, 5), d4(PaddingMode.REFLECT));
    }

    @Test
    void replicatePaddingWiderThanTheInputHasCorrectGradients() {
        LayerContract.assertGradientsCorrect("replicate 4 on 3 x 3", TestNetworks.input(C4_IN, 3), () -> List.of(
                new R2Conv.Builder(C4_IN, C4_OUT, 3).padding(4).paddingMode(PaddingMode.REPLICATE).build()));
    }

    @ParameterizedTest
    @EnumSource(value = PaddingMode.class, names = {"REFLECT", "CIRCULAR"})
    void roundTripsAndRefusesExport(PaddingMode mode, @TempDir Path dir) throws Exception {
        InputType type = TestNetworks.input(C4_IN, 6);
        LayerContract.assertJsonRoundTrip(mode.name(), type, c4(mode));
        LayerContract.assertSerializerRoundTrip(mode.name(), type, c4(mode), dir);
        LayerContract.assertExportRefused(mode.name(), type, c4(mode), "R2Conv");
    }

    @Test
    void theRefusalSaysWhy() {
        IllegalArgumentException e = assertRejected(() -> Export.toStandard(
                TestNetworks.withLoss(DataType.FLOAT, 1, TestNetworks.input(C4_IN, 6), c4(PaddingMode.REPLICATE).get())),
                "REPLICATE", "pad with zeros only");
        assertTrue(e.getMessage().contains("R2Conv"), e.getMessage());
    }

    @Test
    void reflectPaddingNeedsAnInputLargerThanThePadding() {
        R2Conv conv = new R2Conv.Builder(C4_IN, C4_OUT, 3).name("r").padding(3).paddingMode(PaddingMode.REFLECT).build();
        assertRejected(() -> conv.getOutputType(0, TestNetworks.input(C4_IN, 3)), "R2Conv layer 'r'",
                "REFLECT padding by 3", "> 3", "got 3");
        R2Conv untyped = new R2Conv.Builder(C4_IN, C4_OUT, 3).name("r").padding(3).paddingMode(PaddingMode.REFLECT)
                .build();
        assertRejected(() -> LayerRunner.forward(untyped, TestNetworks.input(C4_IN, 4),
                TestNetworks.gaussian(DataType.FLOAT, 1, 1, C4_IN.size(), 4, 3)), "R2Conv layer 'r'",
                "[1, 3, 4, 3]", "REFLECT padding by 3", "got 3");
    }

    @Test
    void circularPaddingNeedsAnInputAtLeastAsLargeAsThePadding() {
        R2Conv conv = new R2Conv.Builder(C4_IN, C4_OUT, 3).name("c").padding(3).paddingMode(PaddingMode.CIRCULAR).build();
        assertRejected(() -> conv.getOutputType(0, TestNetworks.input(C4_IN, 2)), "R2Conv layer 'c'",
                "CIRCULAR padding by 3", ">= 3", "got 2");
    }

    @Test
    void aPaddingModeNeedsExplicitPadding() {
        R2Conv valid = new R2Conv.Builder(C4_IN, C4_OUT, 3).name("bad").paddingMode(PaddingMode.REFLECT).build();
        assertRefusedOnBothPaths(() -> new R2Conv.Builder(C4_IN, C4_OUT, 3).name("bad").paddingMode(PaddingMode.REFLECT)
                        .convolutionMode(ConvolutionMode.Same).build(), valid, set("convolutionMode", "\"Same\""),
                "R2Conv layer 'bad'", "REFLECT", "Truncate or Strict", "got Same");
    }

    @Test
    void aMissingPaddingModeIsRefused() {
        assertRefusedOnBothPaths(() -> new R2Conv.Builder(C4_IN, C4_OUT, 3).name("bad").paddingMode(null).build(),
                new R2Conv.Builder(C4_IN, C4_OUT, 3).name("bad").build(), set("paddingMode", "null"),
                "R2Conv layer 'bad'", "no padding mode", "ZEROS, REFLECT, REPLICATE, CIRCULAR");
    }

    @Test
    void theTransposedConvolutionPadsWithZerosOnly() {
        R2ConvTransposed valid = new R2ConvTransposed.Builder(C4_IN, C4_OUT, 3).name("bad").build();
        assertRefusedOnBothPaths(() -> new R2ConvTransposed.Builder(C4_IN, C4_OUT, 3).name("bad")
                        .paddingMode(PaddingMode.CIRCULAR).build(), valid, set("paddingMode", "\"CIRCULAR\""),
                "R2ConvTransposed layer 'bad'", "zeros only", "CIRCULAR");
    }
}
