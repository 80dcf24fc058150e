package org.e2dl4j.nn.conv;

import static org.e2dl4j.testing.Rejections.assertRejected;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Bad configurations and inputs fail early, with messages naming the layer, what was expected and what came. */
class R2ConvValidationTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType TRIVIAL = FieldType.trivial(C4, 4);
    private static final FieldType REGULAR = FieldType.regular(C4, 1);
    private static final FieldType VECTORS = FieldType.irrep(C4, 2, 1);

    @Test
    void mismatchedFieldTypesBetweenLayersFailWhenTheConfigurationIsBuilt() {
        assertRejected(() -> new NeuralNetConfiguration.Builder().list()
                        .layer(new R2Conv.Builder(TRIVIAL, REGULAR, 3).build())
                        .layer(new R2Conv.Builder(VECTORS, REGULAR, 3).build())
                        .setInputType(InputType.convolutional(9, 9, 4)).build(),
                "layer1", "expects " + VECTORS, "outputs " + REGULAR);
    }

    @Test
    void mismatchedFieldTypesAreCaughtThroughStockLayersThatKeepTheType() {
        assertRejected(() -> new NeuralNetConfiguration.Builder().list()
                        .layer(new R2Conv.Builder(TRIVIAL, REGULAR, 3).build())
                        .layer(new ActivationLayer.Builder().activation(Activation.RELU).build())
                        .layer(new R2Conv.Builder(VECTORS, REGULAR, 3).build())
                        .setInputType(InputType.convolutional(9, 9, 4)).build(),
                "layer2", "expects " + VECTORS, "outputs " + REGULAR);
    }

    @Test
    void mismatchedFieldTypesInAGraphNameTheVertex() {
        assertRejected(() -> new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                        .addLayer("first", new R2Conv.Builder(TRIVIAL, REGULAR, 3).build(), "in")
                        .addLayer("second", new R2Conv.Builder(VECTORS, REGULAR, 3).build(), "first")
                        .setOutputs("second").setInputTypes(InputType.convolutional(9, 9, 4)).build(),
                "'second'", "expects " + VECTORS, "outputs " + REGULAR);
    }

    @Test
    void wrongChannelCountFailsAtBuildTimeEvenAfterALayerThatDropsTheFieldType() {
        assertRejected(() -> new NeuralNetConfiguration.Builder().list()
                        .layer(new R2Conv.Builder(TRIVIAL, REGULAR, 3).build())
                        .setInputType(InputType.convolutional(9, 9, 3)).build(),
                "3 channels", "has 4");
        assertRejected(() -> new NeuralNetConfiguration.Builder().list()
                        .layer(new R2Conv.Builder(TRIVIAL, REGULAR, 3).build())
                        .layer(new SubsamplingLayer.Builder(2, 2).build())
                        .layer(new R2Conv.Builder(FieldType.regular(C4, 2), REGULAR, 3).build())
                        .setInputType(InputType.convolutional(9, 9, 4)).build(),
                "layer2", "4 channels", "has 8");
    }

    @Test
    void wrongChannelCountAtRunTimeIsNotAnNd4jShapeError() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new R2Conv.Builder(TRIVIAL, REGULAR, 3).build())
                .setInputType(InputType.convolutional(9, 9, 4)).validateOutputLayerConfig(false).build());
        net.init();
        assertRejected(() -> net.output(Nd4j.zeros(DataType.FLOAT, 1, 3, 9, 9)), "layer index 0", "expected 4 channels",
                "got 3 channels");
        assertRejected(() -> net.output(Nd4j.zeros(DataType.FLOAT, 1, 4, 2, 2)), "input shape", "kernel");
    }

    @Test
    void inconsistentLayerSettingsFailInTheBuilder() {
        assertRejected(() -> new R2Conv.Builder(TRIVIAL, FieldType.regular(GSpaces.rot2dOnR2(8), 1), 3).build(),
                "same G-space", "Rot2dOnR2(4)", "Rot2dOnR2(8)");
        assertRejected(() -> new R2Conv.Builder(TRIVIAL, REGULAR, 0).build(), "kernelSize 0");
        assertRejected(() -> new R2Conv.Builder(TRIVIAL, REGULAR, 3).padding(-1).build(), "padding -1");
        assertRejected(() -> new R2Conv.Builder(TRIVIAL, REGULAR, 3).stride(0).build(), "stride 0");
        assertRejected(() -> new R2Conv.Builder(TRIVIAL, REGULAR, 3).convolutionMode(ConvolutionMode.Causal).build(),
                "Causal");
        assertRejected(() -> new R2Conv.Builder(TRIVIAL, REGULAR, 3).groups(3).build(), "groups", "got 3");
        assertRejected(() -> new R2Conv.Builder(TRIVIAL, VECTORS, 3).activation(Activation.RELU).build(),
                "irrep_1", "pointwise");
        assertRejected(() -> new R2Conv.Builder(TRIVIAL, REGULAR, 3).sigma(-1).build(), "sigma");
    }

    @Test
    void emptyKernelBasisIsReported() {
        GSpace d4 = GSpaces.flipRot2dOnR2(4);
        assertRejected(() -> new R2Conv.Builder(FieldType.irrep(d4, 1, 0, 2), FieldType.irrep(d4, 1, 1, 2), 5).build(),
                "empty", "irrep_0,2", "irrep_1,2");
    }
}
