package org.e2dl4j.onednn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.nn.Export;
import org.e2dl4j.samples.model.C8SteerableCnnFactory;
import org.e2dl4j.samples.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's cache mode on the exported C8 network with oneDNN helpers: with {@code CacheMode.DEVICE} set on the
 * configuration and the layers, a stock {@code ConvolutionLayer} keeps its forward output for its backward pass
 * (DL4J M2.1 convolves again without it), and a training step ends with exactly the parameters of the step without
 * the cache. {@code MultiLayerNetwork.setCacheMode} alone reaches only the layers, and then nothing is cached.
 */
class ExportedCacheModeTest {

    private static final ModelSpec SPEC = new ModelSpec(29, 10, 0.125, 12, 0.002);

    @Test
    void cachedForwardOutputGivesTheSameTrainingStep() throws ReflectiveOperationException {
        HelperSwitch.assumeOneDnn();
        Nd4j.getRandom().setSeed(5);
        INDArray images = Nd4j.rand(DataType.FLOAT, 4, 1, SPEC.imageSide(), SPEC.imageSide());
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 4, SPEC.classes());
        for (int i = 0; i < 4; i++) {
            labels.putScalar(i, (7 * i) % SPEC.classes(), 1);
        }
        MultiLayerNetwork c8 = HelperSwitch.with(false, () -> C8SteerableCnnFactory.standard().create(SPEC));
        MultiLayerNetwork plain = HelperSwitch.with(true, () -> Export.toStandard(c8));
        MultiLayerNetwork layersOnly = HelperSwitch.with(true, () -> Export.toStandard(c8));
        MultiLayerNetwork cached = HelperSwitch.with(true, () -> Export.toStandard(c8));
        layersOnly.setCacheMode(CacheMode.DEVICE);
        cached.getLayerWiseConfigurations().setCacheMode(CacheMode.DEVICE);
        cached.setCacheMode(CacheMode.DEVICE);
        // the forward output a layer keeps (AbstractLayer.preOutput), read by ConvolutionLayer.preOutput for backprop
        Field preOutput = AbstractLayer.class.getDeclaredField("preOutput");
        preOutput.setAccessible(true);
        int convolution = firstConvolutionWithHelper(cached);

        plain.fit(images, labels);
        layersOnly.fit(images, labels);
        assertNull(preOutput.get(layersOnly.getLayer(convolution)),
                "with the layers' cache mode alone, fit opens no FF_CACHE workspace and nothing is kept");
        cached.fit(images, labels);
        assertNotNull(preOutput.get(cached.getLayer(convolution)), "the forward output kept for the backward pass");

        assertEquals(plain.params(), cached.params(), "parameters after one step, with and without the cache");
        assertEquals(plain.params(), layersOnly.params());
    }

    private static int firstConvolutionWithHelper(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            if (layer.getClass() == ConvolutionLayer.class && layer.getHelper() != null) {
                return i;
            }
        }
        throw new AssertionError("the export has no ConvolutionLayer with a helper");
    }
}
