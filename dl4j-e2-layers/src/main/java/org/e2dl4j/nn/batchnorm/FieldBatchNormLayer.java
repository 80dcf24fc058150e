package org.e2dl4j.nn.batchnorm;

import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.LayerInput;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The implementation of the equivariant batch normalizations ({@link EquivariantBatchNorm} and its subclasses):
 * {@link BlockBatchNorm} on the blocks of the configuration's {@link BlockLayout}, between a change to the irrep
 * basis and back ({@link ChannelMixing}) when the layout has one. Training mode normalizes with batch statistics
 * and steps the running statistics through their "gradient" ({@link BatchNormParamInitializer}); inference uses
 * the running statistics. The output is created in the ACTIVATIONS workspace, dL/dx in ACTIVATION_GRAD.
 */
final class FieldBatchNormLayer extends BaseLayer<EquivariantBatchNorm> {

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

    public FieldBatchNormLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        EquivariantBatchNorm c = (EquivariantBatchNorm) conf.getLayer();
        BlockLayout layout = c.blockLayout();
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

    /** The running statistics are applied as computed, not averaged over the minibatch. */
    @Override
    public boolean updaterDivideByMinibatch(String paramName) {
        return !BatchNormParamInitializer.isRunningStatistic(paramName);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        EquivariantBatchNorm c = layerConf();
        input = LayerInput.prepared(input, c, index, dataType, workspaceMgr);
        boolean batchStatistics = training || !c.tracksRunningStats();
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
        input = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        epsilon = LayerInput.gradient(epsilon, dataType);
        INDArray gradInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(),
                input.shape(), 'c');
        double[] values = paramValues();
        double[] gradients;
        if (toBlocks == null) {
            gradients = norm.backward(epsilon, input, gradInput, values, workspaceMgr);
        } else {
            INDArray z = toBlocks(input, ArrayType.BP_WORKING_MEM, workspaceMgr);
            INDArray gradNormalized = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, z.dataType(),
                    z.shape(), 'c');
            fromBlocksAdjoint.apply(epsilon, gradNormalized);
            INDArray gradZ = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, z.dataType(), z.shape(), 'c');
            gradients = norm.backward(gradNormalized, z, gradZ, values, workspaceMgr);
            toBlocksAdjoint.apply(gradZ, gradInput);
        }
        if (gradients.length > 0) {
            gradientsFlattened.assign(Nd4j.createFromArray(gradients).reshape(gradientsFlattened.shape()));
        }
        Gradient gradient = new DefaultGradient();
        for (Map.Entry<String, INDArray> e : gradientViews.entrySet()) {
            gradient.setGradientFor(e.getKey(), e.getValue());
        }
        return new Pair<>(gradient, backpropDropOutIfPresent(gradInput));
    }

    /** The current parameters, in the order of {@link ParamOffsets}. */
    private double[] paramValues() {
        double[] values = new double[offsets.total()];
        if (values.length > 0) {
            for (Map.Entry<String, INDArray> e : params.entrySet()) {
                int at = ranges.get(e.getKey())[0];
                double[] v = e.getValue().toDoubleVector();
                System.arraycopy(v, 0, values, at, v.length);
            }
        }
        return values;
    }

    private INDArray toBlocks(INDArray x, ArrayType arrayType, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = workspaceMgr.createUninitialized(arrayType, x.dataType(), x.shape(), 'c');
        toBlocks.apply(x, z);
        return z;
    }
}
