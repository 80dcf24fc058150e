package org.e2dl4j.nn.linear;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Every check of {@link Linear}'s configuration and input, on the builder path, on edited JSON and at run time. */
class BadConfigurationTest {

    private static final GSpace C4 = GSpaces.noBaseSpace(Groups.cyclic(4));
    private static final FieldType REGULAR = FieldType.regular(C4, 1);

    @Test
    void typesOnTwoGSpaces() {
        FieldType c8 = FieldType.trivial(GSpaces.noBaseSpace(Groups.cyclic(8)), 1);
        assertRefusedOnBothPaths(() -> new Linear.Builder(REGULAR, c8).name("lin").build(),
                new Linear.Builder(REGULAR, FieldType.trivial(C4, 1)).name("lin").build(),
                replace("\"n\"\\s*:\\s*4(\\s*,\\s*\"fields\"\\s*:\\s*\\[\\s*\"trivial\")", "\"n\" : 8$1"),
                "Linear layer 'lin'", "expected input and output field types on one G-space", "NoBaseSpace(C4)",
                "NoBaseSpace(C8)");
    }

    @Test
    void typesSharingNoIrrep() {
        assertRefusedOnBothPaths(() -> new Linear.Builder(FieldType.irrep(C4, 1, 1), FieldType.trivial(C4, 2)).name("lin")
                        .build(), new Linear.Builder(FieldType.irrep(C4, 1, 1), REGULAR).name("lin").build(),
                replace("\"fields\"\\s*:\\s*\\[\\s*\"regular\"\\s*\\]", "\"fields\" : [ \"trivial*2\" ]"),
                "Linear layer 'lin'", "no equivariant linear map", "irrep_1", "share no irrep", "Schur");
    }

    @Test
    void fieldsOnThePlane() {
        FieldType plane = FieldType.regular(GSpaces.rot2dOnR2(4), 1);
        Rejections.assertRejected(() -> new Linear.Builder(plane, plane).name("lin").build(), "Linear layer 'lin'",
                "expected a field type on a G-space with a 0-dimensional base space", "Rot2dOnR2(4)",
                "2-dimensional base space");
    }

    @Test
    void inputOfAnotherSize() {
        Rejections.assertRejected(() -> new NeuralNetConfiguration.Builder().list()
                        .layer(new Linear.Builder(REGULAR, REGULAR).name("lin").build())
                        .setInputType(InputType.feedForward(5)).build(), "Linear layer 'lin'",
                "the input has 5 channels", "has 4");
    }

    @Test
    void inputOfAnotherFieldType() {
        FieldType other = FieldType.trivial(C4, 4);
        Rejections.assertRejected(() -> new NeuralNetConfiguration.Builder().list()
                        .layer(new Linear.Builder(other, REGULAR).name("first").build())
                        .layer(new Linear.Builder(other, REGULAR).name("second").build())
                        .setInputType(TestNetworks.fibers(other)).build(), "Linear layer 'second'",
                "field type mismatch", "expects NoBaseSpace(C4)[irrep_0 x4]", "outputs NoBaseSpace(C4)[regular]");
    }

    @Test
    void featureMapsAtRunTime() {
        Rejections.assertRejected(() -> LayerRunner.forward(new Linear.Builder(REGULAR, REGULAR).name("lin").build(),
                        TestNetworks.fibers(REGULAR), Nd4j.zeros(DataType.DOUBLE, 2, 4, 3, 3)), "Linear layer 'lin'",
                "expected a rank-2 [batch, 4] array", "got rank 4");
        Rejections.assertRejected(() -> LayerRunner.forward(new Linear.Builder(REGULAR, REGULAR).name("lin").build(),
                TestNetworks.fibers(REGULAR), Nd4j.zeros(DataType.DOUBLE, 2, 3)), "Linear layer 'lin'", "expected 4"
                + " channels", "got 3");
        Rejections.assertRejected(() -> LayerRunner.forward(new Linear.Builder(REGULAR, REGULAR).name("lin").build(),
                TestNetworks.fibers(REGULAR), Nd4j.zeros(DataType.DOUBLE, 0, 4)), "Linear layer 'lin'",
                "at least one example");
    }
}
