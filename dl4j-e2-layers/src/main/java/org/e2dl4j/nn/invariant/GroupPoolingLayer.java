package org.e2dl4j.nn.invariant;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.ChannelGroupPool;
import org.e2dl4j.nn.FieldLayer;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Implementation of {@link GroupPooling}: a {@link ChannelGroupPool} (maximum) over the fields. */
final class GroupPoolingLayer extends FieldLayer<GroupPooling> {

    private static final long serialVersionUID = 1L;

    private final transient ChannelGroupPool max;

    public GroupPoolingLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.max = new ChannelGroupPool(ChannelGroupPool.Kind.MAX, fieldSizes(((GroupPooling) conf.getLayer()).getInType()));
    }

    /** The size of each field, in order. */
    static int[] fieldSizes(FieldType type) {
        return type.representations().stream().mapToInt(r -> r.size()).toArray();
    }

    @Override
    protected boolean foldsVolumes() {
        return true;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(),
                new long[] {input.size(0), max.outChannels(), input.size(2), input.size(3)}, 'c');
        max.forward(input, y, workspaceMgr, ArrayType.FF_WORKING_MEM);
        return y;
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        max.backward(input, epsilon, dx, workspaceMgr, ArrayType.BP_WORKING_MEM);
        return dx;
    }
}
