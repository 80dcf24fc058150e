package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The pointwise nonlinearities {@link ReLU}, {@link ELU}, {@link LeakyReLU} and {@link PointwiseNonLinearity}:
 * their values against the scalar formulas, the layer contract on C4, C8 and D4 (regular, trivial and quotient
 * fields), export to a stock
 * ActivationLayer, and the refusal of fields that are not permutation representations.
 */
class PointwiseNonLinearityTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    /** A case: the layer on a field type, built from it. */
    record Case(String name, GSpace gspace, FieldType hidden, Function<FieldType, Layer> layer) {
        @Override
        public String toString() {
            return name;
        }

        FieldType in() {
            return FieldType.trivial(gspace, 2);
        }

        InputType input() {
            return InputType.convolutional(7, 7, in().size());
        }

        /** A convolution into the hidden type, the nonlinearity, a convolution back to scalars. */
        Supplier<List<Layer>> layers() {
            return () -> List.of(new R2Conv.Builder(in(), hidden, 3).padding(1).build(), layer.apply(hidden),
                    new R2Conv.Builder(hidden, in(), 3).padding(1).build());
        }
    }

    static List<Case> cases() {
        FieldType c8 = FieldType.regular(C8, 2).plus(FieldType.trivial(C8, 1));
        FieldType d4 = FieldType.regular(D4, 1).plus(FieldType.of(D4, D4.quotientRepr(SubgroupId.dihedral(0, 1)), 1));
        FieldType c4 = FieldType.regular(C4, 1).plus(FieldType.of(C4, C4.quotientRepr(SubgroupId.rotations(2)), 1));
        return List.of(
                new Case("ReLU on C8 regular + trivial", C8, c8, t -> new ReLU.Builder(t).build()),
                new Case("ELU(0.7) on D4 regular + quotient", D4, d4, t -> new ELU.Builder(t).alpha(0.7).build()),
                new Case("LeakyReLU(0.2) on C4 regular + quotient", C4, c4,
                        t -> new LeakyReLU.Builder(t).negativeSlope(0.2).build()),
                new Case("p_tanh on D4", D4, d4, t -> new PointwiseNonLinearity.Builder(t).function("p_tanh").build()),
                new Case("SWISH on C8", C8, c8,
                        t -> new PointwiseNonLinearity.Builder(t).function(Activation.SWISH).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isEquivariantOnExactElements(Case c) {
        LayerContract.assertEquivariant(c.name(), c.input(), c.layers(), c.in(), c.in(), 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void commutesWithTheFiberActionOfEveryElement(Case c) {
        NonlinearityChecks.assertFiberEquivariant(c.name(), c.layer().apply(c.hidden()), c.hidden(), c.hidden(),
                c.gspace().fibergroup().elements());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(Case c) {
        LayerContract.assertGradientsCorrect(c.name(), NonlinearityChecks.GRADIENT_INPUT,
                NonlinearityChecks.behindStockConvolution(c.hidden(), () -> c.layer().apply(c.hidden())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void survivesJsonAndModelSerializer(Case c, @TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip(c.name(), c.input(), c.layers());
        LayerContract.assertSerializerRoundTrip(c.name(), c.input(), c.layers(), dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exportsToAStockActivationLayerWithTheSameOutput(Case c) {
        LayerContract.assertExportEquivalent(c.name(), c.input(), c.layers());
    }

    @Test
    void valuesAreTheScalarFormulasOnEveryChannel() {
        FieldType t = FieldType.regular(C8, 1);
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 5, 2, 8, 2, 2);
        double[] in = x.data().asDouble();
        assertValues("ReLU", new ReLU.Builder(t).build(), x, in, v -> Math.max(0, v));
        assertValues("ELU(0.7)", new ELU.Builder(t).alpha(0.7).build(), x, in,
                v -> v > 0 ? v : 0.7 * (Math.exp(v) - 1));
        assertValues("LeakyReLU(0.2)", new LeakyReLU.Builder(t).negativeSlope(0.2).build(), x, in,
                v -> v >= 0 ? v : 0.2 * v);
        assertValues("p_sigmoid", new PointwiseNonLinearity.Builder(t).function("p_sigmoid").build(), x, in,
                v -> 1 / (1 + Math.exp(-v)));
        assertValues("p_elu", new PointwiseNonLinearity.Builder(t).function("p_elu").build(), x, in,
                v -> v > 0 ? v : Math.exp(v) - 1);
    }

    private static void assertValues(String name, Layer layer, INDArray x, double[] in,
                                     java.util.function.DoubleUnaryOperator f) {
        double[] out = NonlinearityChecks.apply(layer, x).data().asDouble();
        for (int i = 0; i < in.length; i++) {
            assertEquals(f.applyAsDouble(in[i]), out[i], 1e-12, name + " at element " + i + " (input " + in[i] + ")");
        }
    }

    @Test
    void defaultsAreThoseOfE2cnnAndPyTorch() {
        FieldType t = FieldType.regular(C8, 1);
        assertEquals(1.0, new ELU.Builder(t).build().getAlpha(), "ELU alpha");
        assertEquals(0.01, new LeakyReLU.Builder(t).build().getNegativeSlope(), "LeakyReLU negative slope");
        assertEquals(new org.nd4j.linalg.activations.impl.ActivationReLU(),
                new PointwiseNonLinearity.Builder(t).build().getFunction(), "PointwiseNonLinearity default p_relu");
        assertEquals(t, new ReLU.Builder(t).build().outType(), "output type = input type");
    }

    @Test
    void reluOnAVectorFieldIsRejectedNamingWhatIrrep1Supports() {
        FieldType t = FieldType.regular(C8, 1).plus(FieldType.irrep(C8, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReLU.Builder(t).build());
        String m = e.getMessage();
        assertTrue(m.contains("ReLU") && m.contains("field 1") && m.contains("irrep_1") && m.contains("pointwise")
                && m.contains("[norm, gated]"), "message should name the layer, field 1, irrep_1 and its supported"
                + " nonlinearities [norm, gated], got: " + m);
        for (Function<FieldType, Layer> other : List.<Function<FieldType, Layer>>of(
                x -> new ELU.Builder(x).build(), x -> new LeakyReLU.Builder(x).build(),
                x -> new PointwiseNonLinearity.Builder(x).build())) {
            assertThrows(IllegalArgumentException.class, () -> other.apply(t), "every pointwise layer refuses irrep_1");
        }
    }

    @Test
    void unknownFunctionsAndNonPointwiseActivationsAreRejected() {
        FieldType t = FieldType.regular(C8, 1);
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new PointwiseNonLinearity.Builder(t).function("relu"));
        assertTrue(unknown.getMessage().contains("p_relu"), "should list the valid names: " + unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new PointwiseNonLinearity.Builder(t).function(new ActivationSoftmax()), "softmax is not pointwise");
        assertThrows(IllegalArgumentException.class,
                () -> new PointwiseNonLinearity.Builder(t).function(Activation.RRELU), "random ReLU is not deterministic");
        assertThrows(IllegalArgumentException.class, () -> new ELU.Builder(t).alpha(Double.NaN).build());
    }

    @Test
    void inputOfAnotherFieldTypeIsRejectedAtConfigurationTime() {
        FieldType in = FieldType.trivial(C8, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().list()
                        .layer(new R2Conv.Builder(in, FieldType.regular(C8, 1), 3).build())
                        .layer(new ReLU.Builder(FieldType.trivial(C8, 8)).build())
                        .setInputType(InputType.convolutional(5, 5, 1)).build());
        assertTrue(e.getMessage().contains("ReLU") && e.getMessage().contains("mismatch"), e.getMessage());
    }
}
