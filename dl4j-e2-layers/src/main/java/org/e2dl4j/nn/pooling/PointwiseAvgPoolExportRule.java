package org.e2dl4j.nn.pooling;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.PointwiseAvgPool;

/**
 * Exports a {@link PointwiseAvgPool} as a stock {@code SubsamplingLayer} (AVG, padding counted in the divisor as
 * in PyTorch) with the same window.
 */
public final class PointwiseAvgPoolExportRule implements ExportRule {

    @Override
    public Class<PointwiseAvgPool> configClass() {
        return PointwiseAvgPool.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        PointwiseAvgPool c = (PointwiseAvgPool) layer.conf().getLayer();
        return List.of(new ExportedLayer(StockPooling.subsampling(c, PoolingType.AVG, c.geometry()), Map.of()));
    }
}
