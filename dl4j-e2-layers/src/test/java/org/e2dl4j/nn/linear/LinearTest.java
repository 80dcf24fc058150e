package org.e2dl4j.nn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The layer contract of {@link Linear} and hand-derived cases. */
class LinearTest {

    private static final GSpace C4 = GSpaces.noBaseSpace(Groups.cyclic(4));
    private static final GSpace D4 = GSpaces.noBaseSpace(Groups.dihedral(4));
    private static final GSpace SO2 = GSpaces.noBaseSpace(Groups.so2(4));
    private static final GSpace O2 = GSpaces.noBaseSpace(Groups.o2(4));

    static Stream<Arguments> layers() {
        FieldType c4In = FieldType.regular(C4, 2).plus(FieldType.irrep(C4, 1, 1)).plus(FieldType.trivial(C4, 1));
        FieldType c4Out = FieldType.irrep(C4, 1, 1).plus(FieldType.regular(C4, 1)).plus(FieldType.irrep(C4, 1, 2));
        FieldType d4In = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
        FieldType d4Out = FieldType.irrep(D4, 1, 1, 1).plus(FieldType.trivial(D4, 2)).plus(FieldType.regular(D4, 1));
        FieldType so2In = FieldType.irrep(SO2, 1, 0).plus(FieldType.irrep(SO2, 2, 1)).plus(FieldType.irrep(SO2, 1, 3));
        FieldType so2Out = FieldType.irrep(SO2, 1, 1).plus(FieldType.irrep(SO2, 1, 0)).plus(FieldType.irrep(SO2, 1, 3));
        FieldType o2In = FieldType.irrep(O2, 1, 1, 1).plus(FieldType.irrep(O2, 1, 0, 0)).plus(FieldType.irrep(O2, 1, 1, 0));
        FieldType o2Out = FieldType.irrep(O2, 1, 1, 0).plus(FieldType.irrep(O2, 2, 1, 1)).plus(FieldType.irrep(O2, 1, 0, 0));
        return Stream.of(Arguments.of("C4 mixed", c4In, c4Out, true), Arguments.of("C4 no bias", c4In, c4Out, false),
                Arguments.of("D4", d4In, d4Out, true), Arguments.of("SO(2)", so2In, so2Out, true),
                Arguments.of("O(2)", o2In, o2Out, true));
    }

    private static Supplier<List<Layer>> linear(FieldType in, FieldType out, boolean bias) {
        return () -> List.of(new Linear.Builder(in, out).bias(bias).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void equivariantOnEveryTestingElement(String name, FieldType in, FieldType out, boolean bias) {
        LayerContract.assertEquivariant(name, TestNetworks.fibers(in), linear(in, out, bias), in, out, 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void gradientsAreCorrect(String name, FieldType in, FieldType out, boolean bias) {
        LayerContract.assertGradientsCorrect(name, TestNetworks.fibers(in), linear(in, out, bias));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void roundTripsThroughJsonAndModelSerializer(String name, FieldType in, FieldType out, boolean bias,
                                                 @TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip(name, TestNetworks.fibers(in), linear(in, out, bias));
        LayerContract.assertSerializerRoundTrip(name, TestNetworks.fibers(in), linear(in, out, bias), dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void exportsToADenseLayer(String name, FieldType in, FieldType out, boolean bias) {
        LayerContract.assertExportEquivalent(name, TestNetworks.fibers(in), linear(in, out, bias));
    }

    /** On the trivial group every matrix is equivariant: the basis is the unit matrices E_oi, o outer, i inner. */
    @Test
    void onTheTrivialGroupItIsAnOrdinaryAffineMap() {
        GSpace point = GSpaces.noBaseSpace(Groups.trivial());
        FieldType in = FieldType.trivial(point, 3);
        FieldType out = FieldType.trivial(point, 2);
        Linear layer = new Linear.Builder(in, out).build();
        assertEquals(8, layer.initializer().numParams(layer), "6 weights and 2 biases");
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, TestNetworks.fibers(in), List.of(layer));
        double[] w = {1, 2, 3, 4, 5, 6};
        double[] b = {0.5, -1};
        net.getLayer(0).setParam("W", Nd4j.createFromArray(w));
        net.getLayer(0).setParam("b", Nd4j.createFromArray(b));
        double[][] x = {{1, 0, -1}, {2, 1, 0.5}};
        INDArray y = net.output(Nd4j.createFromArray(x));
        for (int n = 0; n < 2; n++) {
            for (int o = 0; o < 2; o++) {
                double expected = b[o];
                for (int i = 0; i < 3; i++) {
                    expected += w[o * 3 + i] * x[n][i];
                }
                assertEquals(expected, y.getDouble(n, o), 1e-12, "y[" + n + "][" + o + "]");
            }
        }
    }

    /** C4's irrep 1 to itself: W = a I + b J, so (1, 0) goes to (a, b) and (0, 1) to (-b, a); no bias (no trivial). */
    @Test
    void aComplexIrrepMapsByARotationAndScale() {
        FieldType v = FieldType.irrep(C4, 1, 1);
        Linear layer = new Linear.Builder(v, v).build();
        assertEquals(2, layer.initializer().numParams(layer));
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}});
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, TestNetworks.fibers(v), List.of(layer));
        net.getLayer(0).setParam("W", Nd4j.createFromArray(2.0, 3.0));
        INDArray y = net.output(x);
        assertEquals(Nd4j.createFromArray(new double[][] {{2, 3}, {-3, 2}}), y);
    }

    /** The backward pass of the rotation-and-scale case by hand: dx = dy W. */
    @Test
    void backwardIsTheTransposedMap() {
        FieldType v = FieldType.irrep(C4, 1, 1);
        Linear layer = new Linear.Builder(v, v).build();
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}});
        INDArray dy = Nd4j.createFromArray(new double[][] {{1, 0}});
        INDArray dx = LayerRunner.backward(layer, TestNetworks.fibers(v), x, dy);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1, TestNetworks.fibers(v), List.of(layer.clone()));
        INDArray w = net.getLayer(0).getParam("W");
        double a = w.getDouble(0);
        double b = w.getDouble(1);
        assertEquals(Nd4j.createFromArray(new double[][] {{a, -b}}).sub(dx).amaxNumber().doubleValue(), 0, 1e-12,
                "dx = dy [[a, -b], [b, a]] for dy = (1, 0)");
    }

    /** escnn's parameter counts: basis dimension plus one bias per trivial irrep of the output (see also linear.json). */
    @Test
    void parameterCountIsEscnns() {
        FieldType in = FieldType.regular(GSpaces.noBaseSpace(Groups.cyclic(8)), 2);
        FieldType out = FieldType.regular(GSpaces.noBaseSpace(Groups.cyclic(8)), 3);
        Linear layer = new Linear.Builder(in, out).build();
        assertEquals(51, layer.initializer().numParams(layer), "2 x 3 x 8 weights + 3 biases (escnn: 51)");
        assertEquals(48, new Linear.Builder(in, out).bias(false).build().layerBasis().dimension());
    }
}
