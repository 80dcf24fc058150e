package org.e2dl4j.nn.normalization;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.graphJson;
import static org.e2dl4j.nn.testing.EditedConfigurations.initGraph;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;
import static org.e2dl4j.testing.Rejections.assertRejected;

import java.util.EnumSet;
import java.util.List;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerRunner;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Every check of the per-sample normalizations' configuration, on the builder path and on edited JSON. */
class BadConfigurationTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType REGULAR = FieldType.regular(C4, 2);

    @Test
    void negativeEps() {
        assertRefusedOnBothPaths(() -> new FieldNorm.Builder(REGULAR).name("fn").eps(-1).build(),
                new FieldNorm.Builder(REGULAR).name("fn").build(), set("eps", "-1.0"),
                "FieldNorm layer 'fn'", "eps must be positive and finite, got -1.0");
    }

    @Test
    void infiniteEps() {
        assertRefusedOnBothPaths(() -> new EquivariantLayerNorm.Builder(REGULAR).name("ln")
                        .eps(Double.POSITIVE_INFINITY).build(), new EquivariantLayerNorm.Builder(REGULAR).name("ln").build(),
                set("eps", "1e400"), "EquivariantLayerNorm layer 'ln'", "eps must be positive and finite, got Infinity");
    }

    @Test
    void anActivationWouldBeIgnored() {
        assertRefusedOnBothPaths(() -> new EquivariantInstanceNorm.Builder(REGULAR).name("in")
                        .activation(Activation.RELU).build(), new EquivariantInstanceNorm.Builder(REGULAR).name("in").build(),
                replace("ActivationIdentity", "ActivationReLU"), "EquivariantInstanceNorm layer 'in'",
                "expected the identity activation");
    }

    @Test
    void aFieldThatIsNotOrthogonalIsRefused() {
        Representation stretched = Representations.changeBasis(C4.irrep(1), new double[][] {{2, 0}, {0, 1}},
                "stretched", EnumSet.noneOf(Nonlinearity.class));
        FieldType type = FieldType.trivial(C4, 1).plus(new FieldType(C4, List.of(stretched)));
        assertRejected(() -> new EquivariantInstanceNorm.Builder(type).name("in").build(),
                "EquivariantInstanceNorm layer 'in'", "expected orthogonal fields", "field 1", "stretched",
                "not orthogonal");
    }

    @Test
    void anInputOfTheWrongChannelCountIsRefusedNamingTheLayer() {
        assertRejected(() -> LayerRunner.forward(new FieldNorm.Builder(REGULAR).name("fn").build(),
                        InputType.convolutional(3, 3, 8), Nd4j.zeros(DataType.FLOAT, 1, 5, 3, 3)),
                "FieldNorm layer 'fn'", "8", "5");
    }

    @Test
    void aGraphReadFromEditedJsonIsCheckedToo() {
        String json = set("eps", "0.0").apply(graphJson(new FieldNorm.Builder(REGULAR).build()));
        assertRejected(() -> initGraph(json), "FieldNorm layer 'layer'", "eps must be positive and finite, got 0.0");
    }
}
