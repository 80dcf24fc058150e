package org.e2dl4j.nn.conv;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.math.kernel.PairBasis;
import org.e2dl4j.nn.LayerInput;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;

/**
 * The implementation of the steerable convolutions on the plane ({@link org.e2dl4j.nn.conv.R2Conv},
 * {@link org.e2dl4j.nn.conv.R2ConvTransposed}, NCHW) and in space ({@link org.e2dl4j.nn.conv.R3Conv},
 * {@link org.e2dl4j.nn.conv.R3ConvTransposed}, NCDHW); d = 2 or 3 spatial axes, each treated alike.
 *
 * <ul>
 *   <li>forward: the filter and bias are expanded from the parameters ({@link FilterExpansion},
 *       {@link BiasExpansion}) only when the parameters changed (byte comparison with a snapshot), then
 *       libnd4j's conv2d / deconv2d (conv3dnew / deconv3d) runs on the input: inference with unchanged
 *       parameters costs one plain convolution;</li>
 *   <li>backward: the forward pass's filter and input are reused (no recomputation when the activation is the
 *       identity, the default), the ops' _bp give dL/dx, dL/dfilter and dL/dbias per channel, and
 *       the transposed expansions give dL/dweights and dL/dbias; without input gradient
 *       ({@link AbstractR2Conv#isInputGradient()}), {@link ConvolutionKind#filterGradient} gives dL/dfilter and
 *       dL/dbias alone and the layer returns no dL/dx;</li>
 *   <li>a padding mode other than zeros pads the input explicitly ({@link InputPadding}) before an unpadded op,
 *       and folds dL/d(padded input) back onto dL/dx;</li>
 *   <li>an output padding q (transposed only) runs the op with padding max(p - q, 0) and keeps its output from
 *       p - max(p - q, 0) on along every spatial axis; positions beyond it hold the bias alone. Backward pads dL/dy
 *       back to the op's output with zeros, and dL/dbias is the sum of dL/dy.</li>
 * </ul>
 * The input is checked and cast to the layer's data type ({@link LayerInput}). The output is created in the
 * ACTIVATIONS workspace, dL/dx in ACTIVATION_GRAD; the expanded filter and its gradient buffer live outside
 * workspaces.
 */
final class R2ConvLayer extends BaseLayer<AbstractR2Conv> {

    private final ConvolutionKind kind;
    /** d, the number of spatial axes (2: NCHW, 3: NCDHW). */
    private final int dimensions;
    /** The layer's geometry (output sizes). */
    private final ConvGeometry geometry;
    /** The geometry the libnd4j op runs with: unpadded for an explicit padding mode, less padded for an output padding. */
    private final ConvGeometry opGeometry;
    /** The explicit padding of a non-zero padding mode, or null. */
    private final InputPadding inputPadding;
    /** Rows and columns of the op's output skipped at the top and left (output padding), 0 if none. */
    private final int outputOffset;
    private final FilterExpansion filter;
    private final BiasExpansion bias;
    private final ParamSnapshot weightSnapshot = new ParamSnapshot();
    private final ParamSnapshot biasSnapshot = new ParamSnapshot();

