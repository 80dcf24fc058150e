package org.e2dl4j.samples.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ConventionalCnnFactoryTest {

    private static final ModelSpec EIGHTH_WIDTH = new ModelSpec(29, 10, 0.125, 3, 1e-3);

    @Test
    void parameterCountAtEighthWidthMatchesTheHandCount() {
        // channels round(2 * 0.125 * (24, 48, 48, 96, 96, 64)) = 6, 12, 12, 24, 24, 16; each convolution has one
        // bias per output channel, each batch norm holds 4 numbers per channel (gamma, beta, running mean, variance):
        long convolutions = 6 * 1 * 49 + 12 * 6 * 25 + 12 * 12 * 25 + 24 * 12 * 25 + 24 * 24 * 25 + 16 * 24 * 25
                + (6 + 12 + 12 + 24 + 24 + 16);
        long batchNorms = 4 * (6 + 12 + 12 + 24 + 24 + 16 + 64);
        long head = (16 * 64 + 64) + (64 * 10 + 10);
        ConventionalCnnFactory factory = ConventionalCnnFactory.standard();

        assertArrayEquals(new int[] {6, 12, 12, 24, 24, 16}, factory.channels(EIGHTH_WIDTH), "channels at width 0.125");
        assertEquals(convolutions + batchNorms + head, factory.parameterCount(EIGHTH_WIDTH), "parameters counted from the configuration");
        assertEquals(convolutions + batchNorms + head, factory.create(EIGHTH_WIDTH).numParams(), "parameters of the built network");
    }

    @Test
    void featureMapsShrinkLikeTheC8ExampleModel() {
        MultiLayerConfiguration configuration = ConventionalCnnFactory.standard().configuration(EIGHTH_WIDTH);
        List<InputType> types = configuration.getLayerActivationTypes(InputType.convolutional(29, 29, 1));

        List<Long> convolutionOutputWidths = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (configuration.getConf(i).getLayer() instanceof PlainConvolution) {
                convolutionOutputWidths.add(((InputType.InputTypeConvolutional) types.get(i)).getWidth());
            }
        }
        assertEquals(List.of(25L, 25L, 13L, 13L, 7L, 5L), convolutionOutputWidths, "output widths of the six convolutions on 29x29 input");
    }

    @Test
    void outputIsAProbabilityDistributionOverTheClasses() {
        MultiLayerNetwork network = ConventionalCnnFactory.standard().create(EIGHTH_WIDTH);
        INDArray images = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 1, 29, 29);

        INDArray probabilities = network.output(images);

        assertArrayEquals(new long[] {3, 10}, probabilities.shape(), "output shape for 3 images");
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, probabilities.getRow(i).sumNumber().doubleValue(), 1e-5, "probabilities of image " + i + " sum");
        }
    }

    @Test
    void matchingParameterCountLandsWithinOnePercentOfTheTarget() {
        ModelSpec quarter = new ModelSpec(29, 10, 0.25, 3, 1e-3);
        for (long target : new long[] {50_000, 120_000, 400_000}) {
            long got = ConventionalCnnFactory.matchingParameterCount(quarter, target).parameterCount(quarter);
            assertTrue(Math.abs(got - target) <= target / 100, "parameters matched to " + target + ", got " + got);
        }
    }
}
