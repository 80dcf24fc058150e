package org.e2dl4j.nn.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link MaskModule}: e2cnn's soft disk by hand, the layer contract on C8, export and bad configurations. */
class MaskModuleTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final FieldType IN = FieldType.trivial(C8, 2);
    private static final FieldType HIDDEN = FieldType.regular(C8, 1).plus(FieldType.irrep(C8, 1, 2));
    private static final InputType INPUT = InputType.convolutional(9, 9, IN.size());

    private static final Supplier<List<Layer>> LAYERS = () -> List.of(
            new R2Conv.Builder(IN, HIDDEN, 3).padding(1).build(),
            new MaskModule.Builder(HIDDEN, 9).margin(20).build(),
            new R2Conv.Builder(HIDDEN, IN, 3).padding(1).build());

    /**
     * S = 5: centre c = 2. Margin 0: t = c^2 = 4, so the corner (r = 8) gets exp((4 - 8) / 4) = exp(-1), the
     * pixel next to it (r = 5) exp(-1/4), the edge midpoint (r = 4) and the centre 1. Margin 50: t = 1, the edge
     * midpoint gets exp((1 - 4) / 4).
     */
    @Test
    void theMaskIsE2cnnsSoftDisk() {
        double[] m = new MaskModule.Builder(IN, 5).build().mask();
        assertEquals(Math.exp(-1), m[0], 1e-15, "corner (0, 0)");
        assertEquals(Math.exp(-0.25), m[1], 1e-15, "(0, 1)");
        assertEquals(1.0, m[2], 0, "edge midpoint (0, 2)");
        assertEquals(1.0, m[12], 0, "centre");
        assertEquals(Math.exp(-1), m[24], 1e-15, "corner (4, 4)");
        double[] half = new MaskModule.Builder(IN, 5).margin(50).build().mask();
        assertEquals(Math.exp(-0.75), half[2], 1e-15, "edge midpoint with margin 50");
        assertEquals(1.0, half[7], 0, "(1, 2) at distance 1 with margin 50");
        double[] sharp = new MaskModule.Builder(IN, 5).sigma(1).build().mask();
        assertEquals(Math.exp(-4), sharp[0], 1e-15, "corner with sigma 1");
    }

    @Test
    void everyChannelIsMultipliedByTheMask() {
        MaskModule layer = new MaskModule.Builder(HIDDEN, 5).build();
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, InputType.convolutional(5, 5, HIDDEN.size()),
                List.of(layer));
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 5, 2, HIDDEN.size(), 5, 5);
        INDArray y = net.output(x);
        double[] m = layer.mask();
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < HIDDEN.size(); c++) {
                for (int p = 0; p < 25; p++) {
                    assertEquals(x.getDouble(n, c, p / 5, p % 5) * m[p], y.getDouble(n, c, p / 5, p % 5), 1e-14,
                            "example " + n + ", channel " + c + ", pixel " + p);
                }
            }
        }
    }

    @Test
    void isEquivariantOnExactElementsOfC8() {
        LayerContract.assertEquivariant("C8 mask", INPUT, LAYERS, IN, IN, 1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerContract.assertGradientsCorrect("C4 mask", InputType.convolutional(5, 5, 1), () -> {
            GSpace c4 = GSpaces.rot2dOnR2(4);
            FieldType in = FieldType.trivial(c4, 1);
            FieldType hidden = FieldType.regular(c4, 1);
            return List.of(new R2Conv.Builder(in, hidden, 3).padding(1).build(),
                    new MaskModule.Builder(hidden, 5).build(),
                    new R2Conv.Builder(hidden, in, 3).padding(1).build());
        });
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("C8 mask", INPUT, LAYERS);
        LayerContract.assertSerializerRoundTrip("C8 mask", INPUT, LAYERS, dir);
    }

    @Test
    void exportsToAFrozenElementWiseMultiplicationWithTheSameOutput() {
        LayerContract.assertExportEquivalent("C8 mask", INPUT, LAYERS);
        MultiLayerNetwork std = Export.toStandard(TestNetworks.withLoss(DataType.FLOAT, 1, INPUT, LAYERS.get()));
        Layer exported = std.getLayerWiseConfigurations().getConf(1).getLayer();
        assertTrue(exported instanceof FrozenLayerWithBackprop
                        && ((FrozenLayerWithBackprop) exported).getUnderlying() instanceof ElementWiseMultiplicationLayer,
                "the mask becomes a frozen ElementWiseMultiplicationLayer, got " + exported);
        ComputationGraph graph = TestNetworks.graphWithLoss(DataType.FLOAT, 1, INPUT, LAYERS.get());
        INDArray before = Export.toStandard(graph).getLayer("l1_export0").params().dup();
        ComputationGraph gstd = Export.toStandard(graph);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 2, 2, 2, 9, 9);
        gstd.fit(new INDArray[] {x}, new INDArray[] {TestNetworks.gaussian(DataType.FLOAT, 3, 2, 2, 9, 9)});
        assertEquals(before, gstd.getLayer("l1_export0").params(), "the exported mask must not train");
    }

    @Test
    void anInputOfAnotherSizeIsRejectedAtConfigurationTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NeuralNetConfiguration.Builder().list()
                        .layer(new MaskModule.Builder(IN, 9).build())
                        .setInputType(InputType.convolutional(7, 7, 2)).build());
        assertTrue(e.getMessage().contains("MaskModule") && e.getMessage().contains("9 x 9")
                        && e.getMessage().contains("7 x 7"), "message should give both sizes: " + e.getMessage());
    }

    @Test
    void badSettingsAreRejectedAtBuildTime() {
        for (Runnable bad : List.<Runnable>of(
                () -> new MaskModule.Builder(IN, 0).build(),
                () -> new MaskModule.Builder(IN, 5).margin(120).build(),
                () -> new MaskModule.Builder(IN, 5).margin(-1).build(),
                () -> new MaskModule.Builder(IN, 5).sigma(0).build())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::run);
            assertTrue(e.getMessage().startsWith("MaskModule"), "message should name the layer: " + e.getMessage());
        }
    }

    @Test
    void outputTypeIsTheInputType() {
        assertEquals(HIDDEN, new MaskModule.Builder(HIDDEN, 5).build().outType());
        assertArrayEquals(new long[] {1, 2, 9, 9}, TestNetworks.withLoss(DataType.FLOAT, 1, INPUT, LAYERS.get())
                .output(Nd4j.ones(DataType.FLOAT, 1, 2, 9, 9)).shape(), "shape kept");
    }
}
