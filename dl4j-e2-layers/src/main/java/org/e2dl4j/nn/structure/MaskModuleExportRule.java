package org.e2dl4j.nn.structure;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.MaskModule;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Exports a {@link MaskModule} as stock layers: the [N, C, S, S] map is flattened (channel-major, DL4J's
 * {@code CnnToFeedForwardPreProcessor}), multiplied element-wise by the mask repeated for every channel in a
 * {@code ElementWiseMultiplicationLayer} (zero bias, identity activation) frozen in a
 * {@code FrozenLayerWithBackprop}, and reshaped back
 * by an identity {@code ActivationLayer} behind a {@code FeedForwardToCnnPreProcessor}.
 */
public final class MaskModuleExportRule implements ExportRule {

    @Override
    public Class<MaskModule> configClass() {
        return MaskModule.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        MaskModule c = (MaskModule) layer.conf().getLayer();
        int s = c.getSize();
        int channels = c.getInType().size();
        int n = channels * s * s;
        double[] mask = c.mask();
        double[] tiled = new double[n];
        for (int ch = 0; ch < channels; ch++) {
            System.arraycopy(mask, 0, tiled, ch * s * s, s * s);
        }
        INDArray w;
        INDArray b;
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            w = Nd4j.createFromArray(tiled).reshape(1, n);
            b = Nd4j.zeros(1, n);
        }
        ElementWiseMultiplicationLayer multiply = new ElementWiseMultiplicationLayer.Builder().nIn(n).nOut(n)
                .activation(Activation.IDENTITY).weightInit(WeightInit.ONES).biasInit(0).updater(new NoOp())
                .biasUpdater(new NoOp()).name(c.getLayerName()).build();
        ActivationLayer reshape = new ActivationLayer.Builder().activation(Activation.IDENTITY)
                .name(c.getLayerName()).build();
        return List.of(
                new ExportedLayer(new FrozenLayerWithBackprop(multiply), Map.of("W", w, "b", b))
                        .withPreProcessor(new CnnToFeedForwardPreProcessor(s, s, channels, CNN2DFormat.NCHW)),
                new ExportedLayer(reshape, Map.of())
                        .withPreProcessor(new FeedForwardToCnnPreProcessor(s, s, channels)));
    }
}
