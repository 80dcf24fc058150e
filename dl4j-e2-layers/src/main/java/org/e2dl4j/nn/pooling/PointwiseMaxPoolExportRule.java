package org.e2dl4j.nn.pooling;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.PointwiseMaxPool;

/** Exports a {@link PointwiseMaxPool} as a stock {@code SubsamplingLayer} (MAX) with the same window. */
public final class PointwiseMaxPoolExportRule implements ExportRule {

    @Override
    public Class<PointwiseMaxPool> configClass() {
        return PointwiseMaxPool.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        PointwiseMaxPool c = (PointwiseMaxPool) layer.conf().getLayer();
        return List.of(new ExportedLayer(StockPooling.subsampling(c, PoolingType.MAX, c.geometry()), Map.of()));
    }
}
