package org.e2dl4j.nn.conv;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;
import static org.e2dl4j.testing.Rejections.assertRejected;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.FieldVolumeInputType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bad R3Conv / R3ConvTransposed configurations and inputs fail at the earliest point (builder, the JSON of a saved
 * configuration, the network's build, the first forward pass), with messages naming the layer, what was expected and
 * what came; and the planar convolutions refuse volumetric field types.
 */
class R3ConvValidationTest {

    private static final GSpace C4Z = GSpaces.rot2dOnR3(4);
    private static final FieldType IN = FieldType.trivial(C4Z, 1).plus(FieldType.irrep(C4Z, 1, 1));
    private static final FieldType OUT = FieldType.regular(C4Z, 1);
    private static final FieldType PLANAR = FieldType.regular(GSpaces.rot2dOnR2(4), 1);

    @Test
    void theConvolutionsTakeFieldTypesOfTheirOwnBaseSpace() {
        assertRejected(() -> new R3Conv.Builder(PLANAR, PLANAR, 3).build(), "R3Conv", "3-dimensional base space",
                PLANAR.toString());
        assertRejected(() -> new R3ConvTransposed.Builder(PLANAR, PLANAR, 3).build(), "R3ConvTransposed",
                "3-dimensional base space");
        assertRejected(() -> new R2Conv.Builder(IN, OUT, 3).build(), "R2Conv", "2-dimensional base space",
                IN.toString());
        assertRejected(() -> new R3Conv.Builder(IN, PLANAR, 3).build(), "R3Conv", "same G-space");
    }

    @Test
    void aPlanarOrMismatchedInputTypeFailsWhenTheNetworkIsConfigured() {
        assertRejected(() -> new NeuralNetConfiguration.Builder().list().layer(new R3Conv.Builder(IN, OUT, 3).build())
                        .setInputType(InputType.convolutional(5, 5, IN.size())).build(),
                "R3Conv", "NCDHW", IN.toString());
        assertRejected(() -> new NeuralNetConfiguration.Builder().list().layer(new R3Conv.Builder(IN, OUT, 3).build())
                        .setInputType(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 5, 5, 5, 2)).build(),
                "R3Conv", "2 channels", "has 3");
        assertRejected(() -> new NeuralNetConfiguration.Builder().list().layer(new R3Conv.Builder(IN, OUT, 3).build())
                        .setInputType(InputType.convolutional3D(Convolution3D.DataFormat.NDHWC, 5, 5, 5, 3)).build(),
                "R3Conv", "NCDHW", "NDHWC");
        assertRejected(() -> new NeuralNetConfiguration.Builder().list()
                        .layer(new R3Conv.Builder(IN, OUT, 3).build())
                        .layer(new R3Conv.Builder(IN, OUT, 3).build())
                        .setInputType(FieldVolumeInputType.of(IN, 5, 5, 5)).build(),
                "layer1", "expects " + IN, "outputs " + OUT);
        assertRejected(() -> new NeuralNetConfiguration.Builder().list()
                        .layer(new R3Conv.Builder(IN, OUT, 3).padding(2).paddingMode(PaddingMode.REFLECT).build())
                        .setInputType(FieldVolumeInputType.of(IN, 6, 2, 6)).build(),
                "R3Conv", "input 6 x 2 x 6", "REFLECT padding by 2", "got 2");
        assertRejected(() -> new NeuralNetConfiguration.Builder().list().layer(new R3Conv.Builder(IN, OUT, 5).build())
                        .setInputType(FieldVolumeInputType.of(IN, 6, 3, 6)).build(),
                "R3Conv", "input 6 x 3 x 6", "smaller than the dilated kernel (5)");
    }

    @Test
    void aWrongInputArrayFailsAtTheFirstForwardPassNamingTheLayer() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new R3Conv.Builder(IN, OUT, 3).build()).setInputType(FieldVolumeInputType.of(IN, 5, 5, 5))
                .validateOutputLayerConfig(false).build());
        net.init();
        assertRejected(() -> net.output(Nd4j.zeros(DataType.FLOAT, 1, 3, 5, 5)), "R3Conv", "rank-5 NCDHW volume",
                "got rank 4");
        assertRejected(() -> net.output(Nd4j.zeros(DataType.FLOAT, 1, 2, 5, 5, 5)), "R3Conv", "3 channels");
        assertRejected(() -> net.output(Nd4j.zeros(DataType.FLOAT, 1, 3, 5, 2, 5)), "R3Conv", "input shape",
                "kernel");
    }

    @Test
    void badSettingsAreRefusedByTheBuilderAndInAnEditedConfiguration() {
        R3Conv valid = new R3Conv.Builder(IN, OUT, 3).build();
        assertRefusedOnBothPaths(() -> new R3Conv.Builder(IN, OUT, 0).build(), valid, set("kernelSize", "0"),
                "R3Conv", "kernelSize >= 1", "got kernelSize 0");
        assertRefusedOnBothPaths(() -> new R3Conv.Builder(IN, OUT, 3).stride(0).build(), valid, set("stride", "0"),
                "R3Conv", "stride >= 1");
        R3ConvTransposed transposed = new R3ConvTransposed.Builder(IN, OUT, 3).stride(2).build();
        assertRefusedOnBothPaths(() -> new R3ConvTransposed.Builder(IN, OUT, 3).stride(2).outputPadding(2).build(),
                transposed, set("outputPadding", "2"), "R3ConvTransposed", "output padding", "got 2");
        assertRefusedOnBothPaths(() -> new R3ConvTransposed.Builder(IN, OUT, 3).padding(1)
                        .paddingMode(PaddingMode.CIRCULAR).build(), transposed, set("paddingMode", "\"CIRCULAR\""),
                "R3ConvTransposed", "zeros only", "CIRCULAR");
    }
}
