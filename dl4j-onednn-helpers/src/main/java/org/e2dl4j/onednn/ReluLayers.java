package org.e2dl4j.onednn;

import java.lang.reflect.Field;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.impl.LayerVertex;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Replaces every stock {@code ActivationLayer} of plain ReLU in an instantiated network by a layer of this module
 * that computes the same function without DL4J's copy of the input (training forward: read x, write max(x, 0) with the
 * stock op; backward: write the step [x > 0], multiply it by dL/dy in place, instead of libnd4j's slower
 * {@code relu_bp}). Outputs and, for finite dL/dy, gradients are the stock values (a NaN or infinite dL/dy where
 * x &lt;= 0 stays NaN, where the stock layer drops it to 0); the configuration (JSON, {@code ModelSerializer}) stays the
 * stock one.
 *
 * <p>Only {@code Activation.RELU} as built by {@code new ActivationReLU()} is replaced (no max, threshold or negative
 * slope), and only layers of exactly DL4J's {@code ActivationLayer} class at the top level of the network. DL4J makes
 * its layers anew whenever it instantiates a network ({@code init()}, {@code clone()}, {@code ModelSerializer.restore...}),
 * so call {@link #install} again after each of these. DL4J 1.0.0-M2.1 has no setter for a graph vertex's layer and
 * none for a network's layer by name; this class writes those fields by reflection, which works while DL4J sits on
 * the class path (as an unnamed module). The ops are backend-neutral.
 */
public final class ReluLayers {

    private ReluLayers() {
    }

    /**
     * Replaces the plain-ReLU activation layers of {@code network}.
     *
     * @return the number of layers replaced
     * @throws IllegalArgumentException when the network has not been initialized
     */
    public static int install(MultiLayerNetwork network) {
        DataType dataType = network.getLayerWiseConfigurations().getDataType();
        Layer[] layers = initialized(network.getLayers());
        @SuppressWarnings("unchecked")
        Map<String, Layer> byName = (Map<String, Layer>) read(field(MultiLayerNetwork.class, "layerMap"), network);
        int count = 0;
        for (int i = 0; i < layers.length; i++) {
            if (replaceable(layers[i])) {
                Layer old = layers[i];
                Layer layer = replacement(old, dataType);
                layers[i] = layer;
                byName.replace(old.conf().getLayer().getLayerName(), old, layer);
                count++;
            }
        }
        return count;
    }

    /** As {@link #install(MultiLayerNetwork)}, for the layer vertices of a computation graph. */
    public static int install(ComputationGraph graph) {
        DataType dataType = graph.getConfiguration().getDataType();
        Layer[] layers = initialized(graph.getLayers());
        Field vertexLayer = field(LayerVertex.class, "layer");
        int count = 0;
        for (GraphVertex vertex : graph.getVertices()) {
            if (vertex instanceof LayerVertex && replaceable(vertex.getLayer())) {
                Layer old = vertex.getLayer();
                Layer layer = replacement(old, dataType);
                write(vertexLayer, vertex, layer);
                for (int i = 0; i < layers.length; i++) {
                    if (layers[i] == old) {
                        layers[i] = layer;
                    }
                }
                count++;
            }
        }
        return count;
    }

    /** Whether {@code layer} is one of this module's ReLU layers. */
    public static boolean installed(Layer layer) {
        return layer instanceof CopyFreeReluLayer;
    }

    private static Layer[] initialized(Layer[] layers) {
        if (layers == null) {
            throw new IllegalArgumentException("ReLU layers: expected an initialized network, got one without layers"
                    + " (call init() before install)");
        }
        return layers;
    }

    private static boolean replaceable(Layer layer) {
        if (layer == null || layer.getClass() != ActivationLayer.class) {
            return false;
        }
        IActivation fn = ((org.deeplearning4j.nn.conf.layers.ActivationLayer) layer.conf().getLayer()).getActivationFn();
        return fn instanceof ActivationReLU relu && relu.getMax() == null && relu.getThreshold() == null
                && relu.getNegativeSlope() == null;
    }

    private static Layer replacement(Layer old, DataType dataType) {
        CopyFreeReluLayer layer = new CopyFreeReluLayer(old.conf(), dataType);
        layer.setIndex(old.getIndex());
        layer.setListeners(old.getListeners());
        return layer;
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field f = owner.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException("ReLU layers: DL4J's " + owner.getSimpleName() + " has no field '" + name
                    + "'; this module needs DL4J 1.0.0-M2.1", e);
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("ReLU layers: cannot read " + field, e);
        }
    }

    private static void write(Field field, Object owner, Object value) {
        try {
            field.set(owner, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("ReLU layers: cannot write " + field, e);
        }
    }
}
