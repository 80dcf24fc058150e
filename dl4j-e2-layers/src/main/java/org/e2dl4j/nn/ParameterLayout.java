package org.e2dl4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * How a network configuration lays its parameters out in the flat parameter vector: the layers (or graph
 * vertices) in the order DL4J gives them their slices, each with its parameter count. Used to tell, before a
 * network is built from a saved configuration, whether the stored parameter vector fits it, and if not, which
 * layer the parameters run out in.
 */
final class ParameterLayout {

    /** How many layers a message lists at most. */
    private static final int LISTED = 12;

    private final List<String> layers;
    private final List<Long> counts;

    private ParameterLayout(List<String> layers, List<Long> counts) {
        this.layers = Collections.unmodifiableList(layers);
        this.counts = Collections.unmodifiableList(counts);
    }

    /** The layout of a MultiLayerNetwork: its layers in order. */
    static ParameterLayout of(MultiLayerConfiguration conf) {
        List<String> layers = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < conf.getConfs().size(); i++) {
            NeuralNetConfiguration layer = conf.getConf(i);
            String who = "layer index " + i + " '" + layer.getLayer().getLayerName() + "' ("
                    + layer.getLayer().getClass().getSimpleName() + ")";
            layers.add(who);
            counts.add(count(who, () -> layer.getLayer().initializer().numParams(layer)));
        }
        return new ParameterLayout(layers, counts);
    }

    /** The layout of a ComputationGraph: its vertices in DL4J's topological order. */
    static ParameterLayout of(ComputationGraphConfiguration conf) {
        ComputationGraph graph = new ComputationGraph(conf);
        int[] order = graph.topologicalSortOrder();
        Map<Integer, String> names = graph.calculateIndices().getIdxToName();
        List<String> layers = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int index : order) {
            String name = names.get(index);
            GraphVertex vertex = conf.getVertices().get(name);
            if (vertex == null) {
                continue; // a network input: no parameters
            }
            Object kind = vertex instanceof LayerVertex ? ((LayerVertex) vertex).getLayerConf().getLayer() : vertex;
            String who = "vertex '" + name + "' (" + kind.getClass().getSimpleName() + ")";
            layers.add(who);
            counts.add(count(who, () -> vertex.numParams(true)));
        }
        return new ParameterLayout(layers, counts);
    }

    private static long count(String who, LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(who + ": " + e.getMessage(), e);
        }
    }

    /** The number of parameters the configuration needs. */
    long total() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /**
     * Null if a vector of {@code stored} parameters fits the layout; otherwise what does not fit: the layer the
     * parameters run out in (too few stored), or how many are left after the last layer (too many stored).
     */
    String misfit(long stored) {
        long total = total();
        if (stored == total) {
            return null;
        }
        StringBuilder m = new StringBuilder("the configuration needs " + total + " parameters, the model holds "
                + stored + ": ");
        if (stored < total) {
            long start = 0;
            int i = 0;
            while (start + counts.get(i) <= stored) {
                start += counts.get(i);
                i++;
            }
            m.append("they run out in ").append(layers.get(i)).append(", which needs values ").append(start)
                    .append(" to ").append(start + counts.get(i)).append(" of the vector");
        } else {
            int last = lastWithParameters();
            m.append(stored - total).append(" values are left over after ")
                    .append(last < 0 ? "the layers, which have no parameters" : "the last layer with parameters, "
                            + layers.get(last))
                    .append(", so a layer has fewer parameters than when the model was saved");
        }
        return m.append(". Parameters per layer: ").append(listing()).toString();
    }

    private int lastWithParameters() {
        for (int i = counts.size() - 1; i >= 0; i--) {
            if (counts.get(i) > 0) {
                return i;
            }
        }
        return -1;
    }

    private String listing() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (counts.get(i) > 0) {
                parts.add(layers.get(i) + " " + counts.get(i));
            }
        }
        if (parts.size() > LISTED) {
            int more = parts.size() - LISTED;
            parts = new ArrayList<>(parts.subList(0, LISTED));
            parts.add("and " + more + " more");
        }
        return String.join(", ", parts);
    }
}
