package org.e2dl4j.nn.nonlinear;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link GatedNonLinearityUniform}: a hand-computed pixel, equivariance on C8, D4 and SO(2) (exact elements between
 * steerable convolutions, and the fiber identity for every tested element), gradients in double, serialization,
 * the export refusal and the checks of the field type.
 */
class GatedNonLinearityUniformTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final GSpace SO2 = GSpaces.rot2dOnR2(-1, 3);

    /** Fields {@code trivial^k + psi_1 + ... + psi_k}, as many as asked. */
    private static FieldType gatedType(GSpace gs, int fields, Representation... psi) {
        List<Representation> parts = new java.util.ArrayList<>();
        for (Representation ignored : psi) {
            parts.add(gs.trivialRepr());
        }
        parts.addAll(List.of(psi));
        return FieldType.of(gs, Representations.directSum(parts, "gated"), fields);
    }

    record Case(String name, FieldType hidden) {
        @Override
        public String toString() {
            return name;
        }

        FieldType in() {
            return FieldType.trivial(hidden.gspace(), 1);
        }

        GatedNonLinearityUniform layer() {
            return new GatedNonLinearityUniform.Builder(hidden).build();
        }

        Supplier<List<Layer>> layers() {
            FieldType out = layer().outType();
            return () -> List.of(new R2Conv.Builder(in(), hidden, 3).padding(1).build(), layer(),
                    new R2Conv.Builder(out, in(), 3).padding(1).build());
        }
    }

    static List<Case> cases() {
        return List.of(new Case("C8 irrep 1 and irrep 3", gatedType(C8, 2, C8.irrep(1), C8.irrep(3))),
                new Case("D4 irrep 1,1 and irrep 1,0", gatedType(D4, 2, D4.irrep(1, 1), D4.irrep(1, 0))),
                new Case("SO(2) irreps 1, 2 and trivial", gatedType(SO2, 1, SO2.irrep(1), SO2.irrep(2),
                        SO2.trivialRepr())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isEquivariantOnExactElements(Case c) {
        LayerContract.assertEquivariant(c.name(), InputType.convolutional(5, 5, 1), c.layers(), c.in(), c.in(), 1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void commutesWithTheFiberActionOfEveryTestedElement(Case c) {
        NonlinearityChecks.assertFiberEquivariant(c.name(), c.layer(), c.hidden(), c.layer().outType(),
                c.hidden().testingElements());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(Case c) {
        LayerContract.assertGradientsCorrect(c.name(), NonlinearityChecks.GRADIENT_INPUT,
                NonlinearityChecks.behindStockConvolution(c.hidden(), c::layer));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        Case c = cases().get(0);
        LayerContract.assertJsonRoundTrip(c.name(), InputType.convolutional(5, 5, 1), c.layers());
        LayerContract.assertSerializerRoundTrip(c.name(), InputType.convolutional(5, 5, 1), c.layers(), dir);
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        Case c = cases().get(0);
        LayerContract.assertExportRefused(c.name(), InputType.convolutional(5, 5, 1), c.layers(),
                "GatedNonLinearityUniform");
    }

    @Test
    void eachIrrepIsScaledByTheSigmoidOfItsGateMinusItsBias() {
        // one field (g1, g2; v = (3, 4) of irrep 1; w = (1, -2) of irrep 3) of C8 at one pixel, biases (0.5, -1)
        FieldType type = gatedType(C8, 1, C8.irrep(1), C8.irrep(3));
        MultiLayerNetwork net = NonlinearityChecks.single(new GatedNonLinearityUniform.Builder(type).build(),
                DataType.DOUBLE);
        net.setParam("0_b", Nd4j.createFromArray(0.5, -1.0));
        INDArray y = net.output(Nd4j.createFromArray(2.0, 0.0, 3, 4, 1, -2).reshape(1, 6, 1, 1));
        double s1 = 1 / (1 + Math.exp(-(2.0 - 0.5)));
        double s2 = 1 / (1 + Math.exp(-(0.0 + 1.0)));
        double[] expected = {3 * s1, 4 * s1, s2, -2 * s2};
        double[] got = y.data().asDouble();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-12, "channel " + i);
        }
        assertEquals(FieldType.of(C8, Representations.directSum(List.of(C8.irrep(1), C8.irrep(3)), null), 1),
                new GatedNonLinearityUniform.Builder(type).build().outType(), "the gates are dropped");
    }

    @Test
    void fieldTypesThatDoNotCarryTheirGatesAreRefused() {
        assertRejected(() -> new GatedNonLinearityUniform.Builder(gatedType(C8, 1, C8.irrep(1))
                        .plus(gatedType(C8, 1, C8.irrep(2)))).name("g").build(),
                "GatedNonLinearityUniform layer 'g'", "uniform", "field 1");
        assertRejected(() -> new GatedNonLinearityUniform.Builder(FieldType.regular(C8, 1)).name("g").build(),
                "GatedNonLinearityUniform layer 'g'", "identity change of basis", "regular");
        FieldType odd = FieldType.of(C8, Representations.directSum(List.of(C8.trivialRepr(), C8.trivialRepr(),
                C8.irrep(1)), "odd"), 1);
        assertRejected(() -> new GatedNonLinearityUniform.Builder(odd).name("g").build(),
                "GatedNonLinearityUniform layer 'g'", "even number of irreps", "got 3");
        FieldType ungated = FieldType.of(C8, Representations.directSum(List.of(C8.irrep(1), C8.irrep(2)), "vw"), 1);
        assertRejected(() -> new GatedNonLinearityUniform.Builder(ungated).name("g").build(),
                "GatedNonLinearityUniform layer 'g'", "to be trivial (the gates)", "irrep 0");
    }
}
