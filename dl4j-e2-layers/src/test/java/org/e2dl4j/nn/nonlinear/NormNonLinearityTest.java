package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.gradient.Gradient;
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
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@link NormNonLinearity}: hand-computed values of n_relu, n_sigmoid, n_softplus and squash, e2cnn's bias order and
 * initialisation, zero-norm fields, equivariance on C4, C8, D4 and for every rotation of SO(2) and O(2),
 * gradients (bias included), serialization, the export refusal and the build-time checks.
 */
class NormNonLinearityTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final GSpace SO2 = GSpaces.rot2dOnR2(-1, 4);
    private static final GSpace O2 = GSpaces.flipRot2dOnR2(-1, 4);

    /** A case: a norm nonlinearity on a field type. */
    record Case(String name, GSpace gspace, FieldType hidden, Function<FieldType, Layer> layer) {
        @Override
        public String toString() {
            return name;
        }

        FieldType in() {
            return FieldType.trivial(gspace, 1);
        }

        InputType input() {
            return InputType.convolutional(7, 7, 1);
        }

        Supplier<List<Layer>> layers() {
            return () -> List.of(new R2Conv.Builder(in(), hidden, 3).padding(1).build(), layer.apply(hidden),
                    new R2Conv.Builder(hidden, in(), 3).padding(1).build());
        }
    }

    static List<Case> cases() {
        FieldType c4 = FieldType.irrep(C4, 1, 1).plus(FieldType.trivial(C4, 1)).plus(FieldType.irrep(C4, 1, 1))
                .plus(FieldType.regular(C4, 1));
        FieldType c8 = FieldType.regular(C8, 1).plus(FieldType.irrep(C8, 1, 3)).plus(FieldType.irrep(C8, 1, 1));
        FieldType d4 = FieldType.irrep(D4, 1, 1, 1).plus(FieldType.irrep(D4, 1, 1, 0)).plus(FieldType.regular(D4, 1));
        FieldType so2 = FieldType.irrep(SO2, 1, 1).plus(FieldType.trivial(SO2, 1)).plus(FieldType.irrep(SO2, 1, 2));
        FieldType o2 = FieldType.irrep(O2, 1, 1, 1).plus(FieldType.irrep(O2, 1, 1, 0)).plus(FieldType.irrep(O2, 1, 1, 2));
        return List.of(
                new Case("n_relu on C4 mixed sizes", C4, c4, t -> new NormNonLinearity.Builder(t).build()),
                new Case("n_sigmoid on C8", C8, c8, t -> new NormNonLinearity.Builder(t).function("n_sigmoid").build()),
                new Case("squash on D4", D4, d4,
                        t -> new NormNonLinearity.Builder(t).function("squash").bias(false).build()),
                new Case("n_relu on SO(2) irreps", SO2, so2, t -> new NormNonLinearity.Builder(t).build()),
                new Case("n_sigmoid on O(2) irreps", O2, o2,
                        t -> new NormNonLinearity.Builder(t).function("n_sigmoid").build()));
    }

    /**
     * The cases and n_softplus on C8, which is left out of the ModelSerializer check: that check's one training step
     * at learning rate 1 drives softplus's log-biases past float's range (its derivative, a sigmoid, never vanishes).
     */
    static List<Case> casesWithSoftplus() {
        List<Case> all = new java.util.ArrayList<>(cases());
        FieldType c8 = FieldType.regular(C8, 1).plus(FieldType.irrep(C8, 1, 3)).plus(FieldType.irrep(C8, 1, 1));
        all.add(new Case("n_softplus on C8", C8, c8, t -> new NormNonLinearity.Builder(t).function("n_softplus").build()));
        return all;
    }

    @Test
    void nSoftplusSurvivesJson() {
        Case c = casesWithSoftplus().get(casesWithSoftplus().size() - 1);
        LayerContract.assertJsonRoundTrip(c.name(), c.input(), c.layers());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithSoftplus")
    void isEquivariantOnExactElements(Case c) {
        LayerContract.assertEquivariant(c.name(), c.input(), c.layers(), c.in(), c.in(), 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithSoftplus")
    void commutesWithTheFiberActionOfEveryTestedElement(Case c) {
        List<GroupElement> elements = c.gspace().fibergroup().isFinite() ? c.gspace().fibergroup().elements()
                : List.of(GroupElement.continuous(0, 0.3), GroupElement.continuous(0, 2.1),
                        c.gspace().fibergroup().hasReflections() ? GroupElement.continuous(1, 1.234)
                                : GroupElement.continuous(0, 4.5));
        NonlinearityChecks.assertFiberEquivariant(c.name(), c.layer().apply(c.hidden()), c.hidden(), c.hidden(),
                elements);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithSoftplus")
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

    @Test
    void exportIsRefusedNamingTheLayer() {
        Case c = cases().get(0);
        LayerContract.assertExportRefused(c.name(), c.input(), c.layers(), "NormNonLinearity");
    }

    /** One pixel of type [irrep_1, trivial, irrep_1] of C4: fields (3, 4), -2 and (0, 0). */
    private static final FieldType MIXED = FieldType.irrep(C4, 1, 1).plus(FieldType.trivial(C4, 1))
            .plus(FieldType.irrep(C4, 1, 1));

    private static INDArray mixedPixel() {
        return Nd4j.createFromArray(3.0, 4.0, -2.0, 0.0, 0.0).reshape(1, 5, 1, 1);
    }

    private static void assertPixel(String what, double[] expected, INDArray got) {
        double[] g = got.data().asDouble();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], g[i], 1e-12, what + ": channel " + i + " expected " + expected[i] + ", got " + g[i]);
        }
    }

    @Test
    void nReluWithTheInitialBiasOfOneShrinksEachNormByOne() {
        // b = exp(0) = 1: |(3,4)| = 5 -> 4, so (3,4) * 4/5; |-2| = 2 -> 1, so -1; the zero field stays 0
        INDArray y = NonlinearityChecks.apply(new NormNonLinearity.Builder(MIXED).build(), mixedPixel());
        assertPixel("n_relu, b = 1", new double[] {2.4, 3.2, -1.0, 0.0, 0.0}, y);
    }

    @Test
    void nSigmoidAndSquashRescaleTheNormsByTheirFunctions() {
        double s4 = 1 / (1 + Math.exp(-4));
        double s1 = 1 / (1 + Math.exp(-1));
        INDArray sig = NonlinearityChecks.apply(new NormNonLinearity.Builder(MIXED).function("n_sigmoid").build(),
                mixedPixel());
        assertPixel("n_sigmoid, b = 1", new double[] {3 * s4 / 5, 4 * s4 / 5, -s1, 0, 0}, sig);
        INDArray squash = NonlinearityChecks.apply(new NormNonLinearity.Builder(MIXED).function("squash").bias(false)
                .build(), mixedPixel());
        // n_softplus: 5 -> log(1 + e^4), 2 -> log(1 + e^1)
        INDArray softplus = NonlinearityChecks.apply(new NormNonLinearity.Builder(MIXED).function("n_softplus").build(),
                mixedPixel());
        double p4 = Math.log1p(Math.exp(4));
        double p1 = Math.log1p(Math.exp(1));
        assertPixel("n_softplus, b = 1", new double[] {3 * p4 / 5, 4 * p4 / 5, -p1, 0, 0}, softplus);
        // squash: n -> n / (1 + n): 5 -> 5/6, 2 -> 2/3
        assertPixel("squash", new double[] {0.5, 2.0 / 3, -2.0 / 3, 0, 0}, squash);
    }

    @Test
    void biasesFollowE2cnnOrderFieldsSortedBySize() {
        // fields [irrep_1, trivial, irrep_1] sorted by size: trivial (bias 0), then the two irrep_1 (biases 1, 2)
        MultiLayerNetwork net = NonlinearityChecks.single(new NormNonLinearity.Builder(MIXED).build(), DataType.DOUBLE);
        assertEquals(Nd4j.zeros(DataType.DOUBLE, 3), net.getParam("0_logBias"), "e2cnn initialises log_bias to 0");
        net.setParam("0_logBias", Nd4j.createFromArray(Math.log(0.5), Math.log(2.0), Math.log(3.0)));
        INDArray x = Nd4j.createFromArray(3.0, 4.0, -2.0, 0.6, 0.8).reshape(1, 5, 1, 1);
        // (3,4): b = 2 -> norm 3; -2: b = 0.5 -> norm 1.5; (0.6, 0.8): b = 3 > 1 -> 0
        assertPixel("per-field biases", new double[] {1.8, 2.4, -1.5, 0, 0}, net.output(x));
    }

    @Test
    void aZeroFieldMapsToZeroWithZeroGradient() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).updater(new NoOp()).list()
                .layer(new NormNonLinearity.Builder(MIXED).function("n_sigmoid").build())
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(1, 1, 5)).build());
        net.init();
        INDArray x = mixedPixel();
        Pair<Gradient, INDArray> g = net.calculateGradients(x, Nd4j.ones(DataType.DOUBLE, 1, 5, 1, 1), null, null);
        double[] dx = g.getSecond().data().asDouble();
        assertEquals(0.0, dx[3], 0.0, "dL/dx of the zero field");
        assertEquals(0.0, dx[4], 0.0, "dL/dx of the zero field");
        for (double v : dx) {
            assertTrue(Double.isFinite(v), "gradients must be finite, got " + java.util.Arrays.toString(dx));
        }
        assertTrue(Math.abs(dx[0]) > 0 && Math.abs(dx[2]) > 0, "non-zero fields get gradients");
    }

    @Test
    void outputTypeIsTheInputTypeAndDefaultsAreE2cnns() {
        NormNonLinearity n = new NormNonLinearity.Builder(MIXED).build();
        assertEquals(MIXED, n.outType());
        assertEquals("n_relu", n.getFunction(), "default function");
        assertTrue(n.isBias(), "bias by default");
    }

    @Test
    void badConfigurationsAreRejectedAtBuildTime() {
        IllegalArgumentException squash = assertThrows(IllegalArgumentException.class,
                () -> new NormNonLinearity.Builder(MIXED).function("squash").build());
        assertTrue(squash.getMessage().contains("squash") && squash.getMessage().contains("bias(false)"),
                squash.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new NormNonLinearity.Builder(MIXED).function("relu").build());
        assertTrue(unknown.getMessage().contains("n_sigmoid"), "should list the valid functions: " + unknown.getMessage());
        Representation custom = Representations.changeBasis(C4.irrep(1), new double[][] {{0, 1}, {1, 0}}, "swapped",
                EnumSet.noneOf(Nonlinearity.class));
        FieldType unsupported = new FieldType(C4, List.of(C4.trivialRepr(), custom));
        IllegalArgumentException field = assertThrows(IllegalArgumentException.class,
                () -> new NormNonLinearity.Builder(unsupported).build());
        assertTrue(field.getMessage().contains("field 1") && field.getMessage().contains("swapped")
                && field.getMessage().contains("norm"), field.getMessage());
    }
}
