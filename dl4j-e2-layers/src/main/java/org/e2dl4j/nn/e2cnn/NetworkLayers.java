package org.e2dl4j.nn.e2cnn;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The parameterized layers of a network, in order, as {@link ModuleMapping}s: a MultiLayerNetwork's by index, a
 * ComputationGraph's in topological order (named by vertex).
 */
final class NetworkLayers {

    private NetworkLayers() {
    }

    static List<ModuleMapping> of(MultiLayerNetwork net) {
        if (net.getLayers() == null) {
            throw new IllegalArgumentException("the network is not initialised: call init() before loading or saving"
                    + " e2cnn weights");
        }
        List<ModuleMapping> modules = new ArrayList<>();
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            String name = layer.conf().getLayer().getLayerName();
            add(modules, ModuleMappings.of(i, name == null ? String.valueOf(i) : name, String.valueOf(i),
                    layer.conf().getLayer(),
                    layer.paramTable()));
        }
        return modules;
    }

    static List<ModuleMapping> of(ComputationGraph net) {
        if (net.getVertices() == null) {
            throw new IllegalArgumentException("the graph is not initialised: call init() before loading or saving"
                    + " e2cnn weights");
        }
        List<ModuleMapping> modules = new ArrayList<>();
        int index = 0;
        for (String name : net.getConfiguration().getTopologicalOrderStr()) {
            if (net.getVertex(name).hasLayer()) {
                Layer layer = net.getVertex(name).getLayer();
                add(modules, ModuleMappings.of(index, name, name, layer.conf().getLayer(), layer.paramTable()));
            }
            index++;
        }
        return modules;
    }

    private static void add(List<ModuleMapping> modules, ModuleMapping m) {
        if (m != null) {
            modules.add(m);
        }
    }
}
