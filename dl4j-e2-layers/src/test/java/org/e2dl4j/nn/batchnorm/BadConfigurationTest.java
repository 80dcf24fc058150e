package org.e2dl4j.nn.batchnorm;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.graphJson;
import static org.e2dl4j.nn.testing.EditedConfigurations.initGraph;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;
import static org.e2dl4j.testing.Rejections.assertRejected;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/** Every check of the batch normalizations' configuration, on the builder path and on edited JSON. */
class BadConfigurationTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType REGULAR = FieldType.regular(C4, 2);
    private static final FieldType VECTORS = FieldType.irrep(C4, 2, 1);

    @Test
    void negativeEps() {
        assertRefusedOnBothPaths(() -> new InnerBatchNorm.Builder(REGULAR).name("bn").eps(-1).build(),
                new InnerBatchNorm.Builder(REGULAR).name("bn").build(), set("eps", "-1.0"),
                "InnerBatchNorm layer 'bn'", "eps must be positive and finite, got -1.0");
    }

    @Test
    void infiniteEps() {
        assertRefusedOnBothPaths(() -> new GNormBatchNorm.Builder(VECTORS).name("bn").eps(Double.POSITIVE_INFINITY)
                        .build(), new GNormBatchNorm.Builder(VECTORS).name("bn").build(), set("eps", "1e400"),
                "GNormBatchNorm layer 'bn'", "eps must be positive and finite, got Infinity");
    }

    @Test
    void momentumAboveOne() {
        assertRefusedOnBothPaths(() -> new NormBatchNorm.Builder(VECTORS).name("bn").momentum(5).build(),
                new NormBatchNorm.Builder(VECTORS).name("bn").build(), set("momentum", "5.0"),
                "NormBatchNorm layer 'bn'", "momentum must be in [0, 1], got 5.0");
    }

    @Test
    void innerBatchNormOnVectorFields() {
        assertRefusedOnBothPaths(() -> new InnerBatchNorm.Builder(VECTORS).name("bn").build(),
                new InnerBatchNorm.Builder(REGULAR).name("bn").build(),
                replace("\"fields\"\\s*:\\s*\\[\\s*\"regular\\*2\"\\s*\\]", "\"fields\" : [ \"irrep:1*2\" ]"),
                "InnerBatchNorm layer 'bn'", "field 0", "irrep_1", "does not support pointwise");
    }

    @Test
    void normBatchNormOnFieldsWithATrivialIrrep() {
        FieldType trivial = FieldType.trivial(C4, 4);
        assertRefusedOnBothPaths(() -> new NormBatchNorm.Builder(trivial).name("bn").build(),
                new NormBatchNorm.Builder(VECTORS).name("bn").build(),
                replace("\"fields\"\\s*:\\s*\\[\\s*\"irrep:1\\*2\"\\s*\\]", "\"fields\" : [ \"trivial*4\" ]"),
                "NormBatchNorm layer 'bn'", "contains the trivial irrep");
    }

    @Test
    void anActivationWouldBeIgnored() {
        assertRefusedOnBothPaths(() -> new InnerBatchNorm.Builder(REGULAR).name("bn").activation(Activation.RELU)
                        .build(), new InnerBatchNorm.Builder(REGULAR).name("bn").build(),
                replace("ActivationIdentity", "ActivationReLU"), "InnerBatchNorm layer 'bn'",
                "expected the identity activation");
    }

    @Test
    void aGraphReadFromEditedJsonIsCheckedToo() {
        String json = set("momentum", "5.0").apply(graphJson(new InnerBatchNorm.Builder(REGULAR).build()));
        assertRejected(() -> initGraph(json), "InnerBatchNorm layer 'layer'", "momentum must be in [0, 1], got 5.0");
    }
}
