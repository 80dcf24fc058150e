package org.e2dl4j.nn.conv;

import static org.e2dl4j.nn.testing.TestNetworks.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.structure.MaskModule;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * {@code R2Conv.Builder.inputGradient(false)}: the parameter gradients equal those of the same network with dL/dx
 * (in float and double, on the swapped-convolution path and on every fallback: stride, Same mode, reflect padding,
 * several input channels, a transposed convolution with output padding), pass DL4J's numerical gradient check, no
 * input gradient is reported, a layer with parameters below it is refused by name, and the setting survives JSON and
 * ModelSerializer.
 */
class R2ConvInputGradientTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final FieldType GREY = FieldType.trivial(C8, 1);
    private static final FieldType PAIR = FieldType.trivial(C8, 2);
    private static final FieldType HIDDEN = FieldType.regular(C8, 1).plus(FieldType.trivial(C8, 1));

    static Stream<Arguments> firstLayers() {
        return Stream.of(
                Arguments.of("1 channel, k5 p1 (swapped convolution)", GREY,
                        (Function<Boolean, AbstractR2Conv>) g -> new R2Conv.Builder(GREY, HIDDEN, 5).padding(1)
                                .inputGradient(g).build()),
                Arguments.of("2 channels, k5 p2, no bias (swapped convolution)", PAIR,
                        (Function<Boolean, AbstractR2Conv>) g -> new R2Conv.Builder(PAIR, HIDDEN, 5).padding(2)
                                .bias(false).inputGradient(g).build()),
                Arguments.of("stride 2 (backward op)", GREY,
                        (Function<Boolean, AbstractR2Conv>) g -> new R2Conv.Builder(GREY, HIDDEN, 3).stride(2)
                                .padding(1).inputGradient(g).build()),
                Arguments.of("Same mode (backward op)", PAIR,
                        (Function<Boolean, AbstractR2Conv>) g -> new R2Conv.Builder(PAIR, HIDDEN, 3)
                                .convolutionMode(ConvolutionMode.Same).inputGradient(g).build()),
                Arguments.of("reflect padding (padded input)", GREY,
                        (Function<Boolean, AbstractR2Conv>) g -> new R2Conv.Builder(GREY, HIDDEN, 3).padding(1)
                                .paddingMode(PaddingMode.REFLECT).inputGradient(g).build()),
                Arguments.of("transposed, stride 2, output padding 1 (backward op on the padded dL/dy)", GREY,
                        (Function<Boolean, AbstractR2Conv>) g -> new R2ConvTransposed.Builder(GREY, HIDDEN, 3).stride(2)
                                .padding(1).outputPadding(1).inputGradient(g).build()));
    }

    private static List<Layer> network(FieldType in, Function<Boolean, AbstractR2Conv> first, boolean inputGradient) {
        AbstractR2Conv conv = first.apply(inputGradient);
        return List.of(new MaskModule.Builder(in, 9).build(), conv,
                new InnerBatchNorm.Builder(conv.getOutType()).build(),
                new R2Conv.Builder(conv.getOutType(), GREY, 3).padding(1).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstLayers")
    void parameterGradientsAreThoseOfTheFullBackwardPass(String name, FieldType in,
                                                        Function<Boolean, AbstractR2Conv> first) {
        for (DataType dt : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            InputType type = input(in, 9);
            MultiLayerNetwork full = TestNetworks.withLoss(dt, 5, type, network(in, first, true));
            MultiLayerNetwork skip = TestNetworks.withLoss(dt, 5, type, network(in, first, false));
            skip.setParams(full.params());
            INDArray x = TestNetworks.gaussian(dt, 6, 3, in.size(), 9, 9);
            INDArray y = TestNetworks.gaussian(dt, 7, full.output(x).shape());
            Pair<Gradient, INDArray> withInput = full.calculateGradients(x, y, null, null);
            Pair<Gradient, INDArray> without = skip.calculateGradients(x, y, null, null);
            assertNotNull(withInput.getSecond(), name + ": the full network reports dL/dx");
            assertNull(without.getSecond(), name + ": no input gradient is reported");
            INDArray expected = withInput.getFirst().gradient();
            INDArray got = without.getFirst().gradient();
            double scale = expected.amaxNumber().doubleValue();
            double err = expected.sub(got).amaxNumber().doubleValue() / scale;
            assertTrue(err < (dt == DataType.FLOAT ? 1e-5 : 1e-13), dt + " " + name + ": relative error " + err);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("firstLayers")
    void gradientsMatchFiniteDifferences(String name, FieldType in,
                                          Function<Boolean, AbstractR2Conv> first) {
        LayerContract.assertGradientsCorrect(name, input(in, 9), () -> {
            AbstractR2Conv conv = first.apply(false);
            return List.of(conv, new R2Conv.Builder(conv.getOutType(), GREY, 3).padding(1).build());
        });
    }

    @Test
    void aLayerWithParametersBelowIsRefusedByName() {
        R2Conv below = new R2Conv.Builder(GREY, PAIR, 3).padding(1).name("stem").build();
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 3, input(GREY, 9), List.of(below,
                new R2Conv.Builder(PAIR, HIDDEN, 3).padding(1).inputGradient(false).build()));
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 1, 2, 1, 9, 9);
        INDArray y = TestNetworks.gaussian(DataType.FLOAT, 2, net.output(x).shape());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.fit(x, y));
        assertTrue(e.getMessage().contains("stem") && e.getMessage().contains("layer index 0")
                && e.getMessage().contains("inputGradient(false)"), e.getMessage());
    }

    /** In a graph the convolution must be fed by the graph's input: a graph vertex needs dL/dy from every consumer. */
    @Test
    void trainsInAComputationGraph() {
        R2Conv conv = new R2Conv.Builder(GREY, HIDDEN, 7).padding(1).inputGradient(false).build();
        List<Layer> layers = List.of(conv, new InnerBatchNorm.Builder(HIDDEN).build(),
                new R2Conv.Builder(HIDDEN, GREY, 3).padding(1).build());
        ComputationGraph graph = TestNetworks.graphWithLoss(DataType.FLOAT, 4, input(GREY, 9), layers);
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, 1, 2, 1, 9, 9);
        INDArray y = TestNetworks.gaussian(DataType.FLOAT, 2, graph.outputSingle(x).shape());
        INDArray before = graph.params().dup();
        graph.fit(new DataSet(x, y));
        assertNotEquals(before, graph.params(), "a step moved the parameters");
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        R2Conv conv = new R2Conv.Builder(GREY, HIDDEN, 7).padding(1).inputGradient(false).build();
        assertEquals(false, conv.isInputGradient());
        assertNotEquals(conv, new R2Conv.Builder(GREY, HIDDEN, 7).padding(1).build(), "part of equals");
        assertTrue(conv.toString().contains("no input gradient"), conv.toString());
        LayerContract.assertJsonRoundTrip("inputGradient(false)", input(GREY, 9), () -> List.of(conv));
        LayerContract.assertSerializerRoundTrip("inputGradient(false)", input(GREY, 9), () -> List.of(conv), dir);
    }
}
