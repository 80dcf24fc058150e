package org.e2dl4j.nn.pooling;

import java.util.List;

import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.PointwiseAvgPoolAntialiased;
import org.nd4j.linalg.factory.Nd4j;

/** Exports a {@link PointwiseAvgPoolAntialiased} as a stock {@code DepthwiseConvolution2D} holding the fixed filter. */
public final class PointwiseAvgPoolAntialiasedExportRule implements ExportRule {

    @Override
    public Class<PointwiseAvgPoolAntialiased> configClass() {
        return PointwiseAvgPoolAntialiased.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        PointwiseAvgPoolAntialiased c = (PointwiseAvgPoolAntialiased) layer.conf().getLayer();
        return List.of(StockPooling.fixedDepthwise(c.getLayerName(), c.getInType().size(),
                Nd4j.createFromArray(c.blur().filter()), c.getStride(), c.getPadding()));
    }
}
