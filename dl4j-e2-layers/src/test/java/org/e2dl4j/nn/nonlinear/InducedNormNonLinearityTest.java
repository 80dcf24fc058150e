package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link InducedNormNonLinearity}: norms per sub-field of induced representations (hand-computed), one bias per
 * field in e2cnn's (size, sub-field size) order, equivariance on C8 and D4, gradients, serialization, the export
 * refusal and the refusal of fields without sub-fields.
 */
class InducedNormNonLinearityTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    /** C8 induced from C4's irrep_1: two sub-fields of size 2. */
    private static final Representation C8_INDUCED = C8.inducedRepr(SubgroupId.rotations(4),
            Representations.irrep(C8.fibergroup().subgroup(SubgroupId.rotations(4)).group(), 1));
    /** C8 / C4: two sub-fields of size 1. */
    private static final Representation C8_QUOTIENT = C8.quotientRepr(SubgroupId.rotations(4));
    /** D4 induced from its rotation subgroup C4's irrep_1. */
    private static final Representation D4_INDUCED = D4.inducedRepr(SubgroupId.dihedral(null, 4),
            Representations.irrep(D4.fibergroup().subgroup(SubgroupId.dihedral(null, 4)).group(), 1));

    private static final FieldType C8_TYPE = new FieldType(C8, List.of(C8_INDUCED, C8_QUOTIENT, C8_INDUCED));
    private static final FieldType D4_TYPE = new FieldType(D4, List.of(D4_INDUCED, D4.quotientRepr(
            SubgroupId.dihedral(0, 2))));

    private static Supplier<List<Layer>> layers(FieldType hidden, Supplier<Layer> layer) {
        FieldType in = FieldType.trivial(hidden.gspace(), 1);
        return () -> List.of(new R2Conv.Builder(in, hidden, 3).padding(1).build(), layer.get(),
                new R2Conv.Builder(hidden, in, 3).padding(1).build());
    }

    private static final InputType INPUT = InputType.convolutional(7, 7, 1);

    @Test
    void isEquivariantOnExactElementsOfC8AndD4() {
        LayerContract.assertEquivariant("C8 induced n_relu", INPUT,
                layers(C8_TYPE, () -> new InducedNormNonLinearity.Builder(C8_TYPE).build()),
                FieldType.trivial(C8, 1), FieldType.trivial(C8, 1), 1e-5);
        LayerContract.assertEquivariant("D4 induced squash", INPUT,
                layers(D4_TYPE, () -> new InducedNormNonLinearity.Builder(D4_TYPE).function("squash").bias(false)
                        .build()),
                FieldType.trivial(D4, 1), FieldType.trivial(D4, 1), 1e-5);
    }

    @Test
    void commutesWithTheFiberActionOfEveryElement() {
        NonlinearityChecks.assertFiberEquivariant("C8 induced", new InducedNormNonLinearity.Builder(C8_TYPE)
                .function("n_sigmoid").build(), C8_TYPE, C8_TYPE, C8.fibergroup().elements());
        NonlinearityChecks.assertFiberEquivariant("D4 induced", new InducedNormNonLinearity.Builder(D4_TYPE).build(),
                D4_TYPE, D4_TYPE, D4.fibergroup().elements());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerContract.assertGradientsCorrect("C8 induced n_sigmoid", NonlinearityChecks.GRADIENT_INPUT,
                NonlinearityChecks.behindStockConvolution(C8_TYPE,
                        () -> new InducedNormNonLinearity.Builder(C8_TYPE).function("n_sigmoid").build()));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        Supplier<List<Layer>> l = layers(D4_TYPE, () -> new InducedNormNonLinearity.Builder(D4_TYPE).bias(false)
                .build());
        LayerContract.assertJsonRoundTrip("D4 induced", INPUT, l);
        LayerContract.assertSerializerRoundTrip("D4 induced", INPUT, l, dir);
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        LayerContract.assertExportRefused("C8 induced", INPUT,
                layers(C8_TYPE, () -> new InducedNormNonLinearity.Builder(C8_TYPE).build()), "InducedNormNonLinearity");
    }

    @Test
    void eachSubFieldIsRescaledByItsOwnNormWithItsFieldsBias() {
        FieldType t = new FieldType(C8, List.of(C8_INDUCED, C8_QUOTIENT));
        MultiLayerNetwork net = NonlinearityChecks.single(new InducedNormNonLinearity.Builder(t).build(),
                DataType.DOUBLE);
        assertEquals(Nd4j.zeros(DataType.DOUBLE, 2), net.getParam("0_logBias"), "e2cnn initialises log_bias to 0");
        // e2cnn order, by (size, sub-field size): the quotient (2, 1) owns bias 0, the induced field (4, 2) bias 1
        net.setParam("0_logBias", Nd4j.createFromArray(Math.log(0.5), Math.log(2.0)));
        INDArray x = Nd4j.createFromArray(3.0, 4.0, 0.0, 1.0, -3.0, 0.25).reshape(1, 6, 1, 1);
        // induced sub-fields (3,4): |.| 5 - 2 = 3 -> (1.8, 2.4); (0,1): 1 - 2 < 0 -> 0
        // quotient sub-fields -3: 3 - 0.5 -> -2.5; 0.25: 0.25 - 0.5 < 0 -> 0
        double[] expected = {1.8, 2.4, 0, 0, -2.5, 0};
        double[] got = net.output(x).data().asDouble();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-12, "channel " + i);
        }
    }

    @Test
    void fieldsWithoutSubFieldsAreRejected() {
        FieldType regular = FieldType.regular(C8, 1).plus(new FieldType(C8, List.of(C8_INDUCED)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InducedNormNonLinearity.Builder(regular).build());
        assertTrue(e.getMessage().contains("field 0") && e.getMessage().contains("regular")
                && e.getMessage().contains("induced_norm"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new InducedNormNonLinearity.Builder(C8_TYPE).function("n_tanh").build());
    }
}
