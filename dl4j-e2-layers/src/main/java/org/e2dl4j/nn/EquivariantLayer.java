package org.e2dl4j.nn;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.InputTypeUtil;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The configuration shared by the equivariant layers that map a feature map of one {@link FieldType} to a
 * feature map of another (e2cnn's {@code EquivariantModule} with {@code in_type} / {@code out_type}). It
 * holds the input type, derives the output type, and type-checks the network: {@code setNIn} and
 * {@code getOutputType} require an NCHW input whose field type (a {@link FieldInputType} from the previous
 * layer) equals {@link #getInType()}, or at least whose channel count is {@code inType.size()}, and hand a
 * {@link FieldInputType} of {@link #outType()} to the next layer.
 *
 * <p>A layer on fields without base space ({@link #baseSpaceDimensionality()} 0, a field type of
 * {@link org.e2dl4j.math.gspace.GSpaces#noBaseSpace}) takes a feed-forward input [batch, size] instead, checked the
 * same way ({@link FieldVectorInputType}), and hands a {@link FieldVectorInputType} to the next layer. A layer on
 * volumes (a field type of a G-space of R^3: {@link #baseSpaceDimensionality()} 3, or a planar layer that
 * {@link #acceptsVolumes() accepts volumes}) takes an NCDHW 3D convolutional input, checked the same way
 * ({@link FieldVolumeInputType}), and hands a {@link FieldVolumeInputType} to the next layer.
 *
 * <p>It is the one configuration root of every layer of this library. Subclasses give the output type and
 * spatial size, their parameters (none by default), their implementation ({@link #createLayer}; DL4J's
 * {@code instantiate} is written once, here) and their stock DL4J form or the reason there is none
 * ({@link #toStock}). The channel counts follow from the field types. Errors name the layer class, its name if
 * set, its index where known, and both field types.
 *
 * <p>Every check of a configuration is in one method, {@link #validate()}, which subclasses extend. It runs
 * when a builder builds the layer and, for a configuration read from JSON (or from a saved model), on its
 * first use: {@link #requireValid(int)} is called by {@code instantiate}, {@code setNIn},
 * {@code getOutputType}, {@code getMemoryReport} and this library's parameter initializers.
 */
public abstract class EquivariantLayer extends FeedForwardLayer implements TypedLayer {

    private static final long serialVersionUID = 1L;

    private FieldType inType;

    /** Whether {@link #validate()} has passed on this object (not serialized: a read configuration is checked again). */
    private transient volatile boolean valid;

    /** The layer's index in its network plus one, where DL4J has told it; 0 while unknown. */
    private transient volatile int indexPlusOne;

    /** Whether the warning that the input's field type cannot be checked has been logged for this layer. */
    private transient volatile boolean untypedInputReported;

    /** For Jackson. */
    protected EquivariantLayer() {
    }

    protected EquivariantLayer(Builder<?> b) {
        super(b);
        this.inType = Objects.requireNonNull(b.inType, "input field type");
    }

    /**
     * The type of the output feature map, derived from the configuration (not a separate property in JSON).
     */
    @Override
    public abstract FieldType outType();

    /** The output height for an input of height {@code h}; the identity unless the layer resamples. */
    protected long outputHeight(long h) {
        return h;
    }

    /** The output depth for a volume of depth {@code d}; the identity unless the layer resamples. */
    protected long outputDepth(long d) {
        return d;
    }

    /** The output width for an input of width {@code w}; the identity unless the layer resamples. */
    protected long outputWidth(long w) {
        return w;
    }

    /** "ClassName" or "ClassName layer 'name'", for messages. */
    public String describe() {
        return getClass().getSimpleName() + (getLayerName() == null ? "" : " layer '" + getLayerName() + "'");
    }

    /**
     * {@link #describe()} followed, once DL4J has given the layer its index in the network, by
     * {@code (layer index i)}: how every message of the configuration checks names the layer.
     */
    protected String who() {
        int i = indexPlusOne;
        return describe() + (i > 0 ? " (layer index " + (i - 1) + ")" : "");
    }

    /**
     * Every check of this configuration, each failing with an {@code IllegalArgumentException} whose message
     * starts with {@link #who()} and says what was expected and what came. Subclasses override it, call
     * {@code super.validate()} first and add their own checks; nothing else in a configuration class checks
     * its settings. This root requires an input field type and an activation, and the identity activation unless
     * the layer {@link #appliesActivation() applies one}.
     *
     * @throws IllegalArgumentException for the first setting that is out of range or does not fit the field types
     */
    protected void validate() {
        if (inType == null) {
            throw new IllegalArgumentException(who() + ": no input field type (property 'inType' missing)");
        }
        IActivation act = getActivationFn();
        if (act == null) {
            throw new IllegalArgumentException(who() + ": no activation (property 'activationFn' missing); expected"
                    + " the identity activation");
        }
        if (!appliesActivation() && !(act instanceof ActivationIdentity)) {
            throw new IllegalArgumentException(who() + ": expected the identity activation, got " + act + ": this layer"
                    + " applies no activation, so it would be ignored; add an equivariant nonlinearity layer after it");
        }
        int d = inType.gspace().dimensionality();
        if (d != baseSpaceDimensionality() && !(d == 3 && acceptsVolumes())) {
            throw new IllegalArgumentException(who() + ": expected a field type on a G-space with a "
                    + baseSpaceDimensionality() + "-dimensional base space" + (acceptsVolumes() ? " or on R^3" : "")
                    + ", got " + inType + " on " + inType.gspace() + " ("
                    + (d == 0 ? "no base space" : d + "-dimensional base space") + ")");
        }
    }

    /**
     * The dimension of the base space of the fields this layer works on: 2 (NCHW feature maps on the plane, the
     * default), 3 (NCDHW volumes of a G-space of R^3) or 0 (fibers [batch, size] of a G-space without base space);
     * {@link #validate()} holds the input type to it.
     */
    protected int baseSpaceDimensionality() {
        return 2;
    }

    /**
     * Whether a layer of the plane ({@link #baseSpaceDimensionality()} 2) also takes NCDHW volumes of a G-space of
     * R^3, its math being the same at every point; false unless a subclass says so.
     */
    protected boolean acceptsVolumes() {
        return false;
    }

    /** The base space dimension of the input field type (the declared one while there is none). */
    private int inputDimensionality() {
        return inType == null ? baseSpaceDimensionality() : inType.gspace().dimensionality();
    }

    /** Whether the layer applies its configured activation to its output; false unless a subclass says so. */
    protected boolean appliesActivation() {
        return false;
    }

    /**
     * Runs {@link #validate()} unless it has already passed on this object: the check of a configuration read
     * from JSON, made on its first use.
     *
     * @param layerIndex the layer's index in its network, for the messages, or -1 if unknown
     * @throws IllegalArgumentException naming the layer, as {@link #validate()}
     */
    public final void requireValid(int layerIndex) {
        if (layerIndex >= 0) {
            indexPlusOne = layerIndex + 1;
        }
        if (!valid) {
            validate();
            valid = true;
        }
    }

    /**
     * The builders' last step: the layer built from a builder, checked.
     *
     * @throws IllegalArgumentException naming the layer, as {@link #validate()}
     */
    protected static <L extends EquivariantLayer> L checked(L layer) {
        layer.requireValid(-1);
        return layer;
    }

    /** The number of input channels, {@code inType.size()}: fixed by the field type, never set separately. */
    @Override
    public final long getNIn() {
        return inType == null ? super.getNIn() : inType.size();
    }

    /** The number of output channels, {@code outType().size()}: fixed by the field type, never set separately. */
    @Override
    public final long getNOut() {
        return inType == null ? super.getNOut() : outType().size();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (baseSpaceDimensionality() == 0) {
            checkVectorInput(inputType, layerIndex);
            return FieldVectorInputType.of(outType());
        }
        requireValid(layerIndex);
        if (inputDimensionality() == 3) {
            InputType.InputTypeConvolutional3D v = checkVolumeInput(who(), inputType, inType);
            long d = outputDepth(v.getDepth());
            long h = outputHeight(v.getHeight());
            long w = outputWidth(v.getWidth());
            if (d < 1 || h < 1 || w < 1) {
                throw new IllegalArgumentException(who() + ": an input of " + v.getDepth() + " x " + v.getHeight()
                        + " x " + v.getWidth() + " gives an empty output (" + d + " x " + h + " x " + w + ")");
            }
            return FieldVolumeInputType.of(outType(), d, h, w);
        }
        InputType.InputTypeConvolutional in = checkInputType(inputType, layerIndex);
        long h = outputHeight(in.getHeight());
        long w = outputWidth(in.getWidth());
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException(who() + ": an input of "
                    + in.getHeight() + " x " + in.getWidth() + " gives an empty output (" + h + " x " + w + ")");
        }
        return FieldInputType.of(outType(), h, w);
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (baseSpaceDimensionality() == 0) {
            checkVectorInput(inputType, -1);
        } else {
            requireValid(-1);
            if (inputDimensionality() == 3) {
                checkVolumeInput(who(), inputType, inType);
            } else {
                checkInputType(inputType, -1);
            }
        }
    }

    /**
     * The type check of the input of a layer on fields without base space: a feed-forward input whose field type
     * (when the previous layer tells it) equals the input type, or at least whose size is {@code inType.size()}.
     * A convolutional input is refused: put a global pooling before the layer.
     */
    private void checkVectorInput(InputType inputType, int layerIndex) {
        requireValid(layerIndex);
        if (!(inputType instanceof InputType.InputTypeFeedForward ff)) {
            throw new IllegalArgumentException(who() + ": expected a feed-forward input [batch, " + inType.size()
                    + "] of fibers of type " + inType + ", got input type " + inputType + "; feature maps on the plane"
                    + " need a global pooling first");
        }
        if (ff instanceof FieldVectorInputType f && f.getFieldType() != null && !f.getFieldType().equals(inType)) {
            throw new IllegalArgumentException(who() + ": field type mismatch: this layer expects " + inType
                    + " but the previous layer outputs " + f.getFieldType());
        }
        if (ff.getSize() != inType.size()) {
            throw new IllegalArgumentException(who() + ": the input has " + ff.getSize() + " channels but the layer's"
                    + " input field type " + inType + " has " + inType.size());
        }
    }

    /**
     * The type check of this layer's input.
     *
     * @param layerIndex the layer's index for the message, or -1 if unknown
     */
    protected InputType.InputTypeConvolutional checkInputType(InputType inputType, int layerIndex) {
        requireValid(layerIndex);
        InputType.InputTypeConvolutional in = checkFieldInput(who(), inputType, inType);
        if (layerIndex >= 0) {
            StockLayerGap.check(this, layerIndex, in);
        }
        return in;
    }

    /**
     * Logs, once per layer object, that the field type of this layer's input cannot be checked (only its channel
     * count was).
     */
    void reportUntypedInput(org.slf4j.Logger log, String why) {
        if (!untypedInputReported) {
            untypedInputReported = true;
            log.warn("{}: the field type of the input cannot be checked, only its channel count ({}): {}", who(),
                    inType.size(), why);
        }
    }

    /**
     * DL4J's {@code NeuralNetConfiguration.Builder} reads this property of every layer while it configures a
     * network, before it checks the layers' input types: the point at which the field type traced through stock
     * layers by an earlier configuration on this thread is forgotten ({@link StockLayerGap}).
     */
    @Override
    public IDropout getIDropout() {
        StockLayerGap.forget();
        return super.getIDropout();
    }

    /**
     * The type check shared by every layer with an input field type: a convolutional NCHW input whose field
     * type (when the previous layer tells it) equals {@code expected}, or at least whose channel count is
     * {@code expected.size()}.
     *
     * @param who the layer, as named in the messages
     */
    protected static InputType.InputTypeConvolutional checkFieldInput(String who, InputType inputType, FieldType expected) {
        if (!(inputType instanceof InputType.InputTypeConvolutional)) {
            throw new IllegalArgumentException(who + ": expected a convolutional (NCHW) input of field type " + expected
                    + ", got input type " + inputType);
        }
        InputType.InputTypeConvolutional in = (InputType.InputTypeConvolutional) inputType;
        if (in.getFormat() != CNN2DFormat.NCHW) {
            throw new IllegalArgumentException(who + ": only NCHW feature maps are supported, got " + in.getFormat());
        }
        if (in instanceof FieldInputType f && f.getFieldType() != null && !f.getFieldType().equals(expected)) {
            throw new IllegalArgumentException(who + ": field type mismatch: this layer expects " + expected
                    + " but the previous layer outputs " + f.getFieldType());
        }
        if (in.getChannels() != expected.size()) {
            throw new IllegalArgumentException(who + ": the input has " + in.getChannels()
                    + " channels but the layer's input field type " + expected + " has " + expected.size());
        }
        return in;
    }

    /**
     * The type check shared by every layer with an input field type of R^3: a 3D convolutional NCDHW input whose
     * field type (when the previous layer tells it) equals {@code expected}, or at least whose channel count is
     * {@code expected.size()}.
     *
     * @param who the layer, as named in the messages
     */
    protected static InputType.InputTypeConvolutional3D checkVolumeInput(String who, InputType inputType,
                                                                         FieldType expected) {
        if (!(inputType instanceof InputType.InputTypeConvolutional3D in)) {
            throw new IllegalArgumentException(who + ": expected a 3D convolutional (NCDHW) input of field type "
                    + expected + ", got input type " + inputType);
        }
        if (in.getDataFormat() != Convolution3D.DataFormat.NCDHW) {
            throw new IllegalArgumentException(who + ": only NCDHW volumes are supported, got " + in.getDataFormat()
                    + " (DL4J's InputType.convolutional3D(d, h, w, c) is NDHWC: give"
                    + " InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, d, h, w, c) or"
                    + " FieldVolumeInputType.of)");
        }
        if (in instanceof FieldVolumeInputType f && f.getFieldType() != null && !f.getFieldType().equals(expected)) {
            throw new IllegalArgumentException(who + ": field type mismatch: this layer expects " + expected
                    + " but the previous layer outputs " + f.getFieldType());
        }
        if (in.getChannels() != expected.size()) {
            throw new IllegalArgumentException(who + ": the input has " + in.getChannels()
                    + " channels but the layer's input field type " + expected + " has " + expected.size());
        }
        return in;
    }

    /**
     * DL4J's factory of the layer implementation, written once for every layer of this library: the
     * implementation from {@link #createLayer}, wired with its listeners, index, the views of its parameters in
     * the network's flat parameter vector (initialised if asked) and its configuration.
     */
    @Override
    public final org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                             Collection<TrainingListener> listeners, int layerIndex,
                                                             INDArray layerParamsView, boolean initializeParams,
                                                             DataType networkDataType) {
        requireValid(layerIndex);
        org.deeplearning4j.nn.api.Layer layer = createLayer(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        if (layerParamsView != null) {
            layer.setParamsViewArray(layerParamsView);
        }
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    /**
     * The implementation of this layer (an {@code org.deeplearning4j.nn.api.Layer}) for a network of the given
     * data type; {@link #instantiate} wires it.
     */
    protected abstract org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf,
                                                                   DataType networkDataType);

    /**
     * How this layer, trained, is replaced by stock DL4J layers computing the same function ({@link Export}),
     * or why it cannot be: every layer declares one or the other.
     *
     * @param trained the layer instance of a network (its configuration is this one)
     */
    public abstract StockExport toStock(org.deeplearning4j.nn.api.Layer trained);

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        if (inType != null && baseSpaceDimensionality() == 0) {
            return super.getPreProcessorForInputType(inputType);
        }
        if (inputDimensionality() == 3) {
            if (!(inputType instanceof InputType.InputTypeConvolutional3D)
                    && !(inputType instanceof InputType.InputTypeFeedForward)) {
                checkVolumeInput(who(), inputType, inType); // no preprocessor makes a volume of it: say what came
            }
            return InputTypeUtil.getPreProcessorForInputTypeCnn3DLayers(inputType, getLayerName());
        }
        return InputTypeUtil.getPreProcessorForInputTypeCnnLayers(inputType, getLayerName());
    }

    /** No parameters unless a subclass overrides this. */
    @Override
    public ParamInitializer initializer() {
        return EmptyParamInitializer.getInstance();
    }

    @Override
    public boolean isPretrainParam(String paramName) {
        return false;
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        requireValid(-1);
        InputType outputType = getOutputType(-1, inputType);
        long params = initializer().numParams(this);
        long updaterState = getIUpdater() == null ? 0 : getIUpdater().stateSize(params);
        return new LayerMemoryReport.Builder(getLayerName(), getClass(), inputType, outputType)
                .standardMemory(params, updaterState)
                .workingMemory(0, 0, MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    public FieldType getInType() {
        return inType;
    }

    public void setInType(FieldType inType) {
        this.inType = inType;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass() || !super.equals(o)) {
            return false;
        }
        return Objects.equals(inType, ((EquivariantLayer) o).inType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), inType);
    }

    /**
     * The builder shared by the equivariant layers: its constructor takes the input field type, as e2cnn's
     * modules take {@code in_type}; subclasses add the layer's required arguments and options.
     */
    public abstract static class Builder<T extends Builder<T>> extends FeedForwardLayer.Builder<T> {
        private final FieldType inType;

        protected Builder(FieldType inType) {
            this.inType = Objects.requireNonNull(inType, "input field type");
            nIn(inType.size());
            activation(new ActivationIdentity());
        }

        /** The input field type given to the constructor. */
        public FieldType inType() {
            return inType;
        }
    }
}
