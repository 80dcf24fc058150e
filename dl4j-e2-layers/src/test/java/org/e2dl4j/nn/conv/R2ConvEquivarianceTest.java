package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.EquivarianceCheck;
import org.e2dl4j.nn.EquivarianceReport;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * f(g.x) = g.f(x) for single steerable convolutions and stacks of them, in float, on every
 * grid-preserving element (90-degree rotations, reflections) of C4, C8, C16, D4, D8, SO(2) and O(2):
 * pixel permutations are exact, so the error must be float rounding only (relative 1e-5). Stacks use a
 * 5x5 layer, a 3x3 stride-2 layer and 3x3 layers (or a stride-2 transposed one) on an 11 x 11 input, sizes
 * for which every layer's sampling grid is symmetric about the centre.
 */
class R2ConvEquivarianceTest {

    private static final double TOLERANCE = 1e-5;
    private static final int SIZE = 11;

    private static Arguments stack(String name, FieldType... types) {
        return Arguments.of(name, List.of(types));
    }

    static Stream<Arguments> stacks() {
        GSpace c4 = GSpaces.rot2dOnR2(4);
        GSpace c8 = GSpaces.rot2dOnR2(8);
        GSpace c16 = GSpaces.rot2dOnR2(16);
        GSpace d4 = GSpaces.flipRot2dOnR2(4);
        GSpace d8 = GSpaces.flipRot2dOnR2(8);
        GSpace so2 = GSpaces.rot2dOnR2(-1, 3);
        GSpace o2 = GSpaces.flipRot2dOnR2(-1, 3);
        return Stream.of(
                stack("C4 layer", FieldType.trivial(c4, 2), FieldType.regular(c4, 2)),
                stack("C4 stack with irreps", FieldType.trivial(c4, 1), FieldType.regular(c4, 2),
                        FieldType.irrep(c4, 2, 1).plus(FieldType.trivial(c4, 1)), FieldType.regular(c4, 1)),
                stack("C8 layer", FieldType.trivial(c8, 2), FieldType.regular(c8, 1)),
                stack("C8 stack", FieldType.trivial(c8, 1), FieldType.regular(c8, 1),
                        FieldType.irrep(c8, 1, 3).plus(FieldType.irrep(c8, 1, 1)), FieldType.regular(c8, 1)),
                stack("C16 layer", FieldType.trivial(c16, 1), FieldType.regular(c16, 1)),
                stack("C16 stack", FieldType.trivial(c16, 1), FieldType.irrep(c16, 1, 2), FieldType.regular(c16, 1)),
                stack("D4 layer", FieldType.trivial(d4, 2), FieldType.regular(d4, 1)),
                stack("D4 stack", FieldType.trivial(d4, 1), FieldType.regular(d4, 1),
                        FieldType.irrep(d4, 1, 1, 1).plus(FieldType.irrep(d4, 1, 1, 0)), FieldType.regular(d4, 1)),
                stack("D8 layer", FieldType.trivial(d8, 1), FieldType.regular(d8, 1)),
                stack("D8 stack", FieldType.trivial(d8, 1), FieldType.irrep(d8, 1, 1, 2), FieldType.regular(d8, 1)),
                stack("SO(2) layer", FieldType.trivial(so2, 2), FieldType.irrep(so2, 1, 1).plus(FieldType.irrep(so2, 1, 3))),
                stack("SO(2) stack", FieldType.trivial(so2, 1), FieldType.irrep(so2, 1, 1).plus(FieldType.irrep(so2, 1, 2)),
                        FieldType.irrep(so2, 1, 0).plus(FieldType.irrep(so2, 1, 1))),
                stack("O(2) layer", FieldType.trivial(o2, 1), FieldType.irrep(o2, 1, 1, 1).plus(FieldType.irrep(o2, 1, 1, 0))),
                stack("O(2) stack", FieldType.trivial(o2, 1), FieldType.irrep(o2, 1, 1, 2).plus(FieldType.irrep(o2, 1, 1, 1)),
                        FieldType.irrep(o2, 1, 0, 0).plus(FieldType.irrep(o2, 1, 1, 2))));
    }

    private static MultiLayerNetwork network(List<FieldType> types, boolean transposedLast) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .list();
        for (int i = 0; i + 1 < types.size(); i++) {
            Layer l = i == 0
                    ? new R2Conv.Builder(types.get(0), types.get(1), 5).padding(2).build()
                    : transposedLast && i == types.size() - 2
                            ? new R2ConvTransposed.Builder(types.get(i), types.get(i + 1), 3).stride(2).build()
                            : new R2Conv.Builder(types.get(i), types.get(i + 1), 3).stride(i == 1 ? 2 : 1).padding(1)
                                    .build();
            b.layer(l);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(b.setInputType(InputType.convolutional(SIZE, SIZE,
                types.get(0).size())).validateOutputLayerConfig(false).build());
        net.init();
        return net;
    }

    private static List<GroupElement> gridPreserving(GSpace gs) {
        return gs.testingElements().stream().filter(gs::preservesGrid).toList();
    }

    private static void assertEquivariant(String name, List<FieldType> types, boolean transposedLast) {
        GSpace gs = types.get(0).gspace();
        List<GroupElement> elements = gridPreserving(gs);
        assertFalse(elements.isEmpty(), name + ": no grid-preserving testing element");
        EquivarianceReport r = EquivarianceCheck.of(network(types, transposedLast), types.get(0),
                types.get(types.size() - 1)).inputSize(SIZE, SIZE).elements(elements).run();
        assertTrue(r.maxExactRelativeError() <= TOLERANCE, name + ": relative error above " + TOLERANCE + " on "
                + gs.name() + "'s grid-preserving elements:\n" + r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void steerableConvolutionsCommuteWithGridPreservingElements(String name, List<FieldType> types) {
        assertEquivariant(name, types, false);
    }

    static Stream<Arguments> deepStacks() {
        return stacks().filter(a -> ((List<?>) a.get()[1]).size() > 2);
    }

    @ParameterizedTest(name = "{0}, transposed last layer")
    @MethodSource("deepStacks")
    void transposedConvolutionsCommuteWithGridPreservingElements(String name, List<FieldType> types) {
        assertEquivariant(name, types, true);
    }
}
