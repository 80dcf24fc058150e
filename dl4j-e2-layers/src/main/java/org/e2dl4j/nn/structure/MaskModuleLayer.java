package org.e2dl4j.nn.structure;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Implementation of {@link MaskModule}: {@code y = x * m} and {@code dx = dy * m}, each one broadcast
 * multiplication of the [N C, S S] planes by the mask row (kept outside workspaces, per data type).
 */
final class MaskModuleLayer extends FieldLayer<MaskModule> {

    private static final long serialVersionUID = 1L;

    private transient INDArray mask;

    public MaskModuleLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        return masked(input, workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), input.shape(), 'c'));
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return masked(epsilon, workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(),
                epsilon.shape(), 'c'));
    }

    private INDArray masked(INDArray x, INDArray out) {
        int size = layerConf().getSize();
        if (x.size(2) != size || x.size(3) != size) {
            throw new IllegalStateException(layerConf().describe() + " (layer index " + index + "): the mask is " + size
                    + " x " + size + ", got a " + x.size(2) + " x " + x.size(3) + " input");
        }
        long planes = x.size(0) * x.size(1);
        Nd4j.getExecutioner().exec(new BroadcastMulOp(x.reshape('c', planes, (long) size * size), mask(x.dataType()),
                out.reshape('c', planes, (long) size * size), 1));
        return out;
    }

    private INDArray mask(DataType dataType) {
        INDArray m = mask;
        if (m == null || m.dataType() != dataType) {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                m = Nd4j.createFromArray(layerConf().mask()).castTo(dataType);
            }
            mask = m;
        }
        return m;
    }
}
