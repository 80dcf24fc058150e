package org.e2dl4j.onednn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's stock {@code ActivationLayer} for the plain ReLU, y = max(x, 0) and dL/dx = dL/dy [x > 0], with the same ND4J
 * ops writing straight into the workspace arrays DL4J expects: the training-mode forward pass reads x and writes y
 * (the stock layer first copies x, then rectifies the copy), the backward pass reads x and dL/dy and writes dL/dx
 * (the stock layer first copies x). Inference runs the stock path (it rectifies in place, no copy).
 */
final class OnePassReluLayer extends ActivationLayer {

    OnePassReluLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!training) {
            return super.activate(false, workspaceMgr);
        }
        assertInputSet(false);
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(),
                input.ordering());
        Nd4j.getExecutioner().exec(new RectifiedLinear(input, y));
        return y;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(),
                input.ordering());
        Nd4j.getExecutioner().exec(new RectifiedLinearDerivative(input, epsilon, dx, 0.0));
        return new Pair<>(new DefaultGradient(), dx);
    }
}
