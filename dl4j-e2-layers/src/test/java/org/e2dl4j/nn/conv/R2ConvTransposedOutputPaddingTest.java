package org.e2dl4j.nn.conv;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.GeometricTensor;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * R2ConvTransposed's output padding (e2cnn's {@code output_padding}): outputs equal e2cnn's R2ConvTransposed for
 * seeded weights ({@code conv_options.json}, padding above, equal to and below the output padding); the layer is
 * the equivariant transposed convolution with padding p - q cropped by q at the top and left, exactly, for every
 * exact group element; gradient check in double; JSON and ModelSerializer round trips; export to Deconvolution2D
 * plus Cropping2D (same output) or, for q &gt; p, a refusal; errors for output paddings PyTorch refuses.
 */
class R2ConvTransposedOutputPaddingTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType IN = FieldType.trivial(C4, 1).plus(FieldType.irrep(C4, 1, 1));
    private static final FieldType OUT = FieldType.regular(C4, 1);

    @TestFactory
    Stream<DynamicTest> outputsAreE2cnns() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : ConvOptionsReference.cases("output_padding")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                R2ConvTransposed conv = new R2ConvTransposed.Builder(ConvOptionsReference.type(c, "in"),
                        ConvOptionsReference.type(c, "out"), c.get("kernel_size").asInt())
                        .padding(c.get("padding").asInt()).stride(c.get("stride").asInt())
                        .dilation(c.get("dilation").asInt()).outputPadding(c.get("output_padding").asInt()).build();
                double err = ConvOptionsReference.relativeError(conv, c);
                assertTrue(err <= ConvOptionsReference.OUTPUT_TOLERANCE, "relative difference from e2cnn " + err);
            }));
        }
        assertEquals(3, tests.size());
        return tests.stream();
    }

    /**
     * f_q(g.x) = crop_q(g.f(x)), with f the transposed convolution with padding p - q and the same weights (so
     * equivariant) and crop_q dropping q rows and columns at the top and left: for every exact element of C4 and
     * D4, to float rounding. And f_q itself is crop_q(f).
     */
    @Test
    void equivariantUpToTheOneSidedCrop() {
        for (GSpace gs : List.of(C4, D4)) {
            FieldType in = FieldType.trivial(gs, 1).plus(FieldType.regular(gs, 1));
            FieldType out = FieldType.regular(gs, 1).plus(FieldType.trivial(gs, 1));
            R2ConvTransposed padded = new R2ConvTransposed.Builder(in, out, 3).stride(2).padding(1).outputPadding(1)
                    .build();
            R2ConvTransposed equivariant = new R2ConvTransposed.Builder(in, out, 3).stride(2).padding(0).build();
            MultiLayerNetwork a = TestNetworks.withLoss(DataType.DOUBLE, 4, TestNetworks.input(in, 5), List.of(padded));
            MultiLayerNetwork b = TestNetworks.withLoss(DataType.DOUBLE, 4, TestNetworks.input(in, 5),
                    List.of(equivariant));
            b.setParams(a.params());
            INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 5, 2, in.size(), 5, 5);
            INDArray full = b.output(x);
            INDArray y = a.output(x);
            assertArrayEquals(new long[] {2, out.size(), 10, 10}, y.shape(), "H' = 2 * 4 + 3 - 2 + 1");
            assertTrue(close(y, crop(full)), gs.name() + ": output padding is the one-sided crop");
            int checked = 0;
            for (GroupElement g : gs.testingElements()) {
                if (!gs.preservesGrid(g)) {
                    continue;
                }
                INDArray gx = new GeometricTensor(x, in).transform(g).tensor();
                INDArray gFull = new GeometricTensor(full, out).transform(g).tensor();
                assertTrue(close(a.output(gx), crop(gFull)), gs.name() + " " + g + ": f_q(g.x) != crop(g.f(x))");
                checked++;
            }
            assertEquals(gs.fibergroup().order(), checked, gs.name() + ": every element preserves the grid");
        }
    }

    private static INDArray crop(INDArray full) {
        return full.get(all(), all(), interval(1, full.size(2)), interval(1, full.size(3)));
    }

    private static boolean close(INDArray expected, INDArray got) {
        return expected.sub(got).amaxNumber().doubleValue() <= 1e-12 * Math.max(1, expected.amaxNumber().doubleValue());
    }

    private static Supplier<List<Layer>> layers(int padding, int outputPadding) {
        return () -> List.of(new R2ConvTransposed.Builder(IN, OUT, 3).stride(2).padding(padding)
                .outputPadding(outputPadding).build());
    }

    @Test
    void gradientsAreCorrect() {
        LayerContract.assertGradientsCorrect("q = 1 <= p = 1", TestNetworks.input(IN, 3), layers(1, 1));
        LayerContract.assertGradientsCorrect("q = 1 > p = 0 (bias-only rows)", TestNetworks.input(IN, 3), layers(0, 1));
    }

    @Test
    void roundTrips(@TempDir Path dir) throws Exception {
        InputType type = TestNetworks.input(IN, 4);
        LayerContract.assertJsonRoundTrip("output padding", type, layers(1, 1));
        LayerContract.assertSerializerRoundTrip("output padding", type, layers(1, 1), dir);
    }

    @Test
    void exportsToDeconvolutionAndCroppingOrRefuses() {
        InputType type = TestNetworks.input(IN, 4);
        LayerContract.assertExportEquivalent("q = 1, p = 2", type, () -> List.of(new R2ConvTransposed.Builder(IN, OUT, 3)
                .stride(2).padding(2).outputPadding(1).build()));
        LayerContract.assertExportEquivalent("q = p = 1", type, layers(1, 1));
        LayerContract.assertExportRefused("q = 1 > p = 0", type, layers(0, 1), "R2ConvTransposed");
    }

    @Test
    void outputPaddingsPyTorchRefusesAreRefused() {
        R2ConvTransposed valid = new R2ConvTransposed.Builder(IN, OUT, 3).name("bad").stride(2).build();
        assertRefusedOnBothPaths(() -> new R2ConvTransposed.Builder(IN, OUT, 3).name("bad").stride(2).outputPadding(2)
                        .build(), valid, set("outputPadding", "2"), "R2ConvTransposed layer 'bad'",
                "smaller than the stride or the dilation", "stride 2, dilation 1", "got 2");
        assertRefusedOnBothPaths(() -> new R2ConvTransposed.Builder(IN, OUT, 3).name("bad").stride(2).outputPadding(-1)
                        .build(), valid, set("outputPadding", "-1"), "R2ConvTransposed layer 'bad'", ">= 0", "got -1");
        assertRefusedOnBothPaths(() -> new R2ConvTransposed.Builder(IN, OUT, 3).name("bad").stride(2).outputPadding(1)
                        .convolutionMode(ConvolutionMode.Same).build(),
                new R2ConvTransposed.Builder(IN, OUT, 3).name("bad").stride(2).outputPadding(1).build(),
                set("convolutionMode", "\"Same\""), "R2ConvTransposed layer 'bad'", "output padding 1",
                "Truncate or Strict");
    }
}
