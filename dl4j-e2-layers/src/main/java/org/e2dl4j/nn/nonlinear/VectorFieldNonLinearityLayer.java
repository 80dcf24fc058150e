package org.e2dl4j.nn.nonlinear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.e2dl4j.nn.NaNPropagation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Implementation of {@link VectorFieldNonLinearity} on the input viewed as [N, F, N_rot, HW]: the maximum and
 * its index k* over the rotation axis, the output pair {@code (cos t, sin t) relu(max)} with t = 2 pi k* / N_rot;
 * backward sends {@code (cos t dL/dy_0 + sin t dL/dy_1) [max > 0]} to channel k* of each field (a one-hot mask
 * of the arg max) and 0 to the others. A field with a NaN among its rotations gives the vector (NaN, NaN), as
 * e2cnn's {@code torch.max} makes it (libnd4j's max skips NaN; see {@link NaNPropagation}).
 */
final class VectorFieldNonLinearityLayer extends FieldLayer<VectorFieldNonLinearity> {

    private static final long serialVersionUID = 1L;

    private final int rotations;

    public VectorFieldNonLinearityLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.rotations = ((VectorFieldNonLinearity) conf.getLayer()).rotations();
    }

    /** Per field and pixel: the relu'd maximum, cos t and sin t of its angle, and the arg max. */
    private record Maxima(INDArray length, INDArray cos, INDArray sin, INDArray argMax) {
    }

    private Maxima maxima(INDArray fields, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray argMax = fields.argMax(2);
        INDArray length = Transforms.relu(fields.max(2), false);
        if (NaNPropagation.containsNaN(fields)) {
            NaNPropagation.mark(length, NaNPropagation.indicator(fields, ws, working).max(2));
        }
        INDArray angle = argMax.castTo(dataType).muli(2 * Math.PI / rotations);
        return new Maxima(length, Transforms.cos(angle, true), Transforms.sin(angle, false), argMax);
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        Maxima m = maxima(fields(input), workspaceMgr, ArrayType.FF_WORKING_MEM);
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {input.size(0), 2 * (input.size(1) / rotations), input.size(2), input.size(3)}, 'c');
        INDArray vectors = y.reshape('c', input.size(0), input.size(1) / rotations, 2, input.size(2) * input.size(3));
        Nd4j.exec(new MulOp(m.cos(), m.length(), component(vectors, 0)));
        Nd4j.exec(new MulOp(m.sin(), m.length(), component(vectors, 1)));
        return y;
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = fields(input);
        Maxima m = maxima(x, workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray g = epsilon.reshape('c', x.size(0), x.size(1), 2, x.size(3));
        INDArray dMax = component(g, 0).mul(m.cos()).addi(component(g, 1).mul(m.sin()))
                .muli(m.length().gt(0).castTo(dataType));
        INDArray oneHot = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, x.shape(), 'c');
        Nd4j.exec(new OneHot(m.argMax(), oneHot, rotations, 2, 1.0, 0.0));
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        Nd4j.getExecutioner().exec(new BroadcastMulOp(oneHot, dMax, dx.reshape('c', x.shape()), 0, 1, 3));
        return dx;
    }

    /** The input [N, F * N_rot, H, W] as [N, F, N_rot, H*W]. */
    private INDArray fields(INDArray a) {
        return a.reshape('c', a.size(0), a.size(1) / rotations, rotations, a.size(2) * a.size(3));
    }

    /** Component k of the output vectors: [N, F, H*W]. */
    private static INDArray component(INDArray vectors, int k) {
        return vectors.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(k), NDArrayIndex.all());
    }
}
