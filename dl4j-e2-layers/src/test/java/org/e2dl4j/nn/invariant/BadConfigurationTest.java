package org.e2dl4j.nn.invariant;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/** Every check of the invariant maps' configuration, on the builder path and on edited JSON. */
class BadConfigurationTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType REGULAR = FieldType.regular(C4, 1);
    private static final FieldType VECTORS = FieldType.irrep(C4, 2, 1);

    @Test
    void groupPoolingOnVectorFields() {
        assertRefusedOnBothPaths(() -> new GroupPooling.Builder(VECTORS).name("gp").build(),
                new GroupPooling.Builder(REGULAR).name("gp").build(),
                replace("\"fields\"\\s*:\\s*\\[\\s*\"regular\"\\s*\\]", "\"fields\" : [ \"irrep:1*2\" ]"),
                "GroupPooling layer 'gp'", "irrep_1", "does not support 'pointwise'");
    }

    @Test
    void inducedNormPoolOnFieldsThatAreNotInduced() {
        FieldType induced = FieldType.of(C4, C4.inducedRepr(SubgroupId.rotations(2),
                Representations.irrep(C4.fibergroup().subgroup(SubgroupId.rotations(2)).group(), 1)), 2);
        assertRefusedOnBothPaths(() -> new InducedNormPool.Builder(VECTORS).name("ip").build(),
                new InducedNormPool.Builder(induced).name("ip").build(),
                replace("\"fields\"\\s*:\\s*\\[[^\\]]*\\]", "\"fields\" : [ \"irrep:1*2\" ]"),
                "InducedNormPool layer 'ip'", "does not support 'induced_norm'");
    }

    @Test
    void anActivationWouldBeIgnored() {
        assertRefusedOnBothPaths(() -> new NormPool.Builder(VECTORS).activation(Activation.RELU).name("np").build(),
                new NormPool.Builder(VECTORS).name("np").build(), replace("ActivationIdentity", "ActivationReLU"),
                "NormPool layer 'np'", "expected the identity activation");
    }
}
