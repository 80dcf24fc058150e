package org.e2dl4j.nn.pooling;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.PointwiseMaxPoolAntialiased;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Exports a {@link PointwiseMaxPoolAntialiased} as a stock {@code SubsamplingLayer} (MAX at stride 1) followed by
 * a {@code DepthwiseConvolution2D} holding the fixed Gaussian filter.
 */
public final class PointwiseMaxPoolAntialiasedExportRule implements ExportRule {

    @Override
    public Class<PointwiseMaxPoolAntialiased> configClass() {
        return PointwiseMaxPoolAntialiased.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        PointwiseMaxPoolAntialiased c = (PointwiseMaxPoolAntialiased) layer.conf().getLayer();
        GaussianBlur blur = c.blur();
        String name = c.getLayerName();
        return List.of(new ExportedLayer(StockPooling.subsampling(c, PoolingType.MAX, c.denseGeometry()), Map.of()),
                StockPooling.fixedDepthwise(name == null ? null : name + "_blur", c.getInType().size(),
                        Nd4j.createFromArray(blur.filter()), c.getStride(), blur.padding()));
    }
}
