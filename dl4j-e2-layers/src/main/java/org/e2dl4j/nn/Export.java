package org.e2dl4j.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.preprocessor.ComposableInputPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.core.JsonProcessingException;

/**
 * Turns a trained network into an equivalent one made only of stock DL4J classes, which loads and runs
 * without this library: each layer of this library is replaced by the stock layers it declares
 * ({@link EquivariantLayer#toStock}: an {@code R2Conv} becomes a {@code ConvolutionLayer} holding the expanded
 * filter and bias), and each graph vertex of this library by its stock vertex ({@link StockVertex}); stock layers,
 * preprocessors and graph vertices are copied with their parameters. Training state (updater
 * state, iteration counts) is not carried over.
 *
 * <p>The export keeps the source's cache mode. To train an export with DL4J's oneDNN helpers, set
 * {@code CacheMode.DEVICE} on both its configuration and its layers
 * ({@code exported.getLayerWiseConfigurations().setCacheMode(CacheMode.DEVICE); exported.setCacheMode(CacheMode.DEVICE);}):
 * without it DL4J 1.0.0-M2.1's stock {@code ConvolutionLayer} convolves a second time in its backward pass to
 * recompute its pre-activation; with it the forward output is kept and reused (the same parameters after a step).
 * The exported batch norms (stock {@code BatchNormalization}) train about 3.7x faster with the helper that
 * {@code org.e2dl4j.onednn.BatchNormHelpers.install(exported)} of the optional {@code dl4j-onednn-helpers} module
 * puts in place (same function, running averages included); its ReLUs (stock {@code ActivationLayer}) run without
 * DL4J's copies with {@code org.e2dl4j.onednn.ReluLayers.install(exported)} of the same module, and its frozen blurs
 * compute dL/dx alone with {@code org.e2dl4j.onednn.FrozenDepthwiseLayers.install(exported)}.
 *
 * <p>Layers that hold fixed values (blurs, pooling matrices, masks, permutations) are exported frozen
 * ({@link ExportedLayer#fixed}), so training the exported network leaves them as exported.
 *
 * <p>Both methods throw an {@code IllegalArgumentException} naming the layer and the reason when a layer of this
 * library refuses export, or a layer or vertex is neither stock nor of this library.
 */
public final class Export {

    private static final String LIBRARY_PACKAGE = "org.e2dl4j";

    private Export() {
    }

