package org.e2dl4j.nn.pooling;

import java.util.List;

import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.PointwiseAdaptiveAvgPool;

/** Exports a {@link PointwiseAdaptiveAvgPool} as stock global or window average pooling where exact. */
public final class PointwiseAdaptiveAvgPoolExportRule implements ExportRule {

    @Override
    public Class<PointwiseAdaptiveAvgPool> configClass() {
        return PointwiseAdaptiveAvgPool.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        return AdaptivePoolExport.export((PointwiseAdaptiveAvgPool) layer.conf().getLayer(), PoolingType.AVG);
    }
}
