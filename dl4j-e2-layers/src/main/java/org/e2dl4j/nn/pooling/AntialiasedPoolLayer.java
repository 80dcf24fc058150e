package org.e2dl4j.nn.pooling;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Implementation of {@link org.e2dl4j.nn.pooling.PointwiseMaxPoolAntialiased} (a dense max pooling at stride 1, then the
 * blur) and {@link org.e2dl4j.nn.pooling.PointwiseAvgPoolAntialiased} (the blur alone; also on volumes,
 * {@link org.e2dl4j.nn.pooling.PointwiseAvgPoolAntialiased3D}): the {@link GaussianBlur} subsamples.
 */
final class AntialiasedPoolLayer extends FieldLayer<EquivariantLayer> {

    private static final long serialVersionUID = 1L;

    private final transient WindowPool denseMax;
    private final transient GaussianBlur blur;

    /** @param denseMax the stride-1 max pooling before the blur, or null for none */
    public AntialiasedPoolLayer(NeuralNetConfiguration conf, DataType dataType, WindowPool denseMax, GaussianBlur blur) {
        super(conf, dataType);
        this.denseMax = denseMax;
        this.blur = blur;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray blurred = denseMax == null ? input : max(input, workspaceMgr, ArrayType.FF_WORKING_MEM);
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(),
                blurredShape(blurred), 'c');
        blur.forward(blurred, out);
        return out;
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        if (denseMax == null) {
            blur.backward(input, epsilon, dx, workspaceMgr, ArrayType.BP_WORKING_MEM);
            return dx;
        }
        INDArray m = max(input, workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray dm = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, m.dataType(), m.shape(), 'c');
        blur.backward(m, epsilon, dm, workspaceMgr, ArrayType.BP_WORKING_MEM);
        denseMax.backward(input, dm, dx, workspaceMgr, ArrayType.BP_WORKING_MEM);
        return dx;
    }

    private INDArray max(INDArray x, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray m = ws.createUninitialized(working, x.dataType(), denseMax.outputShape(x.shape()), 'c');
        denseMax.forward(x, m, ws, working);
        return m;
    }

    private long[] blurredShape(INDArray in) {
        long[] shape = in.shape().clone();
        boolean empty = false;
        for (int a = 0; a < blur.axes(); a++) {
            shape[2 + a] = blur.outputSize(a, in.size(2 + a));
            empty |= shape[2 + a] < 1;
        }
        if (empty) {
            throw new IllegalArgumentException(layerConf().describe() + ": an input of "
                    + java.util.Arrays.toString(java.util.Arrays.copyOfRange(input.shape(), 2, input.rank()))
                    + " gives an empty output");
        }
        return shape;
    }
}
