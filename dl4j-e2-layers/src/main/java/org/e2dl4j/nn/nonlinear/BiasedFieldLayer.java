package org.e2dl4j.nn.nonlinear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.DepthFolding;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.LayerInput;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The implementation shared by the nonlinearities with a bias vector (norm and gated): DL4J's
 * {@code BaseLayer} for the parameter handling (views, updaters, weight noise, regularization), with the
 * computation left to {@link #forward} and {@link #backward}. Inputs are checked against the configuration's
 * field type; these layers compute point by point, so a volumetric NCDHW input reaches {@link #forward} and
 * {@link #backward} folded to [N, C, D*H, W] ({@link DepthFolding}). Outputs in {@code ArrayType.ACTIVATIONS}, dL/dx
 * in {@code ACTIVATION_GRAD}.
 *
 * @param <C> the layer's configuration class
 */
abstract class BiasedFieldLayer<C extends EquivariantLayer> extends BaseLayer<C> {

    private static final long serialVersionUID = 1L;

    BiasedFieldLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Computes the layer's output for a checked NCHW input. */
    protected abstract INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr);

    /** Computes dL/dx from dL/dy for the current input and stores the parameter gradients in {@code gradient}. */
    protected abstract INDArray backward(INDArray epsilon, Gradient gradient, LayerWorkspaceMgr workspaceMgr);

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray volume = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        input = DepthFolding.fold(volume);
        try {
            return DepthFolding.unfold(forward(input, training, workspaceMgr), volume, workspaceMgr,
                    ArrayType.ACTIVATIONS);
        } finally {
            input = volume;
        }
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
            Gradient gradient = new DefaultGradient();
            INDArray dy = LayerInput.gradient(epsilon, dataType, layerConf(), index);
            INDArray dx = backward(DepthFolding.fold(dy), gradient, workspaceMgr);
            weightNoiseParams.clear();
            return new Pair<>(gradient, DepthFolding.unfold(dx, volume, workspaceMgr, ArrayType.ACTIVATION_GRAD));
        } finally {
            input = volume;
        }
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }

    @Override
    public boolean hasBias() {
        return !paramTable().isEmpty();
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }
}
