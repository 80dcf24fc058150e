package org.e2dl4j.nn.invariant;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.ChannelGroupPool;
import org.e2dl4j.nn.FieldLayer;
import org.e2dl4j.nn.FieldNorms;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Implementation of {@link InducedNormPool}: the {@link FieldNorms} of all sub-fields, then the
 * {@link ChannelGroupPool} (maximum) over each field's sub-fields.
 */
final class InducedNormPoolLayer extends FieldLayer<InducedNormPool> {

    private static final long serialVersionUID = 1L;

    private final transient FieldNorms subfieldNorms;
    private final transient ChannelGroupPool max;

    public InducedNormPoolLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        InducedNormPool c = (InducedNormPool) conf.getLayer();
        FieldType type = c.getInType();
        int[] sub = c.subfieldSizes();
        int[] perField = new int[type.fieldCount()];
        int total = 0;
        for (int f = 0; f < perField.length; f++) {
            perField[f] = type.representations().get(f).size() / sub[f];
            total += perField[f];
        }
        int[] sizes = new int[total];
        int k = 0;
        for (int f = 0; f < perField.length; f++) {
            for (int b = 0; b < perField[f]; b++) {
                sizes[k++] = sub[f];
            }
        }
        this.subfieldNorms = new FieldNorms(sizes);
        this.max = new ChannelGroupPool(ChannelGroupPool.Kind.MAX, perField);
    }

    @Override
    protected boolean foldsVolumes() {
        return true;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray n = workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, input.dataType(), normShape(input), 'c');
        subfieldNorms.forward(input, n, workspaceMgr, ArrayType.FF_WORKING_MEM);
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(),
                new long[] {input.size(0), max.outChannels(), input.size(2), input.size(3)}, 'c');
        max.forward(n, y, workspaceMgr, ArrayType.FF_WORKING_MEM);
        return y;
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray n = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, input.dataType(), normShape(input), 'c');
        subfieldNorms.forward(input, n, workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray dn = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, input.dataType(), n.shape(), 'c');
        max.backward(n, epsilon, dn, workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        subfieldNorms.backward(input, dn, dx, workspaceMgr, ArrayType.BP_WORKING_MEM);
        return dx;
    }

    private long[] normShape(INDArray input) {
        return new long[] {input.size(0), subfieldNorms.groups(), input.size(2), input.size(3)};
    }
}
