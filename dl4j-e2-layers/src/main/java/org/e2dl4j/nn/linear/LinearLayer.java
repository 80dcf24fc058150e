package org.e2dl4j.nn.linear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.math.kernel.BiasBlock;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.nn.LayerInput;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The implementation of {@link Linear}: {@code y = x W^T + T b} for x [batch, in], with the matrix W [out, in]
 * expanded from the basis coefficients ({@link MatrixExpansion}) and the per-channel bias {@code T b}, T [out, t] the
 * trivial columns of the output fields' changes of basis (escnn's {@code bias_expansion}). Backward:
 * {@code dx = dy W}, {@code dW = dy^T x} folded back onto the coefficients, {@code db = T^T sum_n dy}. The input is
 * checked and cast to the layer's data type ({@link LayerInput}); the output lives in ACTIVATIONS, dL/dx in
 * ACTIVATION_GRAD.
 */
final class LinearLayer extends BaseLayer<Linear> {

    private final MatrixExpansion expansion;
    private final INDArray biasExpansion;
    private INDArray expanded;
    private INDArray expandedFrom;

    @SuppressWarnings("try")
    LinearLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        Linear c = (Linear) conf.getLayer();
        LayerBasis basis = c.layerBasis();
        this.expansion = new MatrixExpansion(basis, dataType);
        if (c.hasBiasParams()) {
            double[][] t = new double[basis.outChannels()][basis.biasDimension()];
            for (BiasBlock block : basis.biasBlocks()) {
                double[][] columns = block.trivialColumns();
                int[] channelStarts = block.channelStarts();
                int[] biasStarts = block.biasStarts();
                for (int f = 0; f < channelStarts.length; f++) {
                    for (int row = 0; row < columns.length; row++) {
                        for (int k = 0; k < block.trivialCount(); k++) {
                            t[channelStarts[f] + row][biasStarts[f] + k] = columns[row][k];
                        }
                    }
                }
            }
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                this.biasExpansion = Nd4j.createFromArray(t).castTo(dataType);
            }
        } else {
            this.biasExpansion = null;
        }
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public boolean hasBias() {
        return biasExpansion != null;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        return preOutput(training, workspaceMgr);
    }

    @Override
    protected INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, workspaceMgr);
        input = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        INDArray matrix = matrix(training, workspaceMgr);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {input.size(0), matrix.size(0)}, 'c');
        input.mmul(matrix.transpose(), out);
        if (biasExpansion != null) {
            out.addiRowVector(expandedBias(training, workspaceMgr));
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        input = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        INDArray delta = LayerInput.gradient(epsilon, dataType, layerConf(), index);
        INDArray matrix = matrix(true, workspaceMgr);
        INDArray gradInput = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        delta.mmul(matrix, gradInput);
        Gradient gradient = new DefaultGradient();
        INDArray gradWeights = gradientViews.get(LinearParamInitializer.WEIGHT_KEY);
        expansion.backprop(delta.transpose().mmul(input), gradWeights);
        gradient.setGradientFor(LinearParamInitializer.WEIGHT_KEY, gradWeights);
        if (biasExpansion != null) {
            INDArray gradBias = gradientViews.get(LinearParamInitializer.BIAS_KEY);
            INDArray perChannel = delta.sum(true, 0);
            gradBias.assign(perChannel.mmul(biasExpansion).reshape(gradBias.shape()));
            gradient.setGradientFor(LinearParamInitializer.BIAS_KEY, gradBias);
        }
        weightNoiseParams.clear();
        return new Pair<>(gradient, backpropDropOutIfPresent(gradInput));
    }

    /**
     * The expanded [out, in] matrix, kept outside workspaces with the coefficients it was expanded from and
     * expanded again only when they change (every training step, never between inference calls).
     */
    @SuppressWarnings("try")
    private INDArray matrix(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray w = getParamWithNoise(LinearParamInitializer.WEIGHT_KEY, training, workspaceMgr);
        if (expandedFrom != null && expandedFrom.dataType() == w.dataType() && expandedFrom.length() == w.length()
                && !w.reshape(w.length()).neq(expandedFrom).any()) {
            return expanded;
        }
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            expanded = expansion.expand(w);
            expandedFrom = w.reshape(w.length()).dup();
        }
        return expanded;
    }

    private INDArray expandedBias(boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray b = getParamWithNoise(LinearParamInitializer.BIAS_KEY, training, workspaceMgr);
        return b.reshape(1, b.length()).mmul(biasExpansion.transpose());
    }

    /** The [out, in] matrix for the current parameters, a copy outside workspaces: what export puts in a DenseLayer. */
    @SuppressWarnings("try")
    INDArray expandedMatrix() {
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return matrix(false, LayerWorkspaceMgr.noWorkspaces()).dup('c');
        }
    }

    /** The per-channel bias [1, out] for the current parameters (a copy outside workspaces), or null without bias. */
    @SuppressWarnings("try")
    INDArray expandedBias() {
        if (biasExpansion == null) {
            return null;
        }
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            return expandedBias(false, LayerWorkspaceMgr.noWorkspaces()).dup('c');
        }
    }
}
