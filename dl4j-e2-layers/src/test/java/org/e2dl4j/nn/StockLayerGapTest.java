package org.e2dl4j.nn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.conv.R2Conv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * A field-type mismatch between two equivariant layers is caught through stock layers that drop the field type
 * but keep the channel count; where the type cannot be known a warning names the layer; and nothing is refused
 * that is right, nor concluded from an earlier configuration built on the same thread.
 */
class StockLayerGapTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);
    private static final FieldType TRIVIAL = FieldType.trivial(C4, 4);
    private static final FieldType REGULAR = FieldType.regular(C4, 1);
    private static final FieldType VECTORS = FieldType.irrep(C4, 2, 1);

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        ((Logger) LoggerFactory.getLogger(StockLayerGap.class)).addAppender(log);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(StockLayerGap.class)).detachAppender(log);
    }

    private static MultiLayerConfiguration build(Layer... layers) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder().list();
        for (Layer l : layers) {
            b.layer(l);
        }
        return b.setInputType(InputType.convolutional(12, 12, 4)).validateOutputLayerConfig(false).build();
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(2, 2).build();
    }

    @Test
    void aMismatchBehindASubsamplingLayerIsRefusedNamingBothLayersAndTypes() {
        assertRejected(() -> build(new R2Conv.Builder(TRIVIAL, REGULAR, 3).name("first").build(), pool(),
                        new R2Conv.Builder(VECTORS, REGULAR, 3).name("second").build()),
                "R2Conv layer 'second' (layer index 2)", "expects " + VECTORS,
                "R2Conv layer 'first' (layer index 0) outputs " + REGULAR, "stock layers that keep the channel count");
    }

    @Test
    void matchingTypesBehindASubsamplingLayerAreAccepted() {
        assertDoesNotThrow(() -> build(new R2Conv.Builder(TRIVIAL, REGULAR, 3).build(), pool(),
                new R2Conv.Builder(REGULAR, REGULAR, 3).build()));
        assertEquals(List.of(), log.list, "nothing to warn about");
    }

    @Test
    void aTraceLeftByAnEarlierBuildOnThisThreadIsNotUsed() {
        build(new R2Conv.Builder(TRIVIAL, REGULAR, 3).build());
        assertDoesNotThrow(() -> build(pool(), new R2Conv.Builder(VECTORS, REGULAR, 3).build()),
                "the first build's output is no input of the second");
        build(new R2Conv.Builder(TRIVIAL, REGULAR, 3).build(), pool(), new R2Conv.Builder(REGULAR, REGULAR, 3).build());
        assertDoesNotThrow(() -> build(pool(), pool(), new R2Conv.Builder(VECTORS, REGULAR, 3).build()));
    }

    @Test
    void aStockLayerThatChangesTheChannelsLeavesTheTypeUnknownAndSaysSo() {
        assertDoesNotThrow(() -> build(new R2Conv.Builder(TRIVIAL, REGULAR, 3).name("first").build(),
                new ConvolutionLayer.Builder(1, 1).nOut(8).build(),
                new R2Conv.Builder(FieldType.regular(C4, 2), REGULAR, 3).name("second").build()));
        assertEquals(1, log.list.size(), "one warning: " + log.list);
        String warning = log.list.get(0).getFormattedMessage();
        assertTrue(warning.contains("R2Conv layer 'second' (layer index 2)") && warning.contains("cannot be checked")
                && warning.contains("R2Conv layer 'first' (layer index 0)") && warning.contains("change the channel count"),
                warning);
    }

    @Test
    void inAGraphWithAPlainNetworkInputTheTypeIsUnknownAndSaysSoOncePerLayer() {
        R2Conv conv = new R2Conv.Builder(TRIVIAL, REGULAR, 3).name("conv").build();
        assertDoesNotThrow(() -> new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                .addLayer("conv", conv, "in").setOutputs("conv").setInputTypes(InputType.convolutional(9, 9, 4))
                .validateOutputLayerConfig(false).build());
        assertEquals(1, log.list.size(), "one warning: " + log.list);
        assertTrue(log.list.get(0).getFormattedMessage().contains("R2Conv layer 'conv'")
                && log.list.get(0).getFormattedMessage().contains("FieldInputType.of"), log.list.get(0).getFormattedMessage());
    }

    @Test
    void aGraphWhoseInputsCarryTheirFieldTypeSaysNothing() {
        assertDoesNotThrow(() -> new NeuralNetConfiguration.Builder().graphBuilder().addInputs("in")
                .addLayer("conv", new R2Conv.Builder(TRIVIAL, REGULAR, 3).build(), "in").setOutputs("conv")
                .setInputTypes(FieldInputType.of(TRIVIAL, 9, 9)).validateOutputLayerConfig(false).build());
        assertEquals(List.of(), log.list);
    }
}
