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
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's stock {@code ActivationLayer} for the plain ReLU, y = max(x, 0) and dL/dx = dL/dy [x > 0], writing straight
 * into the workspace arrays DL4J expects: the training-mode forward pass reads x and writes y with the stock op
 * (the stock layer first copies x, then rectifies the copy); the backward pass writes the step [x > 0] into dL/dx
 * and multiplies it by dL/dy in place (the stock layer copies x, then runs libnd4j's {@code relu_bp}, several times
 * slower at the maps of a CNN). The values are the stock ones for finite dL/dy; a NaN or infinite dL/dy where x <= 0
 * stays NaN here, where {@code relu_bp} drops it to 0. Inference runs the stock path (it rectifies in place, no copy).
 */
final class CopyFreeReluLayer extends ActivationLayer {

    CopyFreeReluLayer(NeuralNetConfiguration conf, DataType dataType) {
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
        Nd4j.getExecutioner().exec(new Step(input, dx, 0.0));
        dx.muli(epsilon);
        return new Pair<>(new DefaultGradient(), dx);
    }
}