    /** The equivalent network of stock DL4J layers, initialised with the exported parameters. */
    public static MultiLayerNetwork toStandard(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        List<NeuralNetConfiguration> confs = new ArrayList<>();
        List<Map<String, INDArray>> params = new ArrayList<>();
        Map<Integer, InputPreProcessor> preProcessors = new HashMap<>();
        InputPreProcessor pending = null;
        for (int i = 0; i < net.getnLayers(); i++) {
            String where = "layer " + i + " ('" + conf.getConf(i).getLayer().getLayerName() + "')";
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre != null) {
                requireStock(pre, "the preprocessor of " + where);
                pending = chain(pending, pre.clone());
            }
            for (ExportedLayer e : export(net.getLayer(i), where)) {
                InputPreProcessor p = chain(pending, e.preProcessor());
                if (p != null) {
                    preProcessors.put(confs.size(), p);
                }
                pending = null;
                confs.add(withLayer(conf.getConf(i), e));
                params.add(e.params());
            }
        }
        if (pending != null) {
            throw new IllegalStateException("the last layer vanishes on export but has an input preprocessor "
                    + pending + " that no exported layer could take over");
        }
        MultiLayerConfiguration exported = new MultiLayerConfiguration.Builder().confs(confs)
                .inputPreProcessors(preProcessors).backpropType(conf.getBackpropType())
                .tBPTTForwardLength(conf.getTbpttFwdLength()).tBPTTBackwardLength(conf.getTbpttBackLength())
                .cacheMode(conf.getCacheMode()).dataType(conf.getDataType())
                .validateOutputLayerConfig(conf.isValidateOutputLayerConfig()).build();
        exported.setTrainingWorkspaceMode(conf.getTrainingWorkspaceMode());
        exported.setInferenceWorkspaceMode(conf.getInferenceWorkspaceMode());
        MultiLayerNetwork result = new MultiLayerNetwork(exported);
        result.init();
        for (int j = 0; j < params.size(); j++) {
            assign(result.getLayer(j), params.get(j));
        }
        return result;
    }

    /** The equivalent graph of stock DL4J layers and vertices, initialised with the exported parameters. */
    public static ComputationGraph toStandard(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        Map<String, GraphVertex> vertices = new LinkedHashMap<>();
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        Map<String, Map<String, INDArray>> params = new HashMap<>();
        Map<String, String> aliases = new HashMap<>();
        for (Map.Entry<String, GraphVertex> v : conf.getVertices().entrySet()) {
            String name = v.getKey();
            List<String> vertexInputs = conf.getVertexInputs().get(name);
            if (!(v.getValue() instanceof LayerVertex lv)) {
                vertices.put(name, exportVertex(v.getValue(), "vertex '" + name + "'"));
                if (vertexInputs != null) {
                    inputs.put(name, vertexInputs);
                }
                continue;
            }
            if (lv.getPreProcessor() != null) {
                requireStock(lv.getPreProcessor(), "the preprocessor of vertex '" + name + "'");
            }
            List<ExportedLayer> parts = export(graph.getLayer(name), "vertex '" + name + "'");
            if (parts.isEmpty()) {
                if (vertexInputs == null || vertexInputs.size() != 1) {
                    throw new IllegalStateException("vertex '" + name + "' vanishes on export but has inputs "
                            + vertexInputs + "; only single-input layers can vanish");
                }
                aliases.put(name, vertexInputs.get(0));
                continue;
            }
            List<String> previous = vertexInputs;
            for (int k = 0; k < parts.size(); k++) {
                String partName = k == parts.size() - 1 ? name : name + "_export" + k;
                NeuralNetConfiguration partConf = withLayer(lv.getLayerConf(), parts.get(k));
                // ComputationGraph finds a layer's vertex by the layer's name
                partConf.getLayer().setLayerName(partName);
                LayerVertex part = new LayerVertex(partConf,
                        chain(k == 0 ? lv.getPreProcessor() : null, parts.get(k).preProcessor()));
                part.setOutputVertex(lv.isOutputVertex() && k == parts.size() - 1);
                vertices.put(partName, part);
                inputs.put(partName, previous);
                params.put(partName, parts.get(k).params());
                previous = List.of(partName);
            }
        }
        if (!aliases.isEmpty()) {
            inputs.replaceAll((vertex, ins) -> new ArrayList<>(ins.stream().map(in -> resolve(aliases, in)).toList()));
            conf.setNetworkOutputs(new ArrayList<>(conf.getNetworkOutputs().stream().map(out -> resolve(aliases, out)).toList()));
        }
        conf.setVertices(vertices);
        conf.setVertexInputs(inputs);
        conf.setTopologicalOrder(null);
        conf.setTopologicalOrderStr(null);
        ComputationGraph result = new ComputationGraph(conf);
        result.init();
        params.forEach((name, p) -> assign(result.getLayer(name), p));
        return result;
    }

    /** The vertex itself if it is stock, else its stock replacement. */
    private static GraphVertex exportVertex(GraphVertex vertex, String where) {
        if (vertex instanceof StockVertex v) {
            GraphVertex stock = v.toStock();
            requireStock(stock, where + " as exported");
            return stock;
        }
        requireStock(vertex, where);
        return vertex;
    }

    /** First {@code first}, then {@code second}; either may be null. */
    private static InputPreProcessor chain(InputPreProcessor first, InputPreProcessor second) {
        if (first == null) {
            return second;
        }
        if (second == null) {
            return first;
        }
        return new ComposableInputPreProcessor(first, second);
    }

    /** Follows the chain of vanished vertices back to the vertex that really produces {@code name}. */
    private static String resolve(Map<String, String> aliases, String name) {
        String n = name;
        while (aliases.containsKey(n)) {
            n = aliases.get(n);
        }
        return n;
    }

    /**
     * The stock layers replacing one layer: the layer itself if it is stock, else its rule's output (an empty
     * list when the layer computes the identity and vanishes).
     */
    private static List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer, String where) {
        org.deeplearning4j.nn.conf.layers.Layer config = layer.conf().getLayer();
        List<ExportedLayer> parts;
        if (config instanceof EquivariantLayer e) {
            StockExport plan = e.toStock(layer);
            if (plan instanceof StockExport.Refused r) {
                throw new IllegalArgumentException("cannot export " + where + ": " + e.describe() + " has no stock DL4J"
                        + " equivalent: " + r.reason());
            }
            parts = ((StockExport.Replaced) plan).layers();
        } else if (isStockClass(config)) {
            Map<String, INDArray> copy = new LinkedHashMap<>();
            layer.paramTable().forEach((k, v) -> copy.put(k, v.dup()));
            parts = List.of(new ExportedLayer(config.clone(), copy));
        } else {
            throw new IllegalArgumentException("cannot export " + where + ": " + config.getClass().getName()
                    + " is neither a stock DL4J layer nor an EquivariantLayer declaring its stock form");
        }
        for (ExportedLayer part : parts) {
            requireStock(part.config(), where + " as exported");
            if (part.preProcessor() != null) {
                requireStock(part.preProcessor(), "the preprocessor of " + where + " as exported");
            }
        }
        return parts;
    }

    private static boolean isStockClass(Object o) {
        String n = o.getClass().getName();
        return n.startsWith("org.deeplearning4j.") || n.startsWith("org.nd4j.");
    }

    /** Checks that an object and everything it serializes are stock classes (no class of this library). */
    private static void requireStock(Object o, String where) {
        String json;
        try {
            json = NeuralNetConfiguration.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + where + " (" + o.getClass().getName() + ")", e);
        }
        if (!isStockClass(o) || json.contains(LIBRARY_PACKAGE)) {
            throw new IllegalArgumentException("cannot export " + where + ": " + o.getClass().getName()
                    + " is not made only of stock DL4J classes: " + json);
        }
    }

    private static NeuralNetConfiguration withLayer(NeuralNetConfiguration original, ExportedLayer part) {
        NeuralNetConfiguration c = original.clone();
        c.setLayer(part.config());
        c.clearVariables();
        return c;
    }

    private static void assign(org.deeplearning4j.nn.api.Layer layer, Map<String, INDArray> params) {
        Map<String, INDArray> table = layer.paramTable();
        if (!table.keySet().equals(params.keySet())) {
            throw new IllegalStateException("exported parameters " + params.keySet() + " do not match the stock layer's "
                    + table.keySet() + " (" + layer.conf().getLayer().getClass().getSimpleName() + ")");
        }
        params.forEach((k, v) -> table.get(k).assign(v.reshape(table.get(k).shape()).castTo(table.get(k).dataType())));
    }
}
