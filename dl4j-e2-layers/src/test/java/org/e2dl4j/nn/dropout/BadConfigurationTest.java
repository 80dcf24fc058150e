package org.e2dl4j.nn.dropout;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;

/** Every check of the dropouts' configuration, on the builder path and on edited JSON. */
class BadConfigurationTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType REGULAR = FieldType.regular(C4, 1);

    @Test
    void probabilityOfOne() {
        assertRefusedOnBothPaths(() -> new FieldDropout.Builder(REGULAR).p(1).name("d").build(),
                new FieldDropout.Builder(REGULAR).name("d").build(), set("p", "1.0"), "FieldDropout layer 'd'",
                "p must be in [0, 1), got 1.0");
    }

    @Test
    void negativeProbability() {
        assertRefusedOnBothPaths(() -> new PointwiseDropout.Builder(REGULAR).p(-0.1).name("d").build(),
                new PointwiseDropout.Builder(REGULAR).name("d").build(), set("p", "-0.1"),
                "PointwiseDropout layer 'd'", "p must be in [0, 1), got -0.1");
    }

    @Test
    void pointwiseDropoutOnVectorFields() {
        assertRefusedOnBothPaths(() -> new PointwiseDropout.Builder(FieldType.irrep(C4, 2, 1)).name("d").build(),
                new PointwiseDropout.Builder(REGULAR).name("d").build(),
                replace("\"fields\"\\s*:\\s*\\[\\s*\"regular\"\\s*\\]", "\"fields\" : [ \"irrep:1*2\" ]"),
                "PointwiseDropout layer 'd'", "irrep_1", "use FieldDropout");
    }
}
