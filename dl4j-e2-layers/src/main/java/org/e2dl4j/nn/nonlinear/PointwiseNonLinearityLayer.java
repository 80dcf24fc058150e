package org.e2dl4j.nn.nonlinear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Implementation of the pointwise nonlinearities: DL4J's activation sigma on the whole tensor,
 * {@code y = sigma(x)}, and {@code dL/dx = sigma'(x) * dL/dy} in backward (for ELU with DL4J's alpha bug
 * corrected, see {@link ExactELU}).
 */
final class PointwiseNonLinearityLayer extends FieldLayer<AbstractPointwiseNonLinearity> {

    private static final long serialVersionUID = 1L;

    private final IActivation function;

    public PointwiseNonLinearityLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.function = ExactELU.of(((AbstractPointwiseNonLinearity) conf.getLayer()).function());
    }

    @Override
    protected boolean foldsVolumes() {
        return true;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray y = workspaceMgr.dup(ArrayType.ACTIVATIONS, input, 'c');
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, function.getActivation(y, training));
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, input, 'c');
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, function.backprop(z, epsilon).getFirst());
    }
}
