package org.e2dl4j.nn.pooling;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Implementation of the adaptive poolings: one {@link AdaptivePool} over all channels. */
final class AdaptivePoolLayer extends FieldLayer<AbstractAdaptivePool> {

    private static final long serialVersionUID = 1L;

    private final transient AdaptivePool pool;

    public AdaptivePoolLayer(NeuralNetConfiguration conf, DataType dataType, AdaptivePool pool) {
        super(conf, dataType);
        this.pool = pool;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        int[] o = layerConf().getOutputSize();
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(),
                new long[] {input.size(0), input.size(1), o[0], o[1]}, 'c');
        pool.forward(input, y, workspaceMgr, ArrayType.FF_WORKING_MEM);
        return y;
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        pool.backward(input, epsilon, dx, workspaceMgr, ArrayType.BP_WORKING_MEM);
        return dx;
    }
}
