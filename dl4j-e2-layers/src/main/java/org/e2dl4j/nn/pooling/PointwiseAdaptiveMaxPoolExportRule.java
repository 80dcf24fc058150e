package org.e2dl4j.nn.pooling;

import java.util.List;

import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.PointwiseAdaptiveMaxPool;

/** Exports a {@link PointwiseAdaptiveMaxPool} as stock global or window max pooling where exact. */
public final class PointwiseAdaptiveMaxPoolExportRule implements ExportRule {

    @Override
    public Class<PointwiseAdaptiveMaxPool> configClass() {
        return PointwiseAdaptiveMaxPool.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        return AdaptivePoolExport.export((PointwiseAdaptiveMaxPool) layer.conf().getLayer(), PoolingType.MAX);
    }
}
