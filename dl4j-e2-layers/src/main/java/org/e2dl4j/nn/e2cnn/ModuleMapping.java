package org.e2dl4j.nn.e2cnn;

import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The e2cnn module that one parameterized layer of our network corresponds to: the layer's position and name, and
 * the module's tensors in e2cnn's {@code state_dict} order.
 *
 * @param index   the layer's index in the network (its topological position in a graph)
 * @param name    the layer's name (vertex name in a graph)
 * @param kind    what the layer is, e.g. "R2Conv" or "DenseLayer (torch Linear)"
 * @param tensors the module's tensors in order
 * @param prefix  the key prefix {@link E2cnnWeights#save(org.deeplearning4j.nn.multilayer.MultiLayerNetwork, java.nio.file.Path)} writes (index or vertex name)
 * @param params  the layer's live parameter table (views of the network's parameters)
 */
record ModuleMapping(int index, String name, String prefix, String kind, List<TensorMapping> tensors, Map<String, INDArray> params) {

    /** "layer 3 'bn0' (InnerBatchNorm)". */
    String describe() {
        return "layer " + index + " '" + name + "' (" + kind + ")";
    }
}
