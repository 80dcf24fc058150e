package org.e2dl4j.nn.nonlinear;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.initNetwork;
import static org.e2dl4j.nn.testing.EditedConfigurations.networkJson;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;
import static org.e2dl4j.testing.Rejections.assertRejected;

import java.util.List;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/** Every check of the nonlinearities' configuration, on the builder path and on edited JSON. */
class BadConfigurationTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType REGULAR = FieldType.regular(C4, 1);
    private static final FieldType VECTORS = FieldType.irrep(C4, 2, 1);
    private static final String REGULAR_TO_VECTORS_FROM = "\"fields\"\\s*:\\s*\\[\\s*\"regular\"\\s*\\]";
    private static final String VECTORS_JSON = "\"fields\" : [ \"irrep:1*2\" ]";

    @Test
    void reluOnVectorFieldsIsRefusedWhenReadAndUsedNamingTheIndex() {
        assertRefusedOnBothPaths(() -> new ReLU.Builder(VECTORS).name("act").build(),
                new ReLU.Builder(REGULAR).name("act").build(), replace(REGULAR_TO_VECTORS_FROM, VECTORS_JSON),
                "ReLU layer 'act'", "field 0", "irrep_1", "does not support 'pointwise'");
        String json = replace(REGULAR_TO_VECTORS_FROM, VECTORS_JSON).apply(networkJson(new ReLU.Builder(REGULAR)
                .name("act").build()));
        assertRejected(() -> initNetwork(json), "ReLU layer 'act' (layer index 0)");
    }

    @Test
    void infiniteEluAlpha() {
        assertRefusedOnBothPaths(() -> new ELU.Builder(REGULAR).name("elu").alpha(Double.POSITIVE_INFINITY).build(),
                new ELU.Builder(REGULAR).name("elu").build(), set("alpha", "1e400"), "ELU layer 'elu'",
                "alpha must be finite, got Infinity");
    }

    @Test
    void infiniteLeakySlope() {
        assertRefusedOnBothPaths(() -> new LeakyReLU.Builder(REGULAR).name("l").negativeSlope(Double.NEGATIVE_INFINITY)
                        .build(), new LeakyReLU.Builder(REGULAR).name("l").build(), set("negativeSlope", "-1e400"),
                "LeakyReLU layer 'l'", "negativeSlope must be finite, got -Infinity");
    }

    @Test
    void softmaxIsNotPointwise() {
        assertRejected(() -> new PointwiseNonLinearity.Builder(REGULAR).function(Activation.SOFTMAX).build(),
                "not a deterministic elementwise function");
        String json = replace("ActivationReLU", "ActivationSoftmax").apply(networkJson(
                new PointwiseNonLinearity.Builder(REGULAR).name("p").build()));
        assertRejected(() -> initNetwork(json), "PointwiseNonLinearity layer 'p'", "not a deterministic elementwise");
    }

    @Test
    void unknownNormFunction() {
        assertRefusedOnBothPaths(() -> new NormNonLinearity.Builder(VECTORS).name("n").function("n_foo").build(),
                new NormNonLinearity.Builder(VECTORS).name("n").build(), set("function", "\"n_foo\""),
                "NormNonLinearity layer 'n'", "unknown norm function 'n_foo'", "n_relu");
    }

    @Test
    void squashWithABias() {
        assertRefusedOnBothPaths(() -> new NormNonLinearity.Builder(VECTORS).name("n").function("squash").build(),
                new NormNonLinearity.Builder(VECTORS).name("n").function("squash").bias(false).build(),
                set("bias", "true"), "NormNonLinearity layer 'n'", "'squash' takes no bias");
    }

    @Test
    void aVectorFieldLabelledAsAGate() {
        FieldType in = FieldType.trivial(C4, 2).plus(VECTORS);
        assertRefusedOnBothPaths(() -> new GatedNonLinearity1.Builder(in, List.of("gate", "gate", "gate", "gated"))
                        .name("g").build(), new GatedNonLinearity1.Builder(in).name("g").build(),
                replace("\"gated\"", "\"gate\""), "GatedNonLinearity1 layer 'g'",
                "field 2", "is a gate but has representation irrep_1", "gates must be trivial");
    }

    @Test
    void missingGateLabels() {
        FieldType in = FieldType.trivial(C4, 2).plus(VECTORS);
        String json = replace("\"gates\"\\s*:\\s*\\[[^\\]]*\\]", "\"gates\" : null")
                .apply(networkJson(new GatedNonLinearity1.Builder(in).name("g").build()));
        assertRejected(() -> initNetwork(json), "GatedNonLinearity1 layer 'g'", "no gate labels");
    }

    @Test
    void gatesTypeThatIsNotThePrefixOfTheInput() {
        FieldType gates = FieldType.trivial(C4, 2);
        String json = replace("\"fields\"\\s*:\\s*\\[\\s*\"trivial\\*2\",\\s*\"irrep:1\\*2\"\\s*\\]",
                "\"fields\" : [ \"irrep:1*2\", \"trivial*2\" ]")
                .apply(networkJson(new GatedNonLinearity2.Builder(gates, VECTORS).name("g2").build()));
        assertRejected(() -> initNetwork(json), "GatedNonLinearity2 layer 'g2'", "must be the gates");
    }

    @Test
    void unknownConcatenatedFunction() {
        assertRefusedOnBothPaths(() -> new ConcatenatedNonLinearity.Builder(REGULAR).name("c").function("c_foo")
                        .build(), new ConcatenatedNonLinearity.Builder(REGULAR).name("c").build(),
                set("function", "\"c_foo\""), "ConcatenatedNonLinearity layer 'c'", "unknown function 'c_foo'");
    }

    @Test
    void vectorFieldOnNonRegularFields() {
        assertRefusedOnBothPaths(() -> new VectorFieldNonLinearity.Builder(FieldType.trivial(C4, 4)).name("v").build(),
                new VectorFieldNonLinearity.Builder(REGULAR).name("v").build(),
                replace(REGULAR_TO_VECTORS_FROM, VECTORS_JSON), "VectorFieldNonLinearity layer 'v'",
                "does not support 'vectorfield'");
    }
}
