package org.e2dl4j.nn.pooling;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;

/** Every check of the pooling layers' configuration, on the builder path and on edited JSON. */
class BadConfigurationTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType REGULAR = FieldType.regular(C4, 1);
    private static final FieldType VECTORS = FieldType.irrep(C4, 2, 1);

    @Test
    void kernelBelowOne() {
        assertRefusedOnBothPaths(() -> new PointwiseMaxPool.Builder(REGULAR, 0).name("p").build(),
                new PointwiseMaxPool.Builder(REGULAR, 2).name("p").build(),
                replace("\"kernelSize\"\\s*:\\s*\\[\\s*2\\s*,\\s*2\\s*\\]", "\"kernelSize\" : [ 0, 2 ]"),
                "PointwiseMaxPool layer 'p'", "kernel size must be at least 1");
    }

    @Test
    void strideBelowOne() {
        assertRefusedOnBothPaths(() -> new NormMaxPool.Builder(VECTORS, 2).stride(0).name("p").build(),
                new NormMaxPool.Builder(VECTORS, 2).name("p").build(),
                replace("\"stride\"\\s*:\\s*\\[\\s*2\\s*,\\s*2\\s*\\]", "\"stride\" : [ 0, 0 ]"),
                "NormMaxPool layer 'p'", "stride must be at least 1", "[0, 0]");
    }

    @Test
    void paddingAboveHalfTheKernel() {
        assertRefusedOnBothPaths(() -> new PointwiseAvgPool.Builder(VECTORS, 2).padding(2).name("p").build(),
                new PointwiseAvgPool.Builder(VECTORS, 2).name("p").build(),
                replace("\"padding\"\\s*:\\s*\\[\\s*0\\s*,\\s*0\\s*\\]", "\"padding\" : [ 2, 2 ]"),
                "PointwiseAvgPool layer 'p'", "at most half the dilated kernel");
    }

    @Test
    void averagePoolingWithDilation() {
        assertRefusedOnBothPaths(() -> new PointwiseAvgPool.Builder(VECTORS, 2).dilation(2).name("p").build(),
                new PointwiseAvgPool.Builder(VECTORS, 2).name("p").build(),
                replace("\"dilation\"\\s*:\\s*\\[\\s*1\\s*,\\s*1\\s*\\]", "\"dilation\" : [ 2, 2 ]"),
                "PointwiseAvgPool layer 'p'", "no dilation", "[2, 2]");
    }

    @Test
    void maxPoolingOnVectorFields() {
        assertRefusedOnBothPaths(() -> new PointwiseMaxPool.Builder(VECTORS, 2).name("p").build(),
                new PointwiseMaxPool.Builder(REGULAR, 2).name("p").build(),
                replace("\"fields\"\\s*:\\s*\\[\\s*\"regular\"\\s*\\]", "\"fields\" : [ \"irrep:1*2\" ]"),
                "PointwiseMaxPool layer 'p'", "irrep_1", "does not support 'pointwise'");
    }

    @Test
    void adaptiveOutputBelowOne() {
        assertRefusedOnBothPaths(() -> new PointwiseAdaptiveAvgPool.Builder(VECTORS, 0).name("p").build(),
                new PointwiseAdaptiveAvgPool.Builder(VECTORS, 1).name("p").build(),
                replace("\"outputSize\"\\s*:\\s*\\[\\s*1\\s*,\\s*1\\s*\\]", "\"outputSize\" : [ 0, 1 ]"),
                "PointwiseAdaptiveAvgPool layer 'p'", "at least 1 x 1");
    }

    @Test
    void antialiasedSigmaNotPositive() {
        assertRefusedOnBothPaths(() -> new PointwiseAvgPoolAntialiased.Builder(VECTORS, -1, 2).name("p").build(),
                new PointwiseAvgPoolAntialiased.Builder(VECTORS, 0.66, 2).name("p").build(), set("sigma", "-1.0"),
                "PointwiseAvgPoolAntialiased layer 'p'", "sigma must be positive and finite, got -1.0");
        assertRefusedOnBothPaths(() -> new PointwiseMaxPoolAntialiased.Builder(REGULAR, 2).sigma(0).name("p").build(),
                new PointwiseMaxPoolAntialiased.Builder(REGULAR, 2).name("p").build(), set("sigma", "1e400"),
                "PointwiseMaxPoolAntialiased layer 'p'", "sigma must be positive and finite");
    }

    @Test
    void anActivationWouldBeIgnored() {
        assertRefusedOnBothPaths(() -> new NormMaxPool.Builder(VECTORS, 2).activation(Activation.TANH).name("p")
                        .build(), new NormMaxPool.Builder(VECTORS, 2).name("p").build(),
                replace("ActivationIdentity", "ActivationTanH"), "NormMaxPool layer 'p'",
                "expected the identity activation", "would be ignored");
    }
}
