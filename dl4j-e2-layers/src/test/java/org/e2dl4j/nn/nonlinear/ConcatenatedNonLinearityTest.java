package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.FieldTypeJson;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link ConcatenatedNonLinearity} and its output representation: the matrices of concatenated_rho against
 * hand-built ones (the swap for a sign, rho(g) (x) I_2 for a permutation), interleaved values (f(x), f(-x)),
 * equivariance of a network that convolves the doubled fields further, gradients, serialization (field types
 * with concatenated representations included), the export refusal and the build-time checks.
 */
class ConcatenatedNonLinearityTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    private static final FieldType C4_TYPE = FieldType.regular(C4, 1).plus(FieldType.trivial(C4, 1))
            .plus(FieldType.irrep(C4, 1, 2));
    private static final FieldType D4_TYPE = FieldType.irrep(D4, 1, 1, 0).plus(FieldType.regular(D4, 1))
            .plus(FieldType.of(D4, D4.quotientRepr(SubgroupId.dihedral(0, 1)), 1));

    private static Supplier<List<Layer>> layers(FieldType hidden, String function) {
        FieldType in = FieldType.trivial(hidden.gspace(), 1);
        return () -> {
            ConcatenatedNonLinearity c = new ConcatenatedNonLinearity.Builder(hidden).function(function).build();
            return List.of(new R2Conv.Builder(in, hidden, 3).padding(1).build(), c,
                    new R2Conv.Builder(c.outType(), in, 3).padding(1).build());
        };
    }

    private static final InputType INPUT = InputType.convolutional(7, 7, 1);

    @Test
    void concatenatedSignIsTheSwapOfThePair() {
        Representation sign = D4.irrep(1, 0);
        Representation c = Representations.concatenated(sign);
        assertEquals("concatenated_irrep_1,0", c.name());
        for (GroupElement g : D4.fibergroup().elements()) {
            double[][] expected = g.flip() == 1 ? new double[][] {{0, 1}, {1, 0}} : new double[][] {{1, 0}, {0, 1}};
            assertMatrix("concatenated sign at " + g, expected, c.matrix(g));
        }
        assertTrue(c.supports(Nonlinearity.POINTWISE), "a permutation representation supports pointwise maps");
    }

    @Test
    void concatenatedPermutationIsTheKroneckerProductWithTheIdentity() {
        for (Representation rho : List.of(C4.regularRepr(), D4.regularRepr(), D4.quotientRepr(SubgroupId.dihedral(0, 1)))) {
            Representation c = Representations.concatenated(rho);
            assertEquals(2 * rho.size(), c.size());
            for (GroupElement g : rho.group().elements()) {
                double[][] r = rho.matrix(g);
                double[][] expected = new double[2 * r.length][2 * r.length];
                for (int i = 0; i < r.length; i++) {
                    for (int j = 0; j < r.length; j++) {
                        expected[2 * i][2 * j] = r[i][j];
                        expected[2 * i + 1][2 * j + 1] = r[i][j];
                    }
                }
                assertMatrix("concatenated " + rho.name() + " at " + g, expected, c.matrix(g));
            }
        }
    }

    private static void assertMatrix(String what, double[][] expected, double[][] got) {
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got[i], 1e-9, what + ", row " + i);
        }
    }

    @Test
    void outputInterleavesTheFunctionOfEachChannelAndOfItsNegation() {
        ConcatenatedNonLinearity relu = new ConcatenatedNonLinearity.Builder(C4_TYPE).build();
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 3, 2, C4_TYPE.size(), 2, 2);
        double[] in = x.data().asDouble();
        INDArray y = NonlinearityChecks.apply(relu, x);
        assertArrayEquals(new long[] {2, 2 * C4_TYPE.size(), 2, 2}, y.shape());
        INDArray tanh = NonlinearityChecks.apply(new ConcatenatedNonLinearity.Builder(C4_TYPE).function("c_tanh")
                .build(), x);
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < C4_TYPE.size(); c++) {
                for (int p = 0; p < 4; p++) {
                    double v = in[(n * C4_TYPE.size() + c) * 4 + p];
                    assertEquals(Math.max(0, v), y.getDouble(n, 2 * c, p / 2, p % 2), 1e-12, "relu(x), channel " + c);
                    assertEquals(Math.max(0, -v), y.getDouble(n, 2 * c + 1, p / 2, p % 2), 1e-12, "relu(-x)");
                    assertEquals(Math.tanh(-v), tanh.getDouble(n, 2 * c + 1, p / 2, p % 2), 1e-12, "tanh(-x)");
                }
            }
        }
        assertEquals(List.of(Representations.concatenated(C4.regularRepr()),
                Representations.concatenated(C4.trivialRepr()), Representations.concatenated(C4.irrep(2))),
                relu.outType().representations(), "each field becomes its concatenated representation, in order");
    }

    @Test
    void isEquivariantOnExactElementsThroughTheNextConvolution() {
        LayerContract.assertEquivariant("C4 c_relu", INPUT, layers(C4_TYPE, "c_relu"), FieldType.trivial(C4, 1),
                FieldType.trivial(C4, 1), 1e-5);
        LayerContract.assertEquivariant("D4 c_sigmoid", INPUT, layers(D4_TYPE, "c_sigmoid"), FieldType.trivial(D4, 1),
                FieldType.trivial(D4, 1), 1e-5);
        ConcatenatedNonLinearity d4 = new ConcatenatedNonLinearity.Builder(D4_TYPE).build();
        NonlinearityChecks.assertFiberEquivariant("D4 c_relu", d4, D4_TYPE, d4.outType(), D4.fibergroup().elements());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerContract.assertGradientsCorrect("D4 c_tanh", NonlinearityChecks.GRADIENT_INPUT,
                NonlinearityChecks.behindStockConvolution(D4_TYPE,
                        () -> new ConcatenatedNonLinearity.Builder(D4_TYPE).function("c_tanh").build()));
        LayerContract.assertGradientsCorrect("C4 c_relu", NonlinearityChecks.GRADIENT_INPUT,
                NonlinearityChecks.behindStockConvolution(C4_TYPE, () -> new ConcatenatedNonLinearity.Builder(C4_TYPE)
                        .build()));
    }

    @Test
    void survivesJsonAndModelSerializerWithConcatenatedFieldTypes(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("D4 c_relu", INPUT, layers(D4_TYPE, "c_relu"));
        LayerContract.assertSerializerRoundTrip("D4 c_relu", INPUT, layers(D4_TYPE, "c_relu"), dir);
        FieldType out = new ConcatenatedNonLinearity.Builder(D4_TYPE).build().outType();
        String json = FieldTypeJson.describe(out);
        assertTrue(json.contains("concatenated:regular"), json);
        assertEquals(out, FieldTypeJson.parse(json), "field type round trip through " + json);
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        LayerContract.assertExportRefused("C4 c_relu", INPUT, layers(C4_TYPE, "c_relu"), "ConcatenatedNonLinearity");
    }

    @Test
    void fieldsWithoutSignedPermutationMatricesAreRejected() {
        IllegalArgumentException planar = assertThrows(IllegalArgumentException.class,
                () -> new ConcatenatedNonLinearity.Builder(FieldType.irrep(C4, 1, 1)).build());
        assertTrue(planar.getMessage().contains("irrep_1") && planar.getMessage().contains("concatenated")
                && planar.getMessage().contains("[norm, gated]"), planar.getMessage());
        GSpace c8 = GSpaces.rot2dOnR2(8);
        Representation inducedSign = c8.inducedRepr(SubgroupId.rotations(4),
                Representations.irrep(c8.fibergroup().subgroup(SubgroupId.rotations(4)).group(), 2));
        IllegalArgumentException induced = assertThrows(IllegalArgumentException.class,
                () -> new ConcatenatedNonLinearity.Builder(FieldType.of(c8, inducedSign, 1)).build());
        assertTrue(induced.getMessage().contains("ConcatenatedNonLinearity") && induced.getMessage().contains("neither"),
                induced.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ConcatenatedNonLinearity.Builder(FieldType.trivial(GSpaces.rot2dOnR2(-1, 2), 1)).build(),
                "SO(2) fields do not support concatenated nonlinearities");
        IllegalArgumentException function = assertThrows(IllegalArgumentException.class,
                () -> new ConcatenatedNonLinearity.Builder(C4_TYPE).function("c_elu").build());
        assertTrue(function.getMessage().contains("c_relu"), function.getMessage());
    }
}
