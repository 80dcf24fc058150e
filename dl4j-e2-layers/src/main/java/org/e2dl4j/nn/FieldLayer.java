package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The implementation shared by the parameter-free equivariant layers (nonlinearities without bias,
 * invariant maps, pooling, structure): it checks the input against the configuration's field type, casts it
 * to the layer's data type ({@link LayerInput}) and leaves the computation to {@link #forward} and
 * {@link #backward}.
 *
 * <p>Contract for subclasses: the output of {@code forward} lives in {@code ArrayType.ACTIVATIONS}, dL/dx
 * from {@code backward} in {@code ArrayType.ACTIVATION_GRAD}, temporaries in the working-memory workspaces.
 * DL4J runs the forward pass again before {@code backward} in training, with the same input.
 *
 * @param <C> the layer's configuration class
 */
public abstract class FieldLayer<C extends EquivariantLayer> extends AbstractLayer<C> {

    private static final long serialVersionUID = 1L;

    protected FieldLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Computes the layer's output for a checked NCHW input (or NCDHW volume, unless {@link #foldsVolumes()}). */
    protected abstract INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr);

    /** Computes dL/dx from dL/dy for the current input. */
    protected abstract INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr);

    /**
     * Checks the input and casts it to the layer's data type ({@link LayerInput}), then runs {@link #forward}.
     *
     * @throws IllegalArgumentException if the input is not a non-empty NCHW map of the input field type
     */
    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        input = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        if (!foldsVolumes() || input.rank() != 5) {
            return forward(input, training, workspaceMgr);
        }
        INDArray volume = input;
        input = DepthFolding.fold(volume);
        try {
            return DepthFolding.unfold(forward(input, training, workspaceMgr), volume, workspaceMgr,
                    ArrayType.ACTIVATIONS);
        } finally {
            input = volume;
        }
    }

    /**
     * Whether the layer computes point by point, so that a volumetric NCDHW input is handed to {@link #forward} and
     * {@link #backward} as the planar map [N, C, D*H, W] ({@link DepthFolding}); false unless a subclass says so
     * (it then gets the rank-5 volume itself).
     */
    protected boolean foldsVolumes() {
        return false;
    }

    /**
     * As {@link #activate}, then {@link #backward} on dL/dy in the layer's data type. Without dL/dy (below a
     * convolution built with {@code inputGradient(false)}) there is nothing to propagate: no dL/dx either.
     */
    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (epsilon == null) {
            return new Pair<>(new DefaultGradient(), null);
        }
        assertInputSet(true);
        input = LayerInput.prepared(input, layerConf(), index, dataType, workspaceMgr);
        INDArray dy = LayerInput.gradient(epsilon, dataType, layerConf(), index);
        if (!foldsVolumes() || input.rank() != 5) {
            return new Pair<>(new DefaultGradient(), backward(dy, workspaceMgr));
        }
        INDArray volume = input;
        input = DepthFolding.fold(volume);
        try {
            INDArray dx = backward(DepthFolding.fold(dy), workspaceMgr);
            return new Pair<>(new DefaultGradient(), DepthFolding.unfold(dx, volume, workspaceMgr,
                    ArrayType.ACTIVATION_GRAD));
        } finally {
            input = volume;
        }
    }

    @Override
    public double calcRegularizationScore(boolean backpropOnlyParams) {
        return 0;
    }

    @Override
    public Type type() {
        return Type.CONVOLUTIONAL;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
        // no parameters, so no noise on them
    }

    @Override
    public INDArray params() {
        return null;
    }
}
