package org.e2dl4j.nn.batchnorm;

import java.util.Arrays;
import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.DepthFolding;
import org.e2dl4j.nn.LayerInput;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The implementation of the equivariant batch normalizations ({@link EquivariantBatchNorm} and its subclasses):
 * {@link BlockBatchNorm} on the blocks of the configuration's {@link BlockLayout}, between a change to the irrep
 * basis and back ({@link ChannelMixing}) when the layout has one. Training mode normalizes with batch statistics;
 * inference uses the running statistics. The output is created in the ACTIVATIONS workspace, dL/dx in
 * ACTIVATION_GRAD.
 *
 * <p>Running statistics. They are written straight into their parameter views, once per training iteration: when
 * DL4J back-propagates through a training-mode forward pass ({@code fit}, {@code computeGradientAndScore},
 * {@code calculateGradients}: one forward and one backward pass per layer and iteration, in
 * {@code MultiLayerNetwork} and {@code ComputationGraph} alike), from the statistics of that forward pass. Their
 * gradient is zero, so no gradient normalization, clipping or updater can move them. The values are PyTorch's and
 * e2cnn's after the same step. Unlike PyTorch, a training-mode forward pass without a backward pass
 * ({@code output(x, true)}, {@code feedForward(x, true)}, {@code score(data, true)}) leaves them alone, as DL4J's own
 * {@code BatchNormalization} does, so that repeated evaluations on batch statistics (gradient and equivariance
 * checks) all see one state.
 *
 * <p>Batch statistics (training, or a layer without running statistics) need more than one value for every
 * statistic, as PyTorch's batch norms; a batch that gives one (batch 1 on a 1x1 map, for fields counted once per
 * pixel) or none (an empty batch) is refused with the layer's name and index.
 */
final class FieldBatchNormLayer extends BaseLayer<EquivariantBatchNorm> {

    private final BlockLayout layout;
    private final ParamOffsets offsets;
    /** Offset and length of each parameter key in {@link #offsets}' order. */
    private final Map<String, int[]> ranges;
    private final BlockBatchNorm norm;
    /** x -> z = Q^-1 x, or null when the statistics are taken on the channels themselves. */
    private final ChannelMixing toBlocks;
    /** y' -> Q y'. */
    private final ChannelMixing fromBlocks;
    /** The adjoints, for the backward pass. */
    private final ChannelMixing toBlocksAdjoint;
    private final ChannelMixing fromBlocksAdjoint;
    /** Whether the last forward pass ran in training mode (and so the next backward pass updates the statistics). */
    private boolean trainingForward;

