package org.e2dl4j.nn;

import java.util.Set;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The field-type check across stock DL4J layers in a {@code MultiLayerConfiguration}. A stock layer that builds
 * a new input type (a {@code SubsamplingLayer}, a {@code ConvolutionLayer}) drops the {@link FieldInputType}, so
 * the next equivariant layer sees a channel count only. DL4J's {@code MultiLayerConfiguration.Builder.build()}
 * asks every layer for its output type in order, i = 0..n-1, on one thread; each equivariant layer leaves here,
 * per thread, its index and output field type, and the next one, given an input without a field type:
 * <ul>
 *   <li>refuses it if the stock layers between kept the channel count and the two field types differ (naming
 *       both layers and both types);</li>
 *   <li>logs a warning, once per layer, if the stock layers between changed the channel count, or in a
 *       {@code ComputationGraph} (whose vertices are visited in a topological order with branches and merges,
 *       so the previous equivariant layer visited need not feed this one): there the type cannot be known.</li>
 * </ul>
 * Nothing is concluded from a trace left by another configuration: the trace is forgotten when an index does not
 * increase, when a graph is being configured, and when DL4J's {@code NeuralNetConfiguration.Builder} configures a
 * layer of this library (every {@code ListBuilder.build()} does so for all its layers before checking their
 * input types).
 */
final class StockLayerGap {

    private static final Logger LOG = LoggerFactory.getLogger(StockLayerGap.class);

    private static final String MULTI_LAYER_BUILDER = "org.deeplearning4j.nn.conf.MultiLayerConfiguration$Builder";
    private static final Set<String> GRAPH_CLASSES = Set.of(
            "org.deeplearning4j.nn.conf.ComputationGraphConfiguration",
            "org.deeplearning4j.nn.conf.graph.LayerVertex");

    private static final ThreadLocal<Trace> LAST = new ThreadLocal<>();

    /** The last equivariant layer whose input type was checked on this thread in a MultiLayer build. */
    private record Trace(int index, FieldType outType, String layer) {
    }

    private StockLayerGap() {
    }

    /** Forgets the trace of this thread: a new configuration is being set up. */
    static void forget() {
        LAST.remove();
    }

    /**
     * Checks the input of {@code layer} (at {@code index}, its channel count already checked) against the output
     * of the previous equivariant layer of the same MultiLayer build, and leaves {@code layer}'s output for the
     * next one.
     *
     * @throws IllegalArgumentException if stock layers that keep the channel count sit between two equivariant
     *                                  layers whose field types differ
     */
    static void check(EquivariantLayer layer, int index, InputType.InputTypeConvolutional in) {
        Build build = currentBuild();
        Trace last = LAST.get();
        if (last != null && (build != Build.MULTI_LAYER || last.index() >= index)) {
            forget();
            last = null;
        }
        boolean typed = in instanceof FieldInputType f && f.getFieldType() != null;
        if (!typed) {
            if (build == Build.GRAPH) {
                layer.reportUntypedInput(LOG, "in a ComputationGraph its input is a network input given as a plain"
                        + " InputType, or a stock layer or vertex dropped the field type; give network inputs as"
                        + " FieldInputType.of(type, h, w), or build the graph with EquivariantGraphBuilder");
            } else if (last != null && last.outType().size() != in.getChannels()) {
                layer.reportUntypedInput(LOG, "the stock layers after " + last.layer() + " (output " + last.outType()
                        + ", " + last.outType().size() + " channels) change the channel count");
            } else if (last != null && !last.outType().equals(layer.getInType())) {
                throw new IllegalArgumentException(layer.who() + ": field type mismatch: this layer expects "
                        + layer.getInType() + " but " + last.layer() + " outputs " + last.outType()
                        + ", passed on by stock layers that keep the channel count (" + in.getChannels() + ")");
            }
        }
        if (build == Build.MULTI_LAYER) {
            LAST.set(new Trace(index, layer.outType(), layer.who()));
        }
    }

    /** What kind of configuration DL4J is building on this thread, seen from the call stack. */
    private enum Build {
        MULTI_LAYER, GRAPH, OTHER
    }

    private static Build currentBuild() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(f -> GRAPH_CLASSES.contains(f.getClassName()) ? Build.GRAPH
                        : MULTI_LAYER_BUILDER.equals(f.getClassName()) && "build".equals(f.getMethodName())
                        ? Build.MULTI_LAYER : null)
                .filter(b -> b != null).findFirst().orElse(Build.OTHER));
    }
}
