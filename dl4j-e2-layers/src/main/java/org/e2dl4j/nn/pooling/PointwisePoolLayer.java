package org.e2dl4j.nn.pooling;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Implementation of {@link org.e2dl4j.nn.pooling.PointwiseMaxPool} and {@link org.e2dl4j.nn.pooling.PointwiseAvgPool}: one
 * {@link WindowPool} over all channels at once.
 */
final class PointwisePoolLayer extends FieldLayer<AbstractWindowPool> {

    private static final long serialVersionUID = 1L;

    private final transient WindowPool pool;

    public PointwisePoolLayer(NeuralNetConfiguration conf, DataType dataType, WindowPool.Kind kind) {
        super(conf, dataType);
        this.pool = new WindowPool(kind, ((AbstractWindowPool) conf.getLayer()).geometry());
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        long[] shape;
        try {
            shape = pool.outputShape(input.shape());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(layerConf().describe() + " (layer index " + index + "): "
                    + e.getMessage(), e);
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), shape, 'c');
        pool.forward(input, out, workspaceMgr, ArrayType.FF_WORKING_MEM);
        return out;
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        pool.backward(input, epsilon, dx, workspaceMgr, ArrayType.BP_WORKING_MEM);
        return dx;
    }
}
