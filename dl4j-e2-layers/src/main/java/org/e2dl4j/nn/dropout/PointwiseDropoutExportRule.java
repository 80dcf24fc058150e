package org.e2dl4j.nn.dropout;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.PointwiseDropout;

/**
 * A {@link PointwiseDropout} becomes a stock {@code DropoutLayer} with retain probability {@code 1 - p}: the
 * identity in inference, elementwise inverted dropout in training, as the original.
 */
public final class PointwiseDropoutExportRule implements ExportRule {

    @Override
    public Class<PointwiseDropout> configClass() {
        return PointwiseDropout.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        PointwiseDropout c = (PointwiseDropout) layer.conf().getLayer();
        DropoutLayer stock = new DropoutLayer.Builder(1 - c.getP()).name(c.getLayerName()).build();
        return List.of(new ExportedLayer(stock, Map.of()));
    }
}
