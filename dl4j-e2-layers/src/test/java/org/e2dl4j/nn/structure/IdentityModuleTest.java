package org.e2dl4j.nn.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.testing.LayerContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IdentityModule}: the layer contract, and the type checks of the shared {@link EquivariantLayer}. */
class IdentityModuleTest {

    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final FieldType IN = FieldType.trivial(D4, 2);
    private static final FieldType HIDDEN = FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 1));
    private static final InputType INPUT = InputType.convolutional(7, 7, IN.size());

    /** A convolution (so there are parameters to check), the identity, and a convolution after it. */
    private static final Supplier<List<Layer>> LAYERS = () -> List.of(
            new R2Conv.Builder(IN, HIDDEN, 3).padding(1).build(),
            new IdentityModule.Builder(HIDDEN).build(),
            new R2Conv.Builder(HIDDEN, IN, 3).padding(1).build());

    @Test
    void isEquivariantOnExactElements() {
        LayerContract.assertEquivariant("D4 identity", INPUT, LAYERS, IN, IN, 1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        LayerContract.assertGradientsCorrect("D4 identity", INPUT, LAYERS);
    }

    @Test
    void survivesJsonAndModelSerializer(@TempDir Path dir) throws Exception {
        LayerContract.assertJsonRoundTrip("D4 identity", INPUT, LAYERS);
        LayerContract.assertSerializerRoundTrip("D4 identity", INPUT, LAYERS, dir);
    }

    @Test
    void vanishesOnExportWithTheSameOutput() {
        LayerContract.assertExportEquivalent("D4 identity", INPUT, LAYERS);
    }

    @Test
    void outputTypeIsTheInputType() {
        assertEquals(HIDDEN, new IdentityModule.Builder(HIDDEN).build().outType());
    }

    @Test
    void mismatchedFieldTypeIsRejectedAtConfigurationTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new NeuralNetConfiguration.Builder().list()
                        .layer(new R2Conv.Builder(IN, HIDDEN, 3).build())
                        .layer(new IdentityModule.Builder(FieldType.regular(D4, 1).plus(FieldType.irrep(D4, 1, 1, 0)))
                                .build())
                        .setInputType(INPUT).build());
        assertTrue(e.getMessage().contains("IdentityModule") && e.getMessage().contains("mismatch"),
                "message should name the layer and the mismatch: " + e.getMessage());
    }

    @Test
    void wrongChannelCountIsRejectedAtConfigurationTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new NeuralNetConfiguration.Builder().list()
                        .layer(new IdentityModule.Builder(HIDDEN).build())
                        .setInputType(InputType.convolutional(7, 7, 3)).build());
        assertTrue(e.getMessage().contains("3 channels") && e.getMessage().contains(String.valueOf(HIDDEN.size())),
                "message should give both channel counts: " + e.getMessage());
    }
}
