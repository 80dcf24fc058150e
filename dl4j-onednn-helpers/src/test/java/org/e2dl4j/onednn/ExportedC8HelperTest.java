package org.e2dl4j.onednn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.nn.Export;
import org.e2dl4j.samples.model.C8SteerableCnnFactory;
import org.e2dl4j.samples.model.ModelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sample's C8 steerable CNN, exported to stock DL4J layers ({@link Export#toStandard(MultiLayerNetwork)}),
 * computes the same with DL4J's oneDNN helpers as without: inference, training-mode activations and gradients.
 */
class ExportedC8HelperTest {

    /**
     * Float rounding through the 30-odd stock layers of the export, relative to each array's largest entry (measured:
     * 9.5e-7 inference, 7.7e-6 training-mode activations, 5.1e-6 gradients).
     */
    private static final double FLOAT_TOLERANCE = 1e-4;

    private static final Set<Class<?>> HELPED = Set.of(ConvolutionLayer.class, BatchNormalization.class, SubsamplingLayer.class);

    private static final ModelSpec SPEC = new ModelSpec(29, 10, 0.125, 12, 0.002);
    private static final int BATCH = 4;

    private static HelperPair exported;
    private static INDArray images;
    private static INDArray labels;

    @BeforeAll
    static void exportTrainedC8() {
        if (!OneDnnHelpers.support().usable()) {
            return;
        }
        Nd4j.getRandom().setSeed(21);
        images = Nd4j.rand(DataType.FLOAT, BATCH, 1, SPEC.imageSide(), SPEC.imageSide());
        labels = Nd4j.zeros(DataType.FLOAT, BATCH, SPEC.classes());
        for (int i = 0; i < BATCH; i++) {
            labels.putScalar(i, (3 * i) % SPEC.classes(), 1);
        }
        MultiLayerNetwork c8 = HelperSwitch.with(false, () -> C8SteerableCnnFactory.standard().create(SPEC));
        // one step, so that the batch norms' running statistics and the weights leave their initial values
        c8.fit(images, labels);
        exported = new HelperPair(HelperSwitch.with(true, () -> Export.toStandard(c8)),
                HelperSwitch.with(false, () -> Export.toStandard(c8)));
    }

    @BeforeEach
    void oneDnn() {
        HelperSwitch.assumeOneDnn();
    }

    @Test
    void everyConvolutionBatchNormAndPoolingHasItsHelper() {
        List<String> withHelpers = new ArrayList<>();
        for (int i = 0; i < exported.on().getnLayers(); i++) {
            Layer on = unfrozen(exported.on().getLayer(i));
            assertNull(unfrozen(exported.off().getLayer(i)).getHelper(), "layer " + i + " without helpers");
            // exactly these classes, frozen or not: DL4J M2.1's subclasses (DepthwiseConvolution2DLayer, of the
            // antialiased pooling's export, among them) create no helper
            boolean helped = HELPED.contains(on.getClass());
            assertEquals(helped, on.getHelper() != null, "helper of layer " + i + " " + on.getClass().getSimpleName());
            if (helped) {
                withHelpers.add(on.getClass().getSimpleName());
            }
        }
        // the six R2Convs and the group pooling's frozen 1 x 1 convolutions, the six InnerBatchNorms and the head's
        // batch norm
        assertTrue(withHelpers.stream().filter("ConvolutionLayer"::equals).count() >= 6, withHelpers::toString);
        assertEquals(7, withHelpers.stream().filter("BatchNormalization"::equals).count(), withHelpers::toString);
        assertEquals(exported.off().params(), exported.on().params());
    }

    @Test
    void inferenceIsTheSame() {
        double inference = exported.inference(images);
        assertTrue(inference <= FLOAT_TOLERANCE, () -> "inference differs by " + inference);
    }

    @Test
    void trainingForwardAndGradientsAreTheSame() {
        double forward = exported.trainingForward(images);
        double backward = exported.backward(images, labels);
        for (int i = 0; i < exported.on().getnLayers(); i++) {
            if (unfrozen(exported.on().getLayer(i)).getHelper() != null) {
                assertEquals(0, exported.helperFailures(i), "helper failures of layer " + i);
            }
        }
        assertTrue(forward <= FLOAT_TOLERANCE, () -> "training-mode activations differ by " + forward);
        assertTrue(backward <= FLOAT_TOLERANCE, () -> "gradients differ by " + backward);
    }

    /** The layer inside a frozen layer, or {@code layer}. */
    private static Layer unfrozen(Layer layer) {
        return layer instanceof FrozenLayerWithBackprop frozen ? frozen.getUnderlying() : layer;
    }
}
