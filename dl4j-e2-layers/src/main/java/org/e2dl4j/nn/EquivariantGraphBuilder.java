package org.e2dl4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * Field-type bookkeeping for a DL4J {@code ComputationGraph} of equivariant layers: every vertex added through
 * it has a known output {@link FieldType}, and every layer is checked against the type of its input vertex when
 * it is added. DL4J vertices have one output each, so e2cnn's branching by field labels
 * ({@code MultipleModule} = {@code BranchingModule} + {@code MergeModule}) becomes
 *
 * <ul>
 *   <li>{@link #splitByLabels}: one {@link FieldSubsetVertex} per label selecting that label's fields (contiguous
 *       channels); when a label's fields are not contiguous, the direct sum of its runs of fields groups them by
 *       label (e2cnn's {@code reshuffle});</li>
 *   <li>{@link #addDirectSum}: a {@link DirectSumVertex}, the direct sum of tensors, whose output type is the
 *       direct sum of its inputs' types ({@link FieldType#directSum});</li>
 *   <li>{@link #addMultiple}: both, with one layer per label in between.</li>
 * </ul>
 * and a residual connection joins with {@link #addSum}, a {@link FieldSumVertex} adding maps of one type.
 * The vertices export to stock ones ({@code SubsetVertex}, {@code MergeVertex}, {@code ElementWiseVertex}), so a graph built here exports with
 * {@link Export} wherever its layers do.
 *
 * <pre>
 * EquivariantGraphBuilder g = EquivariantGraphBuilder.on(new NeuralNetConfiguration.Builder().graphBuilder())
 *     .addInput("in", in)
 *     .addLayer("conv", t -&gt; new R2Conv.Builder(t, mixed, 3).padding(1).build(), "in");
 * Map&lt;String, String&gt; branch = g.splitByLabels("split", "conv", labels);
 * g.addLayer("a", t -&gt; new R2Conv.Builder(t, outA, 3).padding(1).build(), branch.get("a"))
 *  .addLayer("b", t -&gt; new R2Conv.Builder(t, outB, 3).padding(1).build(), branch.get("b"))
 *  .addDirectSum("sum", "a", "b")
 *  .setOutputs("sum");
 * ComputationGraphConfiguration conf = g.build(17, 17);
 * </pre>
 * Vertices added directly to the underlying {@link #graphBuilder()} are unknown to it; {@link #addStockLayer}
 * adds a layer whose output has no field type (after which no typed layer can follow).
 */
public final class EquivariantGraphBuilder {

    private final ComputationGraphConfiguration.GraphBuilder graph;
    private final Map<String, FieldType> inputs = new LinkedHashMap<>();
    private final Map<String, FieldType> types = new LinkedHashMap<>();
    private final List<String> untyped = new ArrayList<>();

    private EquivariantGraphBuilder(ComputationGraphConfiguration.GraphBuilder graph) {
        this.graph = Objects.requireNonNull(graph, "graph builder");
    }

    /** Typed construction on a DL4J graph builder (which carries the global settings). */
    public static EquivariantGraphBuilder on(ComputationGraphConfiguration.GraphBuilder graph) {
        return new EquivariantGraphBuilder(graph);
    }

    /** The underlying DL4J graph builder. */
    public ComputationGraphConfiguration.GraphBuilder graphBuilder() {
        return graph;
    }

    /** A network input carrying feature maps of the given type. */
    public EquivariantGraphBuilder addInput(String name, FieldType type) {
        requireNew(name);
        graph.addInputs(name);
        inputs.put(name, Objects.requireNonNull(type, "type of input " + name));
        types.put(name, type);
        return this;
    }

    /**
     * The output type of a vertex added through this builder.
     *
     * @throws IllegalArgumentException if the vertex is unknown or has no field type
     */
    public FieldType typeOf(String vertex) {
        FieldType t = types.get(vertex);
        if (t == null) {
            throw new IllegalArgumentException(untyped.contains(vertex)
                    ? "vertex '" + vertex + "' is a stock layer whose output has no field type"
                    : "no vertex '" + vertex + "' with a field type (known: " + types.keySet() + ")");
        }
        return t;
    }

    /**
     * Adds a layer on the output of {@code input}.
     *
     * @throws IllegalArgumentException naming the vertex and both types, if the layer's input type is not the type
     *                                  of {@code input}
     */
    public EquivariantGraphBuilder addLayer(String name, TypedLayer layer, String input) {
        requireNew(name);
        if (!(layer instanceof Layer)) {
            throw new IllegalArgumentException("vertex '" + name + "': " + (layer == null ? "null"
                    : layer.getClass().getName()) + " is not a DL4J layer configuration");
        }
        FieldType in = typeOf(input);
        if (!layer.getInType().equals(in)) {
            throw new IllegalArgumentException("vertex '" + name + "' (" + layer.getClass().getSimpleName()
                    + ") expects input type " + layer.getInType() + " but its input '" + input + "' has type " + in);
        }
        graph.addLayer(name, (Layer) layer, input);
        types.put(name, layer.outType());
        return this;
    }

    /** Adds the layer {@code layer} builds for the type of {@code input}. */
    public EquivariantGraphBuilder addLayer(String name, Function<FieldType, ? extends TypedLayer> layer,
                                            String input) {
        return addLayer(name, layer.apply(typeOf(input)), input);
    }

    /**
     * Adds the layers of a sequence (copies) one after the other on {@code input}: the last is named {@code name},
     * the others {@code name_0}, {@code name_1}, ...
     */
    public EquivariantGraphBuilder addSequence(String name, EquivariantSequence sequence, String input) {
        List<Layer> layers = sequence.layers();
        String previous = input;
        for (int i = 0; i < layers.size(); i++) {
            String vertex = i == layers.size() - 1 ? name : name + "_" + i;
            addLayer(vertex, (TypedLayer) layers.get(i), previous);
            previous = vertex;
        }
        return this;
    }

    /** Adds a stock (untyped) layer; its output has no field type. */
    public EquivariantGraphBuilder addStockLayer(String name, Layer layer, String... inputs) {
        requireNew(name);
        graph.addLayer(name, layer, inputs);
        untyped.add(name);
        return this;
    }

    /**
     * Splits the fields of {@code input} by one label per field (e2cnn's {@code BranchingModule}). For each label,
     * in order of first appearance, a vertex named {@code name_<label>} carries its fields, of type
     * {@code typeOf(input).groupByLabels(labels).get(label)}: a {@link FieldSubsetVertex} when the label's fields
     * are contiguous, else the {@link DirectSumVertex} of one {@link FieldSubsetVertex} per run of consecutive
     * fields ({@code name_<label>_run<k>}). With a single label, the input itself is the branch.
     *
     * @return the vertex of each label's branch, in order of first appearance
     * @throws IllegalArgumentException if there is not one label per field
     */
    public Map<String, String> splitByLabels(String name, String input, List<String> labels) {
        FieldType type = typeOf(input);
        Map<String, FieldType> byLabel = type.groupByLabels(labels);
        if (byLabel.size() == 1) {
            return Map.of(byLabel.keySet().iterator().next(), input);
        }
        Map<String, String> branches = new LinkedHashMap<>();
        for (String label : byLabel.keySet()) {
            List<int[]> runs = new ArrayList<>();
            for (int f = 0; f < labels.size(); f++) {
                if (labels.get(f).equals(label)) {
                    if (f > 0 && labels.get(f - 1).equals(label)) {
                        runs.get(runs.size() - 1)[1] = f + 1;
                    } else {
                        runs.add(new int[] {f, f + 1});
                    }
                }
            }
            String vertex = name + "_" + label;
            requireNew(vertex);
            if (runs.size() == 1) {
                graph.addVertex(vertex, new FieldSubsetVertex(type, runs.get(0)[0], runs.get(0)[1]), input);
            } else {
                String[] parts = new String[runs.size()];
                for (int k = 0; k < runs.size(); k++) {
                    parts[k] = vertex + "_run" + k;
                    requireNew(parts[k]);
                    FieldSubsetVertex run = new FieldSubsetVertex(type, runs.get(k)[0], runs.get(k)[1]);
                    graph.addVertex(parts[k], run, input);
                    types.put(parts[k], run.outType());
                }
                graph.addVertex(vertex, new DirectSumVertex(), parts);
            }
            types.put(vertex, byLabel.get(label));
            branches.put(label, vertex);
        }
        return Collections.unmodifiableMap(branches);
    }

    /**
     * The direct sum of the inputs' feature maps (a {@link DirectSumVertex}, concatenating channels), of type
     * {@code FieldType.directSum} of the inputs' types, in the given order.
     *
     * @throws IllegalArgumentException if an input has no field type or the types live on different G-spaces
     */
    public EquivariantGraphBuilder addDirectSum(String name, String... inputs) {
        requireNew(name);
        if (inputs.length < 2) {
            throw new IllegalArgumentException("direct sum '" + name + "' needs at least two inputs, got "
                    + Arrays.toString(inputs));
        }
        List<FieldType> parts = new ArrayList<>();
        for (String in : inputs) {
            parts.add(typeOf(in));
        }
        FieldType sum;
        try {
            sum = FieldType.directSum(parts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("direct sum '" + name + "' of " + Arrays.toString(inputs) + ": "
                    + e.getMessage(), e);
        }
        graph.addVertex(name, new DirectSumVertex(), inputs);
        types.put(name, sum);
        return this;
    }

    /**
     * The element-wise sum of the inputs' feature maps (a {@link FieldSumVertex}), the join of a residual
     * connection; its type is the inputs' common type.
     *
     * @throws IllegalArgumentException naming the vertex, the inputs and their types, if there are fewer than two
     *                                  inputs, an input has no field type, or the inputs' types differ
     */
    public EquivariantGraphBuilder addSum(String name, String... inputs) {
        requireNew(name);
        if (inputs.length < 2) {
            throw new IllegalArgumentException("sum '" + name + "' needs at least two inputs, got "
                    + Arrays.toString(inputs));
        }
        FieldType common = typeOf(inputs[0]);
        for (int i = 1; i < inputs.length; i++) {
            FieldType t = typeOf(inputs[i]);
            if (!t.equals(common)) {
                throw new IllegalArgumentException("sum '" + name + "': all inputs must have the same field type, but '"
                        + inputs[0] + "' has type " + common + " and '" + inputs[i] + "' has type " + t);
            }
        }
        graph.addVertex(name, new FieldSumVertex(), inputs);
        types.put(name, common);
        return this;
    }

    /**
     * e2cnn's {@code MultipleModule}: splits {@code input} by labels ({@link #splitByLabels}, vertices
     * {@code name_split_<label>}), applies to each label's fields the layer its function builds (vertex
     * {@code name_<label>}), and merges the branches in order of the labels' first appearance into {@code name}.
     * With a single label it is just that label's layer, named {@code name}.
     *
     * @param branches the layer for each label, as a function of the label's field type; every label needs one
     * @throws IllegalArgumentException if a label has no branch, a branch has no label, or a branch's layer does not
     *                                  take its label's type
     */
    public EquivariantGraphBuilder addMultiple(String name, String input, List<String> labels,
                                               Map<String, Function<FieldType, ? extends TypedLayer>> branches) {
        Map<String, FieldType> byLabel = typeOf(input).groupByLabels(labels);
        if (!byLabel.keySet().equals(branches.keySet())) {
            throw new IllegalArgumentException("multiple module '" + name + "': the labels " + byLabel.keySet()
                    + " and the branches' labels " + branches.keySet() + " differ");
        }
        Map<String, TypedLayer> layers = new LinkedHashMap<>();
        for (Map.Entry<String, FieldType> e : byLabel.entrySet()) {
            layers.put(e.getKey(), branches.get(e.getKey()).apply(e.getValue()));
        }
        if (layers.size() == 1) {
            return addLayer(name, layers.values().iterator().next(), input);
        }
        Map<String, String> split = splitByLabels(name + "_split", input, labels);
        List<String> outputs = new ArrayList<>();
        for (Map.Entry<String, TypedLayer> e : layers.entrySet()) {
            String vertex = name + "_" + e.getKey();
            addLayer(vertex, e.getValue(), split.get(e.getKey()));
            outputs.add(vertex);
        }
        return addDirectSum(name, outputs.toArray(new String[0]));
    }

    /** The network outputs. */
    public EquivariantGraphBuilder setOutputs(String... outputs) {
        graph.setOutputs(outputs);
        return this;
    }

    /** Sets the input types ({@code height x width} maps of each input's field type) and builds the graph. */
    public ComputationGraphConfiguration build(long height, long width) {
        InputType[] inputTypes = inputs.values().stream().map(t -> FieldInputType.of(t, height, width))
                .toArray(InputType[]::new);
        return graph.setInputTypes(inputTypes).build();
    }

    /**
     * Sets the input types ({@code depth x height x width} NCDHW volumes of each input's field type, all of R^3) and
     * builds the graph.
     */
    public ComputationGraphConfiguration build(long depth, long height, long width) {
        InputType[] inputTypes = inputs.values().stream().map(t -> FieldVolumeInputType.of(t, depth, height, width))
                .toArray(InputType[]::new);
        return graph.setInputTypes(inputTypes).build();
    }

    private void requireNew(String name) {
        Objects.requireNonNull(name, "vertex name");
        if (types.containsKey(name) || untyped.contains(name)) {
            throw new IllegalArgumentException("a vertex named '" + name + "' already exists");
        }
    }
}
