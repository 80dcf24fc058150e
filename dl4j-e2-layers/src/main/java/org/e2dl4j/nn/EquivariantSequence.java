package org.e2dl4j.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * A chain of equivariant layers whose field types fit together (e2cnn's {@code SequentialModule}): each layer's
 * input type is the previous layer's output type. The builder threads the type through the chain, so a layer is
 * written as a function of the type it receives:
 *
 * <pre>
 * GSpace r2Act = GSpaces.rot2dOnR2(8);
 * FieldType in = FieldType.trivial(r2Act, 3);
 * EquivariantSequence net = EquivariantSequence.builder(in)
 *     .add(t -&gt; new R2Conv.Builder(t, FieldType.regular(r2Act, 3), 5).bias(false).build())
 *     .add(t -&gt; new InnerBatchNorm.Builder(t).build())
 *     .add(t -&gt; new ReLU.Builder(t).build())
 *     .add(t -&gt; new GroupPooling.Builder(t).build())
 *     .build();
 * MultiLayerConfiguration conf = net.configuration(new NeuralNetConfiguration.Builder().updater(new Adam(1e-3)), 29, 29);
 * </pre>
 *
 * A sequence is a template: {@link #listBuilder} and {@link #configuration} hand out copies of its layers (a DL4J
 * layer configuration must not be shared between networks), to which stock layers (a loss layer, say) can be
 * appended; {@link EquivariantGraphBuilder#addSequence} places it in a ComputationGraph. Immutable.
 */
public final class EquivariantSequence {

    private final FieldType inType;
    private final FieldType outType;
    private final List<Layer> layers;

    private EquivariantSequence(FieldType inType, FieldType outType, List<Layer> layers) {
        this.inType = inType;
        this.outType = outType;
        this.layers = layers;
    }

    /** A builder of a sequence taking feature maps of type {@code inType}. */
    public static Builder builder(FieldType inType) {
        return new Builder(inType);
    }

    /** The type of the first layer's input. */
    public FieldType inType() {
        return inType;
    }

    /** The type of the last layer's output. */
    public FieldType outType() {
        return outType;
    }

    /** Fresh copies of the layer configurations, in order. */
    public List<Layer> layers() {
        List<Layer> copies = new ArrayList<>(layers.size());
        for (Layer l : layers) {
            copies.add(l.clone());
        }
        return copies;
    }

    /**
     * The input type of {@code height x width} feature maps of {@link #inType()}, for {@code setInputType}.
     *
     * @throws IllegalArgumentException if the input type lives on R^3 (use {@link #inputType(long, long, long)})
     */
    public FieldInputType inputType(long height, long width) {
        return FieldInputType.of(inType, height, width);
    }

    /**
     * The input type of {@code depth x height x width} NCDHW volumes of {@link #inType()} (a field type of R^3), for
     * {@code setInputType}.
     *
     * @throws IllegalArgumentException if the input type does not live on R^3
     */
    public FieldVolumeInputType inputType(long depth, long height, long width) {
        return FieldVolumeInputType.of(inType, depth, height, width);
    }

    /**
     * The layers (copies) in a list builder with the given global settings; append further layers, then set the
     * input type ({@link #inputType}) and build.
     */
    public NeuralNetConfiguration.ListBuilder listBuilder(NeuralNetConfiguration.Builder global) {
        NeuralNetConfiguration.ListBuilder list = global.list();
        for (Layer l : layers()) {
            list.layer(l);
        }
        return list;
    }

    /** The network of just these layers on {@code height x width} inputs, with the given global settings. */
    public MultiLayerConfiguration configuration(NeuralNetConfiguration.Builder global, long height, long width) {
        return listBuilder(global).setInputType(inputType(height, width)).build();
    }

    /** The network of just these layers on {@code depth x height x width} volumes (R^3), with the given settings. */
    public MultiLayerConfiguration configuration(NeuralNetConfiguration.Builder global, long depth, long height,
                                                 long width) {
        return listBuilder(global).setInputType(inputType(depth, height, width)).build();
    }

    /** Builds an {@link EquivariantSequence}, checking each added layer's input type. */
    public static final class Builder {

        private final FieldType inType;
        private final List<Layer> layers = new ArrayList<>();
        private FieldType current;

        private Builder(FieldType inType) {
            this.inType = Objects.requireNonNull(inType, "input field type");
            this.current = inType;
        }

        /** The output type of the layers added so far (the input type while there are none). */
        public FieldType currentType() {
            return current;
        }

        /**
         * Appends the layer {@code next} builds for the current type.
         *
         * @throws IllegalArgumentException if the layer's input type is not the current type
         */
        public Builder add(Function<FieldType, ? extends TypedLayer> next) {
            return add(Objects.requireNonNull(next.apply(current),
                    "the layer function for position " + layers.size() + " returned null"));
        }

        /**
         * Appends a layer configuration ({@link org.e2dl4j.nn.conv.R2Conv} or an {@link EquivariantLayer}).
         *
         * @throws IllegalArgumentException naming the position, the layer and both types, if the layer's input type
         *                                  is not the current type, or if it is not a DL4J layer configuration
         */
        public Builder add(TypedLayer layer) {
            if (!(layer instanceof Layer)) {
                throw new IllegalArgumentException("EquivariantSequence: layer " + layers.size() + " ("
                        + (layer == null ? "null" : layer.getClass().getName()) + ") is not a DL4J layer configuration");
            }
            Layer config = (Layer) layer;
            if (!layer.getInType().equals(current)) {
                throw new IllegalArgumentException("EquivariantSequence: layer " + layers.size() + " ("
                        + layer.getClass().getSimpleName() + (config.getLayerName() == null ? "" : " '"
                        + config.getLayerName() + "'") + ") expects input type " + layer.getInType() + " but "
                        + (layers.isEmpty() ? "the sequence's input type is " : "the previous layer outputs ") + current);
            }
            layers.add(config);
            current = layer.outType();
            return this;
        }

        /**
         * @throws IllegalStateException if no layer was added
         */
        public EquivariantSequence build() {
            if (layers.isEmpty()) {
                throw new IllegalStateException("EquivariantSequence: add at least one layer to the sequence on "
                        + inType);
            }
            return new EquivariantSequence(inType, current, Collections.unmodifiableList(new ArrayList<>(layers)));
        }
    }
}
