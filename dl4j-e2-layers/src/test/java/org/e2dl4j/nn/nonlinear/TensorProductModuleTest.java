package org.e2dl4j.nn.nonlinear;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;
import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.FieldTypeJson;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@link TensorProductModule}: the layer contract (equivariance on the exact elements of C4, C8, D4, SO(2) and O(2),
 * gradients in double through a preceding convolution, JSON and ModelSerializer round trips, the export refusal), the
 * forward pass against the explicit sum {@code y_c = sum_ij M_c[:, i d + j] x_i x_j}, the field type of a tensor
 * product in JSON, and the build-time and load-time checks.
 */
class TensorProductModuleTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final GSpace SO2 = GSpaces.rot2dOnR2(-1, 2);
    private static final GSpace O2 = GSpaces.flipRot2dOnR2(-1, 2);

    /** A case: a tensor product module between two uniform types, after a convolution from one trivial field. */
    record Case(String name, FieldType in, FieldType out) {
        @Override
        public String toString() {
            return name;
        }

        FieldType trivial() {
            return FieldType.trivial(in.gspace(), 1);
        }

        InputType input() {
            return TestNetworks.input(trivial(), 5);
        }

        Supplier<List<Layer>> layers() {
            return () -> List.of(new R2Conv.Builder(trivial(), in, 3).padding(1).build(),
                    new TensorProductModule.Builder(in, out).build());
        }
    }

    private static FieldType uniform(GSpace gspace, Representation rho, int fields) {
        return new FieldType(gspace, Collections.nCopies(fields, rho));
    }

    static List<Case> cases() {
        Representation so2Out = Representations.directSum(List.of(SO2.irrep(0), SO2.irrep(2)), "scalar_and_2");
        Representation o2In = Representations.directSum(List.of(O2.irrep(0, 0), O2.irrep(1, 1)), "scalar_and_vector");
        Representation o2Out = Representations.directSum(List.of(O2.irrep(1, 0), O2.irrep(1, 2), O2.irrep(0, 0)),
                "sign_2_scalar");
        return List.of(
                new Case("C4 regular -> regular", FieldType.regular(C4, 2), FieldType.regular(C4, 2)),
                new Case("C8 irrep 1 -> regular", FieldType.irrep(C8, 3, 1), FieldType.regular(C8, 3)),
                new Case("D4 regular -> irrep (1,1)", FieldType.regular(D4, 2), FieldType.irrep(D4, 2, 1, 1)),
                new Case("SO(2) irrep 1 -> irreps 0 + 2", FieldType.irrep(SO2, 2, 1), uniform(SO2, so2Out, 2)),
                new Case("O(2) trivial + irrep (1,1) -> mixed", uniform(O2, o2In, 2), uniform(O2, o2Out, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isEquivariantOnExactElements(Case c) {
        LayerContract.assertEquivariant(c.name(), c.input(), c.layers(), c.trivial(), c.out(), 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsAreCorrect(Case c) {
        LayerContract.assertGradientsCorrect(c.name(), c.input(), c.layers());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void survivesJsonAndModelSerializer(Case c, @TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip(c.name(), c.input(), c.layers());
        LayerContract.assertSerializerRoundTrip(c.name(), c.input(), c.layers(), dir);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exportIsRefused(Case c) {
        LayerContract.assertExportRefused(c.name(), c.input(), c.layers(), "TensorProductModule");
    }

    /** Parameter count: the number of fields times dim Hom(rho (x) rho, sigma), counted by hand. */
    @Test
    void parameterCountIsFieldsTimesTheIntertwinerDimension() {
        // C4 regular (x) regular = 4 regular: irreps 0, 2 (one-dimensional, 4 copies each) and irrep 1 (complex type,
        // 4 copies); into one regular field (one copy each): 4 + 4 + 4 * 2 = 16 maps per field.
        TensorProductModule layer = new TensorProductModule.Builder(FieldType.regular(C4, 3), FieldType.regular(C4, 3))
                .build();
        assertEquals(48, layer.initializer().numParams(layer));
        // SO(2) irrep 1 (x) irrep 1 = 2 irrep 0 (+) irrep 2; into irrep 0 (+) irrep 2: 2 + 2 (irrep 2 is complex type).
        Representation out = Representations.directSum(List.of(SO2.irrep(0), SO2.irrep(2)), "scalar_and_2");
        TensorProductModule so2 = new TensorProductModule.Builder(FieldType.irrep(SO2, 1, 1), uniform(SO2, out, 1))
                .build();
        assertEquals(4, so2.initializer().numParams(so2));
    }

    /** The output equals the explicit per-pixel sum over the expanded matrix of each field. */
    @Test
    void forwardIsTheQuadraticFormOfTheExpandedMatrices() {
        FieldType in = FieldType.irrep(D4, 2, 1, 1);
        FieldType out = FieldType.regular(D4, 2);
        TensorProductModule layer = new TensorProductModule.Builder(in, out).build();
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 3, TestNetworks.input(in, 2), List.of(layer));
        double[] w = net.getLayer(0).getParam("W").toDoubleVector();
        double[] matrix = layer.layerBasis().expand(w);
        INDArray x = TestNetworks.gaussian(DataType.DOUBLE, 4, 2, in.size(), 2, 2);
        INDArray y = net.output(x);
        int d = 2;
        int o = 8;
        for (int n = 0; n < 2; n++) {
            for (int c = 0; c < 2; c++) {
                for (int r = 0; r < o; r++) {
                    for (int p = 0; p < 4; p++) {
                        double sum = 0;
                        for (int i = 0; i < d; i++) {
                            for (int j = 0; j < d; j++) {
                                sum += matrix[(c * o + r) * d * d + i * d + j] * x.getDouble(n, c * d + i, p / 2, p % 2)
                                        * x.getDouble(n, c * d + j, p / 2, p % 2);
                            }
                        }
                        assertEquals(sum, y.getDouble(n, c * o + r, p / 2, p % 2), 1e-12, "y at " + n + ", " + c);
                    }
                }
            }
        }
    }

    /** A field type of a tensor product is written with the key tensor[<key>][<key>] and read back equal. */
    @Test
    void tensorFieldTypesRoundTripThroughJson() {
        FieldType t = new FieldType(O2, List.of(Representations.tensor(O2.irrep(1, 1), O2.irrep(1, 0))));
        String json = FieldTypeJson.describe(t);
        assertTrue(json.contains("tensor[irrep:1,1][irrep:1,0]"), json);
        assertEquals(t, FieldTypeJson.parse(json));
    }

    @Test
    void nonUniformTypesAreRefused() {
        FieldType mixed = FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1));
        assertRejected(() -> new TensorProductModule.Builder(mixed, FieldType.regular(C4, 2)).name("tp").build(),
                "TensorProductModule layer 'tp'", "expected a uniform input field type", "regular", "irrep_1");
        assertRejected(() -> new TensorProductModule.Builder(FieldType.regular(C4, 2), mixed).name("tp").build(),
                "expected a uniform output field type");
    }

    @Test
    void differentFieldCountsAreRefusedWhenBuiltAndWhenLoaded() {
        assertRefusedOnBothPaths(() -> new TensorProductModule.Builder(FieldType.regular(C4, 2),
                        FieldType.regular(C4, 3)).name("tp").build(),
                new TensorProductModule.Builder(FieldType.regular(C4, 2), FieldType.regular(C4, 2)).name("tp").build(),
                replace("\"regular\\*2\"(?![\\s\\S]*\"regular\\*2\")", "\"regular*3\""),
                "TensorProductModule layer 'tp'", "expected as many output fields as input fields (2), got 3");
    }

    @Test
    void emptyBasisIsRefused() {
        // C4 irrep 1 (x) irrep 1 = 2 trivial (+) irrep 2: nothing maps it equivariantly to irrep 1.
        assertRejected(() -> new TensorProductModule.Builder(FieldType.irrep(C4, 1, 1), FieldType.irrep(C4, 1, 1))
                        .name("tp").build(), "TensorProductModule layer 'tp'", "is empty", "share no irrep",
                "irrep_1 X irrep_1");
    }

    @Test
    void productsAboveTheBandLimitAreRefused() {
        GSpace low = GSpaces.rot2dOnR2(-1, 1);
        assertRejected(() -> new TensorProductModule.Builder(FieldType.irrep(low, 1, 1), FieldType.trivial(low, 1))
                        .name("tp").build(), "TensorProductModule layer 'tp'", "frequency 2",
                "maximum frequency 1");
    }

    @Test
    void otherGSpacesAreRefused() {
        assertRejected(() -> new TensorProductModule.Builder(FieldType.regular(C4, 1), FieldType.regular(C8, 1))
                .name("tp").build(), "TensorProductModule layer 'tp'", "on one G-space");
    }

    @Test
    void weightsAreHeInitialized() {
        TensorProductModule layer = new TensorProductModule.Builder(FieldType.regular(C8, 4), FieldType.regular(C8, 4))
                .build();
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 5, TestNetworks.input(layer.getInType(), 3),
                List.of(layer));
        INDArray w = net.getLayer(0).getParam("W");
        double[] std = layer.layerBasis().heStandardDeviations();
        double ratio = 0;
        for (int k = 0; k < std.length; k++) {
            ratio += w.getDouble(k) * w.getDouble(k) / (std[k] * std[k]);
        }
        assertEquals(1.0, ratio / std.length, 0.3, "mean of (w / std)^2 over " + std.length + " weights");
    }
}