    public R2ConvLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        AbstractR2Conv c = (AbstractR2Conv) conf.getLayer();
        this.kind = c.kind();
        this.dimensions = c.getInType().gspace().dimensionality();
        this.geometry = c.geometry();
        if (c.getPaddingMode() != PaddingMode.ZEROS) {
            this.inputPadding = new InputPadding(c.getPaddingMode(), geometry.padding());
            this.opGeometry = geometry.withPadding(0);
            this.outputOffset = 0;
        } else if (geometry.outputPadding() > 0) {
            int opPadding = Math.max(geometry.padding() - geometry.outputPadding(), 0);
            this.inputPadding = null;
            this.opGeometry = geometry.withPadding(opPadding);
            this.outputOffset = geometry.padding() - opPadding;
        } else {
            this.inputPadding = null;
            this.opGeometry = geometry;
            this.outputOffset = 0;
        }
        LayerBasis basis = c.layerBasis();
        List<ExpansionBlock> blocks = new ArrayList<>();
        for (PairBasis pair : basis.pairs()) {
            blocks.add(ExpansionBlock.of(pair));
        }
        this.filter = new FilterExpansion(blocks, c.getInType().size(), c.getOutType().size(), c.getKernelSize(),
                dimensions, c.getGroups(), kind, dataType);
        this.bias = c.hasBiasParams() ? new BiasExpansion(basis.biasBlocks(), c.getOutType().size(), dataType) : null;
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }

    @Override
    public boolean hasBias() {
        return bias != null;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray z = convolve(training, ArrayType.ACTIVATIONS, workspaceMgr);
        return layerConf().getActivationFn().getActivation(z, training);
    }

    @Override
    protected INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        return convolve(training, ArrayType.ACTIVATIONS, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        input = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        epsilon = LayerInput.gradient(epsilon, dataType, layerConf(), index);
        IActivation activation = layerConf().getActivationFn();
        INDArray delta = activation instanceof ActivationIdentity
                ? epsilon
                : activation.backprop(convolve(true, ArrayType.BP_WORKING_MEM, workspaceMgr), epsilon).getFirst();
        refresh(true, workspaceMgr);
        INDArray expandedBias = bias == null ? null : bias.expanded();
        INDArray channelGradBias = bias == null ? null : bias.gradientBuffer();
        INDArray gradInput = layerConf().isInputGradient()
                ? workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c')
                : null;
        INDArray opInput = input;
        INDArray opGradOut = delta;
        if (inputPadding != null) {
            opInput = inputPadding.pad(input, ArrayType.BP_WORKING_MEM, workspaceMgr);
        } else if (opGeometry != geometry) {
            opGradOut = workspaceMgr.create(ArrayType.BP_WORKING_MEM, dataType, opOutputShape(), 'c');
            long[] covered = covered(opGradOut, delta);
            opGradOut.get(window(covered, outputOffset)).assign(delta.get(window(covered, 0)));
        }
        if (gradInput == null) {
            kind.filterGradient(opInput, filter.filter(), expandedBias, opGradOut, filter.gradientBuffer(),
                    channelGradBias, opGeometry, workspaceMgr);
        } else if (inputPadding != null) {
            INDArray gradPadded = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                    opInput.shape(), 'c');
            kind.backward(opInput, filter.filter(), expandedBias, opGradOut, gradPadded, filter.gradientBuffer(),
                    channelGradBias, opGeometry);
            inputPadding.backprop(gradPadded, gradInput);
        } else {
            kind.backward(opInput, filter.filter(), expandedBias, opGradOut, gradInput, filter.gradientBuffer(),
                    channelGradBias, opGeometry);
        }
        if (channelGradBias != null && opGradOut != delta) {
            channelGradBias.assign(delta.sum(allButChannels()));
        }
        Gradient gradient = new DefaultGradient();
        INDArray gradWeights = gradientViews.get(R2ConvParamInitializer.WEIGHT_KEY);
        filter.backprop(gradWeights);
        gradient.setGradientFor(R2ConvParamInitializer.WEIGHT_KEY, gradWeights);
        if (bias != null) {
            INDArray gradBias = gradientViews.get(R2ConvParamInitializer.BIAS_KEY);
            bias.backprop(gradBias);
            gradient.setGradientFor(R2ConvParamInitializer.BIAS_KEY, gradBias);
        }
        weightNoiseParams.clear();
        return new Pair<>(gradient, gradInput == null ? null : backpropDropOutIfPresent(gradInput));
    }

    /**
     * The dense filter for the current parameters ([outC, inC, k^d] for a convolution, [inC, outC, k^d] for a
     * transposed one), a copy outside workspaces: what {@link org.e2dl4j.nn.Export} puts in a stock layer.
     */
    @SuppressWarnings("try")
    public INDArray expandedFilter() {
        refresh(false, LayerWorkspaceMgr.noWorkspaces());
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return filter.filter().dup('c');
        }
    }

    /** The per-channel bias for the current parameters (a copy outside workspaces), or null without bias. */
    @SuppressWarnings("try")
    public INDArray expandedBias() {
        if (bias == null) {
            return null;
        }
        refresh(false, LayerWorkspaceMgr.noWorkspaces());
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return bias.expanded().dup();
        }
    }

    /** y = x * K + b into a new array of the given workspace type. */
    private INDArray convolve(boolean training, ArrayType arrayType, LayerWorkspaceMgr workspaceMgr) {
        AbstractR2Conv c = layerConf();
        input = LayerInput.prepared(input, c, index, dataType, workspaceMgr);
        long[] shape;
        try {
            shape = outputShape(geometry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(c.describe() + " (layer index " + index + "), input shape "
                    + Arrays.toString(input.shape()) + ": " + e.getMessage(), e);
        }
        refresh(training, workspaceMgr);
        INDArray expandedBias = bias == null ? null : bias.expanded();
        ArrayType working = arrayType == ArrayType.BP_WORKING_MEM ? ArrayType.BP_WORKING_MEM : ArrayType.FF_WORKING_MEM;
        if (inputPadding != null) {
            INDArray padded = inputPadding.pad(input, ArrayType.FF_WORKING_MEM, workspaceMgr);
            INDArray out = workspaceMgr.createUninitialized(arrayType, dataType, shape, 'c');
            kind.forward(padded, filter.filter(), expandedBias, out, opGeometry, workspaceMgr, working);
            return out;
        }
        if (opGeometry != geometry) {
            INDArray full = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType, opOutputShape(), 'c');
            kind.forward(input, filter.filter(), expandedBias, full, opGeometry, workspaceMgr, working);
            INDArray out = workspaceMgr.create(arrayType, dataType, shape, 'c');
            long[] covered = covered(full, out);
            if (expandedBias != null && !Arrays.equals(covered, Arrays.copyOfRange(shape, 2, shape.length))) {
                Nd4j.getExecutioner().exec(new BroadcastAddOp(out, expandedBias, out, 1));
            }
            out.get(window(covered, 0)).assign(full.get(window(covered, outputOffset)));
            return out;
        }
        INDArray out = workspaceMgr.createUninitialized(arrayType, dataType, shape, 'c');
        kind.forward(input, filter.filter(), expandedBias, out, geometry, workspaceMgr, working);
        return out;
    }

    /**
     * The output shape [N, outC, spatial...] of a geometry for the current input, after checking that the padding
     * mode admits the input's spatial sizes.
     *
     * @throws IllegalArgumentException if the padding mode or the geometry refuses the input's sizes
     */
    private long[] outputShape(ConvGeometry g) {
        long[] shape = new long[2 + dimensions];
        shape[0] = input.size(0);
        shape[1] = layerConf().getOutType().size();
        for (int axis = 2; axis < shape.length; axis++) {
            layerConf().getPaddingMode().checkSize(geometry.padding(), input.size(axis));
            shape[axis] = kind.outputSize(g, input.size(axis));
        }
        return shape;
    }

    /** The shape of the op's output for the current input (output padding: the less padded transposed output). */
    private long[] opOutputShape() {
        return outputShape(opGeometry);
    }

    /** Per spatial axis, how much of the layer's output the op's output covers from the output offset on. */
    private long[] covered(INDArray opOutput, INDArray layerOutput) {
        long[] covered = new long[dimensions];
        for (int a = 0; a < dimensions; a++) {
            covered[a] = Math.min(layerOutput.size(a + 2), opOutput.size(a + 2) - outputOffset);
        }
        return covered;
    }

    /** All of N and C, and {@code [offset, offset + sizes[a])} on every spatial axis a. */
    private static INDArrayIndex[] window(long[] sizes, long offset) {
        INDArrayIndex[] index = new INDArrayIndex[2 + sizes.length];
        index[0] = all();
        index[1] = all();
        for (int a = 0; a < sizes.length; a++) {
            index[a + 2] = interval(offset, offset + sizes[a]);
        }
        return index;
    }

    /** The batch and spatial axes, over which dL/dbias sums dL/dy. */
    private int[] allButChannels() {
        int[] axes = new int[1 + dimensions];
        for (int a = 1; a < axes.length; a++) {
            axes[a] = a + 1;
        }
        return axes;
    }

    /** Re-expands the filter and bias if the parameters (with weight noise, in training) changed. */
    private void refresh(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray w = getParamWithNoise(R2ConvParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        if (!weightSnapshot.matches(w)) {
            filter.expand(w);
            weightSnapshot.take(w);
        }
        if (bias != null) {
            INDArray b = getParamWithNoise(R2ConvParamInitializer.BIAS_KEY, training, workspaceMgr);
            if (!biasSnapshot.matches(b)) {
                bias.expand(b);
                biasSnapshot.take(b);
            }
        }
    }
}
