package org.e2dl4j.nn.invariant;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.e2dl4j.nn.FieldNorms;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Implementation of {@link NormPool}: the {@link FieldNorms} of the fields. */
final class NormPoolLayer extends FieldLayer<NormPool> {

    private static final long serialVersionUID = 1L;

    private final transient FieldNorms norms;

    public NormPoolLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.norms = new FieldNorms(GroupPoolingLayer.fieldSizes(((NormPool) conf.getLayer()).getInType()));
    }

    @Override
    protected boolean foldsVolumes() {
        return true;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(),
                new long[] {input.size(0), norms.groups(), input.size(2), input.size(3)}, 'c');
        norms.forward(input, y, workspaceMgr, ArrayType.FF_WORKING_MEM);
        return y;
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        norms.backward(input, epsilon, dx, workspaceMgr, ArrayType.BP_WORKING_MEM);
        return dx;
    }
}
