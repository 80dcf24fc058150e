package org.e2dl4j.nn.pooling;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.nn.ExportedLayer;

/**
 * The stock form of an adaptive pooling: a {@code GlobalPoolingLayer} keeping the 1 x 1 spatial dimensions when
 * the output is 1 x 1; a {@code SubsamplingLayer} with kernel and stride (H / oH, W / oW) when the configured input
 * size is a multiple of the output size (the windows are then exactly those of the adaptive pooling).
 */
final class AdaptivePoolExport {

    private AdaptivePoolExport() {
    }

    /**
     * @throws IllegalArgumentException naming the layer when neither stock form is exact
     */
    static List<ExportedLayer> export(AbstractAdaptivePool c, PoolingType type) {
        int[] o = c.getOutputSize();
        if (o[0] == 1 && o[1] == 1) {
            GlobalPoolingLayer global = new GlobalPoolingLayer.Builder(type).collapseDimensions(false)
                    .name(c.getLayerName()).build();
            return List.of(new ExportedLayer(global, Map.of()));
        }
        long h = c.getInputHeight();
        long w = c.getInputWidth();
        if (h < 1 || w < 1 || h % o[0] != 0 || w % o[1] != 0) {
            throw new IllegalArgumentException("cannot export " + c.describe() + " to " + o[0] + " x " + o[1] + ": a stock"
                    + " SubsamplingLayer has the same windows only when the input size is a multiple of the output"
                    + " size, and the network was configured with input " + (h < 1 ? "of unknown size (no input type)"
                    : h + " x " + w) + "; use an output size dividing the input size, or 1 x 1 (global pooling)");
        }
        int[] k = {(int) (h / o[0]), (int) (w / o[1])};
        PoolingGeometry window = new PoolingGeometry(k, k, new int[] {0, 0}, new int[] {1, 1}, false);
        return List.of(new ExportedLayer(StockPooling.subsampling(c, type, window), Map.of()));
    }
}
