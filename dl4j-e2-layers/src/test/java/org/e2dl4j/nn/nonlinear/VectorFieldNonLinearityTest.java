package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link VectorFieldNonLinearity}: the vector at the angle of the maximising rotation with the relu'd maximum
 * as length (hand-computed), equivariance on C4 and C8, gradients, serialization, the export refusal and the
 * refusal of anything but regular C_N fields, N >= 3.
 */
class VectorFieldNonLinearityTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final GSpace C8 = GSpaces.rot2dOnR2(8);

    private static Supplier<List<Layer>> layers(GSpace gs, int fields) {
        FieldType in = FieldType.trivial(gs, 1);
        FieldType regular = FieldType.regular(gs, fields);
        return () -> List.of(new R2Conv.Builder(in, regular, 3).padding(1).build(),
                new VectorFieldNonLinearity.Builder(regular).build(),
                new R2Conv.Builder(FieldType.irrep(gs, fields, 1), in, 3).padding(1).build());
    }

    private static final InputType INPUT = InputType.convolutional(7, 7, 1);

    @Test
    void eachFieldBecomesTheVectorOfItsMaximisingRotation() {
        // C4 field (1, 3, 2, 0): max 3 at rotation 1 -> angle pi/2 -> (0, 3); field (-1, -2, -0.5, -3): max < 0 -> 0;
        // C4 field (0.5, 0, 0, 2): max at rotation 3 -> angle 3 pi / 2 -> (0, -2)
        FieldType t = FieldType.regular(C4, 3);
        INDArray x = Nd4j.createFromArray(1.0, 3, 2, 0, -1, -2, -0.5, -3, 0.5, 0, 0, 2).reshape(1, 12, 1, 1);
        double[] got = NonlinearityChecks.apply(new VectorFieldNonLinearity.Builder(t).build(), x).data().asDouble();
        double[] expected = {0, 3, 0, 0, 0, -2};
        assertEquals(expected.length, got.length, "one irrep_1 field per input field");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], got[i], 1e-12, "channel " + i);
        }
        assertEquals(FieldType.irrep(C4, 3, 1), new VectorFieldNonLinearity.Builder(t).build().outType());
    }

    @Test
    void isEquivariantOnC4AndC8() {
        LayerContract.assertEquivariant("C4 vector field", INPUT, layers(C4, 2), FieldType.trivial(C4, 1),
                FieldType.trivial(C4, 1), 1e-5);
        LayerContract.assertEquivariant("C8 vector field", INPUT, layers(C8, 1), FieldType.trivial(C8, 1),
                FieldType.trivial(C8, 1), 1e-5);
        FieldType regular = FieldType.regular(C8, 2);
        NonlinearityChecks.assertFiberEquivariant("C8 vector field", new VectorFieldNonLinearity.Builder(regular)
                .build(), regular, FieldType.irrep(C8, 2, 1), C8.fibergroup().elements());
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        FieldType regular = FieldType.regular(C4, 2);
        LayerContract.assertGradientsCorrect("C4 vector field", NonlinearityChecks.GRADIENT_INPUT,
                NonlinearityChecks.behindStockConvolution(regular,
                        () -> new VectorFieldNonLinearity.Builder(regular).build()));
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("C4 vector field", INPUT, layers(C4, 2));
        LayerContract.assertSerializerRoundTrip("C4 vector field", INPUT, layers(C4, 2), dir);
    }

    @Test
    void exportIsRefusedNamingTheLayer() {
        LayerContract.assertExportRefused("C4 vector field", INPUT, layers(C4, 1), "VectorFieldNonLinearity");
    }

    @Test
    void onlyRegularFieldsOfCNWithNAtLeastThreeAreAccepted() {
        IllegalArgumentException dihedral = assertThrows(IllegalArgumentException.class,
                () -> new VectorFieldNonLinearity.Builder(FieldType.regular(GSpaces.flipRot2dOnR2(4), 1)).build());
        assertTrue(dihedral.getMessage().contains("cyclic") && dihedral.getMessage().contains("D4"),
                dihedral.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new VectorFieldNonLinearity.Builder(FieldType.regular(GSpaces.rot2dOnR2(2), 1)).build(),
                "C2 has no 2-dimensional irrep_1");
        IllegalArgumentException irrep = assertThrows(IllegalArgumentException.class,
                () -> new VectorFieldNonLinearity.Builder(FieldType.regular(C4, 1).plus(FieldType.irrep(C4, 1, 1)))
                        .build());
        assertTrue(irrep.getMessage().contains("field 1") && irrep.getMessage().contains("irrep_1"),
                irrep.getMessage());
    }
}
