package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.DoublePrecision;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's numerical gradient check (double precision, central differences) on networks of steerable
 * convolutions followed by a per-pixel MSE loss, in MultiLayerNetwork and ComputationGraph form: proves
 * the backward pass (conv2d_bp plus the transposed filter and bias expansions) is the derivative of the
 * forward pass.
 */
@ExtendWith(DoublePrecision.class)
class R2ConvGradientTest {

    private static final double EPSILON = 1e-6;
    private static final double MAX_RELATIVE_ERROR = 1e-5;
    private static final double MIN_ABSOLUTE_ERROR = 1e-9;
    /** Entries checked per parameter array (spread over the array), to keep the suite fast. */
    private static final int MAX_CHECKED_PER_PARAM = 60;

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final GSpace SO2 = GSpaces.rot2dOnR2(-1, 3);
    private static final GSpace O2 = GSpaces.flipRot2dOnR2(-1, 3);

    private static Arguments network(String name, int size, int channels, Supplier<List<Layer>> layers) {
        return Arguments.of(name, InputType.convolutional(size, size, channels), layers);
    }

    static Stream<Arguments> networks() {
        FieldType c4Trivial = FieldType.trivial(C4, 2);
        FieldType c4Regular = FieldType.regular(C4, 2);
        FieldType c4Mixed = new FieldType(C4, List.of(C4.trivialRepr(), C4.irrep(1), C4.trivialRepr(),
                C4.trivialRepr(), C4.irrep(1), C4.irrep(2)));
        FieldType c8In = FieldType.trivial(C8, 1).plus(FieldType.irrep(C8, 1, 1));
        FieldType c8Out = FieldType.regular(C8, 1).plus(FieldType.irrep(C8, 1, 3));
        FieldType d4In = FieldType.trivial(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        FieldType d4Out = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 0));
        FieldType so2 = FieldType.irrep(SO2, 1, 0).plus(FieldType.irrep(SO2, 1, 1)).plus(FieldType.irrep(SO2, 1, 2));
        FieldType o2 = FieldType.irrep(O2, 1, 0, 0).plus(FieldType.irrep(O2, 1, 1, 1))
                .plus(FieldType.irrep(O2, 1, 1, 2));
        return Stream.of(
                network("C4 trivial -> regular -> irrep_1 + trivial, padding 1", 6, 2, () -> List.of(
                        new R2Conv.Builder(c4Trivial, c4Regular, 3).padding(1).build(),
                        new R2Conv.Builder(c4Regular, FieldType.irrep(C4, 1, 1).plus(FieldType.trivial(C4, 1)), 3)
                                .build())),
                network("C4 without bias, stride 2", 7, 2, () -> List.of(
                        new R2Conv.Builder(c4Trivial, c4Regular, 3).stride(2).bias(false).build())),
                network("C4 dilation 2, Same padding mode", 6, 2, () -> List.of(
                        new R2Conv.Builder(c4Trivial, c4Regular, 3).dilation(2).convolutionMode(ConvolutionMode.Same)
                                .build())),
                network("C4 interleaved mixed field types", 5, c4Mixed.size(), () -> List.of(
                        new R2Conv.Builder(c4Mixed, c4Mixed, 3).padding(1).build())),
                network("C4 two groups", 5, 4, () -> List.of(
                        new R2Conv.Builder(FieldType.trivial(C4, 4), c4Regular, 3).groups(2).build())),
                network("C4 tanh on regular fields (recomputed pre-activation)", 5, 2, () -> List.of(
                        new R2Conv.Builder(c4Trivial, c4Regular, 3).activation(Activation.TANH).build())),
                network("C4 transposed, stride 2", 4, 8, () -> List.of(
                        new R2ConvTransposed.Builder(c4Regular, c4Trivial, 3).stride(2).build())),
                network("C8 trivial + irrep_1 -> regular + irrep_3", 5, c8In.size(), () -> List.of(
                        new R2Conv.Builder(c8In, c8Out, 3).build())),
                network("D4 trivial + irrep_1,1 -> regular + irrep_1,0", 5, d4In.size(), () -> List.of(
                        new R2Conv.Builder(d4In, d4Out, 3).padding(1).build())),
                network("SO(2) irreps 0, 1, 2", 5, so2.size(), () -> List.of(
                        new R2Conv.Builder(so2, so2, 3).build())),
                network("O(2) irreps 0,0, 1,1, 1,2", 5, o2.size(), () -> List.of(
                        new R2Conv.Builder(o2, o2, 3).build())));
    }

    private static INDArray input(InputType type, long seed) {
        InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) type;
        return TestNetworks.gaussian(DataType.DOUBLE, seed, 2, c.getChannels(), c.getHeight(), c.getWidth());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void gradientsMatchFiniteDifferencesInMultiLayerNetwork(String name, InputType type, Supplier<List<Layer>> layers) {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 11, type, layers.get());
        INDArray x = input(type, 1);
        INDArray y = TestNetworks.gaussian(DataType.DOUBLE, 2, net.output(x).shape());
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                .epsilon(EPSILON).maxRelError(MAX_RELATIVE_ERROR).minAbsoluteError(MIN_ABSOLUTE_ERROR)
                .subset(true).maxPerParam(MAX_CHECKED_PER_PARAM)),
                "MultiLayerNetwork gradient check failed for " + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void gradientsMatchFiniteDifferencesInComputationGraph(String name, InputType type, Supplier<List<Layer>> layers) {
        ComputationGraph graph = TestNetworks.graphWithLoss(DataType.DOUBLE, 12, type, layers.get());
        INDArray x = input(type, 3);
        INDArray y = TestNetworks.gaussian(DataType.DOUBLE, 4, graph.outputSingle(x).shape());
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                .inputs(new INDArray[] {x}).labels(new INDArray[] {y}).epsilon(EPSILON)
                .maxRelError(MAX_RELATIVE_ERROR).minAbsoluteError(MIN_ABSOLUTE_ERROR).subset(true)
                .maxPerParam(MAX_CHECKED_PER_PARAM)),
                "ComputationGraph gradient check failed for " + name);
    }
}
