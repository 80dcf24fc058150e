package org.e2dl4j.nn.testing;

import java.util.List;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs one layer of a network directly (no workspaces), for hand-derived forward and backward cases. */
public final class LayerRunner {

    private LayerRunner() {
    }

    /** The layer's output for input x, in the data type of x. */
    public static INDArray forward(Layer layer, InputType type, INDArray x) {
        return instance(layer, type, x).activate(false, LayerWorkspaceMgr.noWorkspaces());
    }

    /** dL/dx of the layer for input x and dL/dy {@code gradOut}, in the data type of x. */
    public static INDArray backward(Layer layer, InputType type, INDArray x, INDArray gradOut) {
        org.deeplearning4j.nn.api.Layer l = instance(layer, type, x);
        l.activate(true, LayerWorkspaceMgr.noWorkspaces());
        return l.backpropGradient(gradOut, LayerWorkspaceMgr.noWorkspaces()).getSecond();
    }

    private static org.deeplearning4j.nn.api.Layer instance(Layer layer, InputType type, INDArray x) {
        MultiLayerNetwork net = TestNetworks.withLoss(x.dataType(), 1, type, List.of(layer));
        net.initGradientsView();
        org.deeplearning4j.nn.api.Layer l = net.getLayer(0);
        l.setInput(x, LayerWorkspaceMgr.noWorkspaces());
        return l;
    }
}
