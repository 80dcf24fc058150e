package org.e2dl4j.onednn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The same network twice, with equal parameters: {@code on} instantiated with DL4J's helpers switched on,
 * {@code off} without; and the largest differences between their outputs and gradients.
 */
record HelperPair(MultiLayerNetwork on, MultiLayerNetwork off) {

    /** Both networks of {@code network}; {@code on} gets the parameters of {@code off}. */
    static HelperPair of(Supplier<MultiLayerNetwork> network) {
        MultiLayerNetwork off = HelperSwitch.with(false, network);
        MultiLayerNetwork on = HelperSwitch.with(true, network);
        on.setParams(off.params().dup());
        return new HelperPair(on, off);
    }

    /** {@code new MultiLayerNetwork(conf.get())}, initialised. */
    static Supplier<MultiLayerNetwork> initialised(Supplier<org.deeplearning4j.nn.conf.MultiLayerConfiguration> conf) {
        return () -> {
            MultiLayerNetwork net = new MultiLayerNetwork(conf.get());
            net.init();
            return net;
        };
    }

    /** Checks that layer {@code index} has a helper of the type named {@code helperClass} with helpers on and none off. */
    void assertHelper(int index, String helperClass) {
        assertNull(off.getLayer(index).getHelper(), "layer " + index + " without helpers");
        assertNotNull(on.getLayer(index).getHelper(), "layer " + index + " with helpers");
        assertEquals(helperClass, on.getLayer(index).getHelper().getClass().getSimpleName());
    }

    /** How often the helper of layer {@code index} of {@code on} failed, so that DL4J fell back to its own path. */
    int helperFailures(int index) {
        return helperFailures(on.getLayer(index));
    }

    /** Largest relative difference of the inference outputs ({@code output(x, false)}). */
    double inference(INDArray x) {
        return relative(on.output(x, false), off.output(x, false));
    }

    /** Largest relative difference of the training-mode activations of every layer ({@code feedForward(x, true)}). */
    double trainingForward(INDArray x) {
        List<INDArray> a = on.feedForward(x, true);
        List<INDArray> b = off.feedForward(x, true);
        assertEquals(b.size(), a.size());
        double worst = 0;
        for (int i = 0; i < a.size(); i++) {
            worst = Math.max(worst, relative(a.get(i), b.get(i)));
        }
        return worst;
    }

    /**
     * Largest relative difference of the training-mode gradients: of the parameter gradients, relative to their
     * largest entry over all variables (a gradient that is zero in exact arithmetic, such as that of a bias before
     * a batch norm, is float noise on its own scale), and of the gradient with respect to the input.
     */
    double backward(INDArray x, INDArray labels) {
        Pair<Gradient, INDArray> a = on.calculateGradients(x, labels, null, null);
        Pair<Gradient, INDArray> b = off.calculateGradients(x, labels, null, null);
        Map<String, INDArray> ga = new TreeMap<>(a.getFirst().gradientForVariable());
        Map<String, INDArray> gb = new TreeMap<>(b.getFirst().gradientForVariable());
        assertEquals(gb.keySet(), ga.keySet(), "gradient variables");
        double diff = 0;
        double scale = 0;
        for (String key : gb.keySet()) {
            assertArrayEquals(gb.get(key).shape(), ga.get(key).shape(), key);
            diff = Math.max(diff, absoluteMax(ga.get(key).castTo(DataType.DOUBLE).sub(gb.get(key).castTo(DataType.DOUBLE))));
            scale = Math.max(scale, absoluteMax(gb.get(key)));
        }
        double params = diff == 0 ? 0 : diff / scale;
        return Math.max(params, relative(a.getSecond(), b.getSecond()));
    }

    /**
     * {@code max |actual - expected| / max |expected|}, in double; 0 when both are all zero. The shapes must
     * agree and neither may hold NaN.
     */
    static double relative(INDArray actual, INDArray expected) {
        assertArrayEquals(expected.shape(), actual.shape(), "shapes");
        INDArray a = actual.castTo(DataType.DOUBLE);
        INDArray e = expected.castTo(DataType.DOUBLE);
        assertTrue(!a.isNaN().any() && !e.isNaN().any(), "NaN in an output");
        double diff = absoluteMax(a.sub(e));
        return diff == 0 ? 0 : diff / absoluteMax(e);
    }

    private static double absoluteMax(INDArray a) {
        assertTrue(!a.isNaN().any(), "NaN in a gradient");
        return a.amaxNumber().doubleValue();
    }

    /** How often the helper of {@code layer} (of the layer inside, for a frozen layer) failed. */
    static int helperFailures(Layer layer) {
        if (layer instanceof FrozenLayerWithBackprop frozen) {
            return helperFailures(frozen.getUnderlying());
        }
        for (Class<?> c = layer.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("helperCountFail");
                f.setAccessible(true);
                return f.getInt(layer);
            } catch (NoSuchFieldException e) {
                // declared further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException(layer.getClass().getName() + " counts no helper failures");
    }
}
