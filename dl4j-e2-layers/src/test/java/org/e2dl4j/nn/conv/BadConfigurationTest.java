package org.e2dl4j.nn.conv;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.graphJson;
import static org.e2dl4j.nn.testing.EditedConfigurations.initGraph;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;
import static org.e2dl4j.testing.Rejections.assertRejected;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;

/**
 * Every check of the steerable convolutions' configuration, on both paths: the builder, and a configuration
 * whose JSON was edited after it was written (read with {@code MultiLayerConfiguration.fromJson} or
 * {@code ComputationGraphConfiguration.fromJson}, or restored from an edited model zip, then initialised).
 */
class BadConfigurationTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType TRIVIAL = FieldType.trivial(C4, 4);
    private static final FieldType REGULAR = FieldType.regular(C4, 2);
    private static final FieldType VECTORS = FieldType.irrep(C4, 2, 1);
    private static final String WHO = "R2Conv layer 'bad'";

    private static R2Conv.Builder conv() {
        return new R2Conv.Builder(TRIVIAL, REGULAR, 3).name("bad");
    }

    @Test
    void strideBelowOne() {
        assertRefusedOnBothPaths(() -> conv().stride(0).build(), conv().build(), set("stride", "0"), WHO, "stride 0");
    }

    @Test
    void negativePadding() {
        assertRefusedOnBothPaths(() -> conv().padding(-2).build(), conv().build(), set("padding", "-2"), WHO,
                "padding >= 0", "padding -2");
    }

    @Test
    void dilationBelowOne() {
        assertRefusedOnBothPaths(() -> conv().dilation(0).build(), conv().build(), set("dilation", "0"), WHO,
                "dilation 0");
    }

    @Test
    void kernelSizeBelowOne() {
        assertRefusedOnBothPaths(() -> new R2Conv.Builder(TRIVIAL, REGULAR, 0).name("bad").build(), conv().build(),
                set("kernelSize", "0"), WHO, "kernelSize 0");
    }

    @Test
    void zeroGroupsAreRefusedNotDividedBy() {
        assertRefusedOnBothPaths(() -> conv().groups(0).build(), conv().build(), set("groups", "0"), WHO,
                "groups must be >= 1", "got 0");
    }

    @Test
    void groupsThatDoNotDivideTheFields() {
        assertRefusedOnBothPaths(() -> conv().groups(3).build(), conv().build(), set("groups", "3"), WHO,
                "divide the number of input fields", "got 3");
    }

    @Test
    void causalPaddingMode() {
        assertRefusedOnBothPaths(() -> conv().convolutionMode(ConvolutionMode.Causal).build(), conv().build(),
                set("convolutionMode", "\"Causal\""), WHO, "Truncate, Strict or Same", "Causal");
    }

    @Test
    void pointwiseActivationOnVectorFields() {
        R2Conv valid = new R2Conv.Builder(TRIVIAL, VECTORS, 3).name("bad").build();
        assertRefusedOnBothPaths(() -> new R2Conv.Builder(TRIVIAL, VECTORS, 3).name("bad").activation(Activation.RELU)
                        .build(), valid, replace("ActivationIdentity", "ActivationReLU"), WHO, "channel by channel",
                "irrep_1");
    }

    @Test
    void typesOnDifferentGSpaces() {
        assertRefusedOnBothPaths(() -> new R2Conv.Builder(TRIVIAL, FieldType.regular(GSpaces.rot2dOnR2(8), 1), 3)
                        .name("bad").build(), conv().build(),
                replace("(\"outType\"\\s*:\\s*\\{\\s*\"gspace\"\\s*:\\s*\"rot2dOnR2\",\\s*\"n\"\\s*:\\s*)4", "$18"),
                WHO, "same G-space", "Rot2dOnR2(4)", "Rot2dOnR2(8)");
    }

    @Test
    void missingOutputType() {
        String json = replace("\"outType\"\\s*:\\s*\\{[^}]*\\}", "\"outType\" : null")
                .apply(org.e2dl4j.nn.testing.EditedConfigurations.networkJson(conv().build()));
        assertRejected(() -> org.e2dl4j.nn.testing.EditedConfigurations.initNetwork(json), WHO, "no output field type");
    }

    @Test
    void aGraphReadFromEditedJsonIsCheckedToo() {
        String json = set("stride", "0").apply(graphJson(conv().build()));
        assertRejected(() -> initGraph(json), "R2Conv layer 'layer'", "stride 0");
    }

    @Test
    void aSavedModelWhoseConfigurationWasEditedIsRefusedWhenRestored(@TempDir Path dir) throws IOException {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list().layer(conv().build())
                .validateOutputLayerConfig(false).build());
        net.init();
        File saved = dir.resolve("model.zip").toFile();
        ModelSerializer.writeModel(net, saved, false);
        File edited = dir.resolve("edited.zip").toFile();
        rewriteEntry(saved, edited, "configuration.json", set("groups", "0"));
        assertRejected(() -> ModelSerializer.restoreMultiLayerNetwork(edited), WHO, "groups must be >= 1", "got 0");
    }

    /** Copies a zip, replacing the text of one entry by its edited form. */
    private static void rewriteEntry(File from, File to, String entry, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        try (ZipFile in = new ZipFile(from); ZipOutputStream out = new ZipOutputStream(new FileOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
