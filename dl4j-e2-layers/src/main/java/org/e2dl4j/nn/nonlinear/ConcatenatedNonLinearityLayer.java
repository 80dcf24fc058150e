package org.e2dl4j.nn.nonlinear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Implementation of {@link ConcatenatedNonLinearity}: the input [N, C, HW] and its negation are written into
 * the two halves of an [N, C, 2, HW] array (output channel 2i + k holds (-1)^k x_i), DL4J's activation f runs on
 * it in place; backward: {@code dL/dx_i = f'(x_i) dL/dy_2i - f'(-x_i) dL/dy_(2i+1)}.
 */
final class ConcatenatedNonLinearityLayer extends FieldLayer<ConcatenatedNonLinearity> {

    private static final long serialVersionUID = 1L;

    private final IActivation function;

    public ConcatenatedNonLinearityLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.function = ((ConcatenatedNonLinearity) conf.getLayer()).activation();
    }

    @Override
    protected boolean foldsVolumes() {
        return true;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {input.size(0), 2 * input.size(1), input.size(2), input.size(3)}, 'c');
        signedPairs(input, y);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, function.getActivation(y, training));
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                new long[] {input.size(0), 2 * input.size(1), input.size(2), input.size(3)}, 'c');
        signedPairs(input, z);
        INDArray dz = pairs(function.backprop(z, epsilon.dup('c')).getFirst());
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        Nd4j.exec(new SubOp(pair(dz, 0), pair(dz, 1), flat(dx)));
        return dx;
    }

    /** Writes x and -x into the two members of each channel pair of {@code target} [N, 2C, H, W]. */
    private static void signedPairs(INDArray x, INDArray target) {
        INDArray p = pairs(target);
        INDArray xFlat = flat(x);
        pair(p, 0).assign(xFlat);
        pair(p, 1).assign(xFlat).negi();
    }

    /** [N, 2C, H, W] as [N, C, 2, H*W]. */
    private static INDArray pairs(INDArray a) {
        return a.reshape('c', a.size(0), a.size(1) / 2, 2, a.size(2) * a.size(3));
    }

    /** Member k of each pair: [N, C, H*W]. */
    private static INDArray pair(INDArray pairs, int k) {
        return pairs.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(k), NDArrayIndex.all());
    }

    private static INDArray flat(INDArray a) {
        return a.reshape('c', a.size(0), a.size(1), a.size(2) * a.size(3));
    }
}
