package org.e2dl4j.nn.conv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.e2dl4j.nn.AbstractR2Conv;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.R2Conv;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Exports an {@link R2Conv} as a stock {@code ConvolutionLayer} holding its expanded filter and bias. */
public final class R2ConvExportRule implements ExportRule {

    @Override
    public Class<R2Conv> configClass() {
        return R2Conv.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        R2ConvLayer conv = (R2ConvLayer) layer;
        AbstractR2Conv c = (AbstractR2Conv) layer.conf().getLayer();
        int k = c.getKernelSize();
        ConvolutionLayer stock = new ConvolutionLayer.Builder(k, k).nIn(c.getInType().size())
                .nOut(c.getOutType().size()).stride(c.getStride(), c.getStride())
                .padding(c.getPadding(), c.getPadding()).dilation(c.getDilation(), c.getDilation())
                .convolutionMode(c.getPaddingMode()).dataFormat(CNN2DFormat.NCHW).hasBias(conv.hasBias()).build();
        return List.of(ExportedLayer.replacing(c, stock, params(conv)));
    }

    /** "W" the expanded filter and, with a bias, "b" the expanded bias. */
    static Map<String, INDArray> params(R2ConvLayer conv) {
        Map<String, INDArray> params = new HashMap<>();
        params.put("W", conv.expandedFilter());
        if (conv.hasBias()) {
            params.put("b", conv.expandedBias());
        }
        return params;
    }
}
