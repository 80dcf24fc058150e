package org.e2dl4j.nn.conv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.distribution.Distribution;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitXavier;
import org.e2dl4j.math.SizeLimits;
import org.e2dl4j.math.kernel.BasisPolicy;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.math.kernel.PairBasisSampler;
import org.e2dl4j.math.kernel.SteerableKernelSampler;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldInputType;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.FieldVolumeInputType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The configuration shared by the steerable convolutions, on the plane ({@link R2Conv}, {@link R2ConvTransposed},
 * {@link R2Diffop}) and in space ({@link R3Conv}, {@link R3ConvTransposed}): escnn's {@code _RdConv}, whose
 * options do not depend on the dimension d of the base space. Input and output {@link FieldType}s on one G-space,
 * a square (cubic) kernel of k^d points, its geometry and the kernel-basis policy.
 * The filter is {@code K = sum_w weight_w * basis_w} over the G-steerable basis of the two types
 * ({@code K(g p) = rho_out(g) K(p) rho_in(g)^-1}); parameters are the basis weights ("W", e2cnn's layout) and
 * one bias per trivial irrep of the output type ("b").
 *
 * <p>The field types are fixed by the configuration: the number of input channels is
 * {@code getInType().size()}, and {@code setNIn} / {@code getOutputType} check that the incoming type matches,
 * returning a {@link FieldInputType} carrying {@code outType} for the next layer. These checks run when a
 * configuration is built with input types ({@code setInputType} / {@code setInputTypes}); the layer itself
 * checks the channel count of every input it receives.
 */
public abstract class AbstractR2Conv extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private FieldType outType;
    private int kernelSize;
    private int stride = 1;
    private int padding;
    private int dilation = 1;
    private int groups = 1;
    private boolean bias = true;
    private ConvolutionMode convolutionMode = ConvolutionMode.Truncate;
    private PaddingMode paddingMode = PaddingMode.ZEROS;
    private BasisSettings basisSettings = BasisSettings.defaults();
    private BasisInitialization initialization = BasisInitialization.GENERALIZED_HE;
    private boolean inputGradient = true;

    private transient volatile LayerBasis layerBasis;

    /** For Jackson. */
    protected AbstractR2Conv() {
    }

    protected AbstractR2Conv(Builder<?> b) {
        super(b);
        this.outType = b.outType;
        this.kernelSize = b.kernelSize;
        this.stride = b.stride;
        this.padding = b.padding;
        this.dilation = b.dilation;
        this.groups = b.groups;
        this.bias = b.bias;
        this.convolutionMode = b.convolutionMode;
        this.paddingMode = b.paddingMode;
        this.basisSettings = b.basisSettings;
        this.initialization = b.initialization;
        this.inputGradient = b.inputGradient;
    }

    /** The libnd4j operation this layer runs. */
    public abstract ConvolutionKind kind();

    /**
     * Output type on the input's G-space, kernel size, stride, padding, dilation and convolution mode, a padding
     * mode (other than zeros only with explicit padding, not in Same mode), groups dividing both types' fields
     * (each group repeating the first), the basis settings, an initialization (delta-orthogonal only where e2cnn
     * defines it), no DL4J weight initialization other than the network default, an activation that is the
     * identity or pointwise on every output field, and a non-empty kernel basis.
     */
    @Override
    protected void validate() {
        super.validate();
        String who = who();
        if (outType == null) {
            throw new IllegalArgumentException(who + ": no output field type (property 'outType' missing)");
        }
        if (!getInType().gspace().equals(outType.gspace())) {
            throw new IllegalArgumentException(who + ": input and output field types must live on the same G-space, got "
                    + getInType() + " and " + outType);
        }
        try {
            geometry();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who + ": " + e.getMessage(), e);
        }
        if (paddingMode == null) {
            throw new IllegalArgumentException(who + ": no padding mode (property 'paddingMode' missing); expected"
                    + " one of " + Arrays.toString(PaddingMode.values()));
        }
        if (paddingMode != PaddingMode.ZEROS && convolutionMode == ConvolutionMode.Same) {
            throw new IllegalArgumentException(who + ": padding mode " + paddingMode + " pads by the explicit"
                    + " padding; it needs the Truncate or Strict convolution mode, got Same");
        }
        if (basisSettings == null) {
            throw new IllegalArgumentException(who + ": no basis settings (property 'basisSettings' missing)");
        }
        try {
            basisSettings.check();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who + ": " + e.getMessage(), e);
        }
        if (initialization == null) {
            throw new IllegalArgumentException(who + ": no initialization (property 'initialization' missing);"
                    + " expected one of " + Arrays.toString(BasisInitialization.values()));
        }
        checkWeightInit();
        checkGroups(getInType(), "input");
        checkGroups(outType, "output");
        IActivation act = getActivationFn();
        if (!(act instanceof ActivationIdentity)) {
            for (Representation r : outType.representations()) {
                if (!r.supports(Nonlinearity.POINTWISE)) {
                    throw new IllegalArgumentException(who + ": activation " + act + " is applied channel by channel,"
                            + " which is equivariant only on fields whose representation supports pointwise"
                            + " nonlinearities; output field '" + r.name() + "' of " + outType + " does not."
                            + " Use the identity activation and an equivariant nonlinearity layer");
                }
            }
        }
        LayerBasis basis = layerBasis();
        if (initialization == BasisInitialization.DELTA_ORTHOGONAL) {
            try {
                basis.deltaOrthogonalInit(new Random(0));
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(who + " from " + getInType() + " to " + outType + ": "
                        + e.getMessage() + "; choose another initialization", e);
            }
        }
    }

    /**
     * Refuses a DL4J weight initialization other than the network default (Xavier, which DL4J hands every layer
     * that sets none): it would not apply to basis weights. Checked again when the network is initialised, since
     * the network's own {@code weightInit} reaches the layer only then.
     *
     * @throws IllegalArgumentException naming the layer, the weight initialization and what to use instead
     */
    void checkWeightInit() {
        IWeightInit init = getWeightInitFn();
        if (init != null && !(init instanceof WeightInitXavier)) {
            throw new IllegalArgumentException(who() + ": DL4J's weightInit (" + init + ", set on the layer or as the"
                    + " network's default) does not apply to the basis weights of a steerable convolution; choose"
                    + " initialization(BasisInitialization.GENERALIZED_HE, DELTA_ORTHOGONAL or NONE) on the layer and"
                    + " set the weightInit of the stock layers on those layers");
        }
    }

    /** The convolutions apply their activation to {@code x * K + b}. */
    @Override
    protected boolean appliesActivation() {
        return true;
    }

    private void checkGroups(FieldType type, String side) {
        String who = who();
        if (groups < 1 || type.fieldCount() % groups != 0) {
            throw new IllegalArgumentException(who + ": groups must be >= 1 and divide the number of " + side
                    + " fields (" + type.fieldCount() + " in " + type + "), got " + groups);
        }
        int perGroup = type.fieldCount() / groups;
        for (int f = perGroup; f < type.fieldCount(); f++) {
            if (!type.representations().get(f).equals(type.representations().get(f % perGroup))) {
                throw new IllegalArgumentException(who + ": with " + groups + " groups every group of " + side
                        + " fields must repeat the first one, but field " + f + " is '"
                        + type.representations().get(f).name() + "' where the first group has '"
                        + type.representations().get(f % perGroup).name() + "' (" + type + ")");
            }
        }
    }

    /**
     * The kernel basis of the layer: input fields of one group to all output fields (e2cnn's grouped
     * layout). Built on first use from the configuration and cached; not serialized.
     *
     * @throws IllegalArgumentException naming the layer and both field types, if the basis is empty or the dense
     *                                  filter (output x input channels x k x k), the weights or a pair basis
     *                                  would pass the {@link SizeLimits} (the message gives the sizes)
     */
    public LayerBasis layerBasis() {
        LayerBasis b = layerBasis;
        if (b == null) {
            List<Integer> firstGroup = new ArrayList<>();
            for (int f = 0; f < getInType().fieldCount() / groups; f++) {
                firstGroup.add(f);
            }
            FieldType inGroup = getInType().indexSelect(firstGroup);
            try {
                checkFilterSize();
                b = LayerBasis.of(getInType().gspace(), inGroup.representations(), outType.representations(), kernelSize,
                        dilation, pairBasisSampler());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(who() + " from " + getInType() + " to " + outType
                        + ": " + e.getMessage(), e);
            }
            layerBasis = b;
        }
        return b;
    }

    /** The kernel-basis policy of the layer: its basis settings. */
    protected BasisPolicy basisPolicy() {
        return basisSettings.toPolicy();
    }

    /** The family of equivariant stencils the filter is expanded from: the steerable kernels of the basis policy. */
    protected PairBasisSampler pairBasisSampler() {
        return new SteerableKernelSampler(basisPolicy());
    }

    /** Forgets the cached layer basis, for subclasses whose settings change the basis. */
    protected final void resetLayerBasis() {
        this.layerBasis = null;
    }

    /** Refuses a dense filter beyond {@link SizeLimits#ARRAY_LENGTH} before the basis is sampled. */
    private void checkFilterSize() {
        if (kernelSize < 1) {
            return; // LayerBasis reports the kernel size
        }
        long out = outType.size();
        long in = getInType().size();
        SizeLimits.checkDoubles(SizeLimits.product(out, in, kernelPoints()), SizeLimits.ARRAY_LENGTH,
                "its dense filter (" + out + " output x " + in + " input channels x " + kernelSize
                        + (" x " + kernelSize).repeat(baseSpaceDimensionality() - 1) + ")");
    }

    /** k^d, the points of the kernel on the d-dimensional grid. */
    private long kernelPoints() {
        long points = 1;
        for (int axis = 0; axis < baseSpaceDimensionality(); axis++) {
            points = SizeLimits.product(points, kernelSize);
        }
        return points;
    }

    /**
     * Exports the convolution as its stock DL4J counterpart ({@link #stockLayer}) holding the expanded filter
     * ("W") and, with a bias, the expanded bias ("b"), with this layer's training settings. Refused for a padding
     * mode other than zeros: stock DL4J convolutions and padding layers pad with zeros only.
     */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        if (paddingMode != PaddingMode.ZEROS) {
            return StockExport.refused("it pads its input in " + paddingMode + " mode, and stock DL4J convolutions"
                    + " and padding layers (ZeroPaddingLayer) pad with zeros only");
        }
        R2ConvLayer conv = (R2ConvLayer) trained;
        return StockExport.replacedBy(ExportedLayer.replacing(this, stockLayer(conv.hasBias()), stockParams(conv)));
    }

    /** "W", the expanded filter in the stock layer's layout, and with a bias "b", the expanded bias of a trained layer. */
    Map<String, INDArray> stockParams(R2ConvLayer conv) {
        Map<String, INDArray> params = new HashMap<>();
        params.put("W", stockFilter(conv.expandedFilter()));
        if (conv.hasBias()) {
            params.put("b", conv.expandedBias());
        }
        return params;
    }

    /**
     * The expanded filter ({@link ConvolutionKind}'s layout) in the layout of the stock layer's "W": the same, unless
     * a subclass's stock layer orders its axes otherwise.
     */
    INDArray stockFilter(INDArray filter) {
        return filter;
    }

    /** The stock DL4J layer of the same kind, kernel, stride, padding, dilation and convolution mode. */
    protected abstract ConvolutionLayer stockLayer(boolean hasBias);

    /** The spatial geometry (kernel, stride, padding, dilation, convolution mode, output padding). */
    public ConvGeometry geometry() {
        return new ConvGeometry(kernelSize, stride, padding, dilation, convolutionMode, outputPadding());
    }

    /** The output padding of the geometry: 0, unless the transposed convolution sets one. */
    protected int outputPadding() {
        return 0;
    }

    /** Whether the layer has bias parameters: bias requested and the output type contains a trivial irrep. */
    public boolean hasBiasParams() {
        return bias && layerBasis().biasDimension() > 0;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new R2ConvLayer(conf, networkDataType);
    }

    @Override
    public ParamInitializer initializer() {
        return R2ConvParamInitializer.INSTANCE;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (baseSpaceDimensionality() == 3) {
            return volumeOutputType(inputType, layerIndex);
        }
        InputType.InputTypeConvolutional in = checkInputType(inputType, layerIndex);
        ConvGeometry g = geometry();
        try {
            paddingMode.checkSize(padding, Math.min(in.getHeight(), in.getWidth()));
            return FieldInputType.of(outType, kind().outputSize(g, in.getHeight()), kind().outputSize(g, in.getWidth()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + ", input " + in.getHeight() + " x " + in.getWidth() + ": " + e.getMessage(), e);
        }
    }

    /** The output type [N, outC, D', H', W'] of a volumetric input (checked by the core's volume input check). */
    private InputType volumeOutputType(InputType inputType, int layerIndex) {
        requireValid(layerIndex);
        InputType.InputTypeConvolutional3D in = checkVolumeInput(who(), inputType, getInType());
        ConvGeometry g = geometry();
        long[] sizes = {in.getDepth(), in.getHeight(), in.getWidth()};
        try {
            long[] out = new long[3];
            for (int a = 0; a < 3; a++) {
                paddingMode.checkSize(padding, sizes[a]);
                out[a] = kind().outputSize(g, sizes[a]);
            }
            return FieldVolumeInputType.of(outType, out[0], out[1], out[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + ", input " + sizes[0] + " x " + sizes[1] + " x " + sizes[2] + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType inputType) {
        requireValid(-1);
        InputType outputType = getOutputType(-1, inputType);
        long params = initializer().numParams(this);
        long filter = getInType().size() * outType.size() * kernelPoints();
        long updaterState = getIUpdater() == null ? 0 : getIUpdater().stateSize(params);
        return new LayerMemoryReport.Builder(getLayerName(), getClass(), inputType, outputType)
                .standardMemory(params, updaterState)
                .workingMemory(2 * filter, 0, MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    public void setInType(FieldType inType) {
        super.setInType(inType);
        this.layerBasis = null;
    }

    public FieldType getOutType() {
        return outType;
    }

    @Override
    public FieldType outType() {
        return outType;
    }

    public void setOutType(FieldType outType) {
        this.outType = outType;
        this.layerBasis = null;
    }

    public int getKernelSize() {
        return kernelSize;
    }

    public void setKernelSize(int kernelSize) {
        this.kernelSize = kernelSize;
        this.layerBasis = null;
    }

    public int getStride() {
        return stride;
    }

    public void setStride(int stride) {
        this.stride = stride;
    }

    public int getPadding() {
        return padding;
    }

    public void setPadding(int padding) {
        this.padding = padding;
    }

    public int getDilation() {
        return dilation;
    }

    public void setDilation(int dilation) {
        this.dilation = dilation;
        this.layerBasis = null;
    }

    public int getGroups() {
        return groups;
    }

    public void setGroups(int groups) {
        this.groups = groups;
        this.layerBasis = null;
    }

    /** Whether a bias was requested (it exists only if the output type contains trivial irreps). */
    public boolean isBias() {
        return bias;
    }

    public void setBias(boolean bias) {
        this.bias = bias;
    }

    /**
     * Whether the backward pass computes dL/dx (default true); false: the filter and bias gradients alone, and no
     * dL/dx (null) for the layer below (see {@link Builder#inputGradient}).
     */
    public boolean isInputGradient() {
        return inputGradient;
    }

    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    /** DL4J's convolution mode: Truncate (the default), Strict or Same. */
    public ConvolutionMode getConvolutionMode() {
        return convolutionMode;
    }

    public void setConvolutionMode(ConvolutionMode convolutionMode) {
        this.convolutionMode = convolutionMode;
    }

    /** e2cnn's padding mode: how the explicit padding is filled. */
    public PaddingMode getPaddingMode() {
        return paddingMode;
    }

    public void setPaddingMode(PaddingMode paddingMode) {
        this.paddingMode = paddingMode;
    }

    /** How the basis weights are initialised. */
    public BasisInitialization getInitialization() {
        return initialization;
    }

    public void setInitialization(BasisInitialization initialization) {
        this.initialization = initialization;
    }

    public BasisSettings getBasisSettings() {
        return basisSettings;
    }

    public void setBasisSettings(BasisSettings basisSettings) {
        this.basisSettings = basisSettings;
        this.layerBasis = null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass() || !super.equals(o)) {
            return false;
        }
        AbstractR2Conv c = (AbstractR2Conv) o;
        return kernelSize == c.kernelSize && stride == c.stride && padding == c.padding && dilation == c.dilation
                && groups == c.groups && bias == c.bias && convolutionMode == c.convolutionMode
                && paddingMode == c.paddingMode && initialization == c.initialization && inputGradient == c.inputGradient
                && Objects.equals(outType, c.outType)
                && Objects.equals(basisSettings, c.basisSettings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), outType, kernelSize, stride, padding, dilation, groups, bias,
                convolutionMode, paddingMode, initialization, basisSettings, inputGradient);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + (getLayerName() == null ? "" : "'" + getLayerName() + "', ") + getInType() + " -> "
                + outType + ", k=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation="
                + dilation + (groups == 1 ? "" : ", groups=" + groups) + ", " + convolutionMode
                + (paddingMode == PaddingMode.ZEROS ? "" : ", " + paddingMode + " padding")
                + (bias ? "" : ", no bias") + (inputGradient ? "" : ", no input gradient") + ")";
    }

    /**
     * The builder shared by the steerable convolutions. Defaults: stride 1, padding 0 (zeros), dilation 1, 1 group,
     * bias on, convolution mode Truncate, identity activation, e2cnn's basis defaults, generalized He
     * initialization. DL4J's {@code weightInit} and {@code dist} are refused (see {@link BasisInitialization}).
     */
    public abstract static class Builder<T extends Builder<T>> extends EquivariantLayer.Builder<T> {
        private final FieldType outType;
        private final int kernelSize;
        private int stride = 1;
        private int padding;
        private int dilation = 1;
        private int groups = 1;
        private boolean bias = true;
        private ConvolutionMode convolutionMode = ConvolutionMode.Truncate;
        private PaddingMode paddingMode = PaddingMode.ZEROS;
        private BasisSettings basisSettings = BasisSettings.defaults();
        private BasisInitialization initialization = BasisInitialization.GENERALIZED_HE;
        private boolean inputGradient = true;

        protected Builder(FieldType inType, FieldType outType, int kernelSize) {
            super(inType);
            this.outType = Objects.requireNonNull(outType, "output field type");
            this.kernelSize = kernelSize;
        }

        @SuppressWarnings("unchecked")
        private T self() {
            return (T) this;
        }

        /** Padding on every side (default 0), filled as the {@link #paddingMode(PaddingMode) padding mode} says. */
        public T padding(int padding) {
            this.padding = padding;
            return self();
        }

        /** Stride (default 1). */
        public T stride(int stride) {
            this.stride = stride;
            return self();
        }

        /** Dilation of the kernel (default 1); the basis is sampled on the dilated grid, as in e2cnn. */
        public T dilation(int dilation) {
            this.dilation = dilation;
            return self();
        }

        /**
         * Number of groups (default 1): the fields split into {@code groups} equal groups and each output group
         * sees only its input group (e2cnn's grouped convolution).
         */
        public T groups(int groups) {
            this.groups = groups;
            return self();
        }

        /** Whether to learn a bias on the trivial irreps of the output type (default true). */
        public T bias(boolean bias) {
            this.bias = bias;
            return self();
        }

        /** DL4J's convolution mode: Truncate (default), Strict or Same. */
        public T convolutionMode(ConvolutionMode mode) {
            this.convolutionMode = mode;
            return self();
        }

        /**
         * Whether the backward pass computes dL/dx (default true). False for a network's first convolution, whose
         * input needs no gradient (a PyTorch input without {@code requires_grad}): backward then computes the filter
         * and bias gradients alone (3-5x faster for the C8 model's first layer) and hands the layer below no dL/dx
         * ({@code null}, as DL4J's {@code EmbeddingLayer} does), so {@code MultiLayerNetwork.calculateGradients}
         * reports no input gradient. Only layers without parameters may come before it: one that needs dL/dy fails
         * in its backward pass with an error naming it.
         */
        public T inputGradient(boolean inputGradient) {
            this.inputGradient = inputGradient;
            return self();
        }

        /** How the padding is filled (e2cnn's {@code padding_mode}; default zeros). */
        public T paddingMode(PaddingMode mode) {
            this.paddingMode = mode;
            return self();
        }

        /** How the basis weights are initialised (default generalized He; NONE is e2cnn's initialize=False). */
        public T initialization(BasisInitialization init) {
            this.initialization = init;
            return self();
        }

        /** Refused: DL4J's weight initializations do not apply to basis weights; use {@link #initialization}. */
        @Override
        public T weightInit(IWeightInit weightInit) {
            throw refusedWeightInit(String.valueOf(weightInit));
        }

        /** Refused: DL4J's weight initializations do not apply to basis weights; use {@link #initialization}. */
        @Override
        public T weightInit(WeightInit weightInit) {
            throw refusedWeightInit(String.valueOf(weightInit));
        }

        /** Refused: DL4J's weight initializations do not apply to basis weights; use {@link #initialization}. */
        @Override
        public T weightInit(Distribution distribution) {
            throw refusedWeightInit(String.valueOf(distribution));
        }

        /** Refused: DL4J's weight initializations do not apply to basis weights; use {@link #initialization}. */
        @Override
        public T dist(Distribution distribution) {
            throw refusedWeightInit(String.valueOf(distribution));
        }

        private IllegalArgumentException refusedWeightInit(String what) {
            return new IllegalArgumentException(layerClassName() + ": DL4J's weightInit (" + what + ") does not"
                    + " apply to the basis weights of a steerable convolution; use initialization("
                    + "BasisInitialization.GENERALIZED_HE, DELTA_ORTHOGONAL or NONE)");
        }

        /** The simple name of the configuration class this builder builds ("R2Conv"). */
        private String layerClassName() {
            Class<?> enclosing = getClass().getEnclosingClass();
            return enclosing == null ? getClass().getSimpleName() : enclosing.getSimpleName();
        }

        /** All basis settings at once (default: e2cnn's). */
        public T basisSettings(BasisSettings settings) {
            this.basisSettings = Objects.requireNonNull(settings);
            return self();
        }

        /** One Gaussian ring width for all rings (default: e2cnn's 0.6 / 0.4 outer / 0.005 at r = 0). */
        public T sigma(double sigma) {
            this.basisSettings = basisSettings.withSigma(sigma);
            return self();
        }

        /** One Gaussian ring width per ring. */
        public T sigmas(double... sigmas) {
            this.basisSettings = basisSettings.withSigmas(sigmas);
            return self();
        }

        /** Ring radii (default: 0, d, ..., (ceil(k/2)-1) d). */
        public T rings(double... rings) {
            this.basisSettings = basisSettings.withRings(rings);
            return self();
        }

        /** One of e2cnn's manual band limits (default FCO1). */
        public T frequencyCutoff(org.e2dl4j.math.kernel.ManualCutoff rule) {
            this.basisSettings = basisSettings.withFrequencyCutoff(rule);
            return self();
        }

        /**
         * A band limit given as a function of the ring radius that the configuration can store (e2cnn's callable
         * {@code frequencies_cutoff}): a {@link FrequencyCutoffTable} or a named class of the user's.
         */
        public T frequencyCutoff(FrequencyCutoffFunction function) {
            this.basisSettings = basisSettings.withFrequencyCutoff(function);
            return self();
        }

        /** The band limit |frequency| &lt;= factor * radius. */
        public T frequencyCutoffFactor(double factor) {
            this.basisSettings = basisSettings.withFrequencyCutoffFactor(factor);
            return self();
        }

        /** The largest aliasing offset of finite groups (default unlimited). */
        public T maximumOffset(int offset) {
            this.basisSettings = basisSettings.withMaximumOffset(offset);
            return self();
        }

        /**
         * A filter on basis elements (default none; e2cnn's {@code basis_filter}): {@link BasisFilter}'s bounds or
         * a named class of the user's.
         */
        public T basisFilter(BasisFilter filter) {
            this.basisSettings = basisSettings.withBasisFilter(filter);
            return self();
        }
    }
}