    public FieldBatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        EquivariantBatchNorm c = (EquivariantBatchNorm) conf.getLayer();
        this.layout = c.blockLayout();
        this.offsets = ParamOffsets.of(c);
        this.ranges = offsets.ranges(layout);
        this.norm = new BlockBatchNorm(layout, offsets, c.getEps(), c.getMomentum(), c.isAffine());
        if (layout.hasChangeOfBasis()) {
            this.toBlocks = new ChannelMixing(layout.changeOfBasisInv());
            this.fromBlocks = new ChannelMixing(layout.changeOfBasis());
            this.toBlocksAdjoint = toBlocks.transpose();
            this.fromBlocksAdjoint = fromBlocks.transpose();
        } else {
            this.toBlocks = null;
            this.fromBlocks = null;
            this.toBlocksAdjoint = null;
            this.fromBlocksAdjoint = null;
        }
    }

    @Override
    public Type type() {
        return Type.NORMALIZATION;
    }

    @Override
    public boolean hasBias() {
        return false;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray volume = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        input = DepthFolding.fold(volume);
        try {
            return DepthFolding.unfold(activatePlanar(training, workspaceMgr), volume, workspaceMgr,
                    ArrayType.ACTIVATIONS);
        } finally {
            input = volume;
        }
    }

    /** The forward pass on the checked NCHW (or folded NCDHW, {@link DepthFolding}) input. */
    private INDArray activatePlanar(boolean training, LayerWorkspaceMgr workspaceMgr) {
        EquivariantBatchNorm c = layerConf();
        boolean batchStatistics = training || !c.tracksRunningStats();
        if (batchStatistics) {
            requireSeveralValuesPerStatistic(c.describe(), training);
        }
        trainingForward = training;
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c');
        double[] values = paramValues();
        if (toBlocks == null) {
            norm.forward(input, out, values, batchStatistics);
        } else {
            INDArray z = toBlocks(input, ArrayType.FF_WORKING_MEM, workspaceMgr);
            INDArray normalized = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, z.dataType(), z.shape(), 'c');
            norm.forward(z, normalized, values, batchStatistics);
            fromBlocks.apply(normalized, out);
        }
        return out;
    }

    @Override
    protected INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return activate(training, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray volume = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        input = DepthFolding.fold(volume);
        try {
            INDArray dy = LayerInput.gradient(epsilon, dataType, layerConf(), index);
            Pair<Gradient, INDArray> p = backpropPlanar(DepthFolding.fold(dy), workspaceMgr);
            return new Pair<>(p.getFirst(), DepthFolding.unfold(p.getSecond(), volume, workspaceMgr,
                    ArrayType.ACTIVATION_GRAD));
        } finally {
            input = volume;
        }
    }

    /** The backward pass on the checked (folded) input, with dL/dy in the layer's type. */
    private Pair<Gradient, INDArray> backpropPlanar(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray gradInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(),
                input.shape(), 'c');
        double[] gradients;
        if (toBlocks == null) {
            gradients = norm.backward(epsilon, input, gradInput, workspaceMgr);
        } else {
            INDArray z = toBlocks(input, ArrayType.BP_WORKING_MEM, workspaceMgr);
            INDArray gradNormalized = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, z.dataType(),
                    z.shape(), 'c');
            fromBlocksAdjoint.apply(epsilon, gradNormalized);
            INDArray gradZ = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, z.dataType(), z.shape(), 'c');
            gradients = norm.backward(gradNormalized, z, gradZ, workspaceMgr);
            toBlocksAdjoint.apply(gradZ, gradInput);
        }
        if (gradients.length > 0) {
            gradientsFlattened.assign(Nd4j.createFromArray(gradients).reshape(gradientsFlattened.shape()));
        }
        if (trainingForward && layerConf().tracksRunningStats()) {
            updateRunningStatistics();
        }
        Gradient gradient = new DefaultGradient();
        for (Map.Entry<String, INDArray> e : gradientViews.entrySet()) {
            gradient.setGradientFor(e.getKey(), e.getValue());
        }
        return new Pair<>(gradient, backpropDropOutIfPresent(gradInput));
    }

    /**
     * Refuses an input that gives some block statistic at most one value: the batch variance (and its Bessel
     * factor) would be undefined, and the output would be the shift term alone.
     */
    private void requireSeveralValuesPerStatistic(String layer, boolean training) {
        long perChannel = input.size(0) * input.size(2) * input.size(3);
        int block = layout.leastSampledBlock();
        long values = perChannel * layout.samplesPerPixel()[block];
        if (values <= 1) {
            throw new IllegalArgumentException(layer + " (layer index " + index + "): expected more than 1"
                    + " value per statistic when normalizing by batch statistics ("
                    + (training ? "training mode" : "no running statistics are kept") + "), got input shape "
                    + Arrays.toString(input.shape()) + ": the statistics of " + layout.blockName(block)
                    + " would have " + values + " value" + (values == 1 ? "" : "s") + " (batch " + input.size(0)
                    + " x " + input.size(2) + "x" + input.size(3) + " pixels x " + layout.samplesPerPixel()[block]
                    + " per pixel), so its batch variance is undefined; train on a larger batch or feature map"
                    + (training ? ", or run inference (running statistics)" : ""));
        }
    }

    /** Writes the running statistics after the last forward pass's batch into their parameter views. */
    private void updateRunningStatistics() {
        double[] updated = norm.updatedRunningStatistics(paramValues());
        for (String key : new String[] {BatchNormParamInitializer.MEAN, BatchNormParamInitializer.VAR}) {
            INDArray view = params.get(key);
            if (view != null) {
                int[] range = ranges.get(key);
                view.assign(Nd4j.createFromArray(Arrays.copyOfRange(updated, range[0], range[0] + range[1]))
                        .castTo(view.dataType()).reshape(view.shape()));
            }
        }
    }

    /** The current parameters, in the order of {@link ParamOffsets} (the order of the flat parameter view). */
    private double[] paramValues() {
        return offsets.total() == 0 ? new double[0] : params().toDoubleVector();
    }

    private INDArray toBlocks(INDArray x, ArrayType arrayType, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = workspaceMgr.createUninitialized(arrayType, x.dataType(), x.shape(), 'c');
        toBlocks.apply(x, z);
        return z;
    }
}
