package org.e2dl4j.nn.nonlinear;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.e2dl4j.nn.AbstractPointwiseNonLinearity;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;

/**
 * A pointwise nonlinearity exports to a stock {@code ActivationLayer} with the same activation (as e2cnn's
 * {@code export} gives {@code torch.nn.ReLU} / {@code torch.nn.ELU}). One registered subclass per
 * configuration class, since rules match classes exactly.
 */
public abstract class PointwiseExportRule implements ExportRule {

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        AbstractPointwiseNonLinearity conf = (AbstractPointwiseNonLinearity) layer.conf().getLayer();
        ActivationLayer stock = new ActivationLayer.Builder().activation(conf.function()).name(conf.getLayerName())
                .build();
        return List.of(new ExportedLayer(stock, Map.of()));
    }
}
