package org.e2dl4j.nn.structure;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Implementation of {@link ReshuffleModule}: the field permutation as one {@link ChannelPermutation}. */
final class ReshuffleModuleLayer extends FieldLayer<ReshuffleModule> {

    private static final long serialVersionUID = 1L;

    private final transient ChannelPermutation permutation;

    public ReshuffleModuleLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        this.permutation = new ChannelPermutation(((ReshuffleModule) conf.getLayer()).channelSource());
    }

    @Override
    protected boolean foldsVolumes() {
        return true;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        return permutation.forward(input, workspaceMgr);
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        return permutation.backward(epsilon, workspaceMgr);
    }

    /** The stock layers computing this permutation (see {@link ChannelPermutation#export}). */
    java.util.List<org.e2dl4j.nn.ExportedLayer> export() {
        return permutation.export(layerConf().getLayerName(), layerConf().getInType().gspace().dimensionality() == 3);
    }
}
