package org.e2dl4j.nn.conv;

import java.util.List;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.e2dl4j.nn.AbstractR2Conv;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.R2ConvTransposed;

/**
 * Exports an {@link R2ConvTransposed} as a stock {@code Deconvolution2D} holding its expanded filter
 * ([inC, outC, k, k], DL4J's deconvolution layout) and bias.
 */
public final class R2ConvTransposedExportRule implements ExportRule {

    @Override
    public Class<R2ConvTransposed> configClass() {
        return R2ConvTransposed.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        R2ConvLayer conv = (R2ConvLayer) layer;
        AbstractR2Conv c = (AbstractR2Conv) layer.conf().getLayer();
        int k = c.getKernelSize();
        Deconvolution2D stock = new Deconvolution2D.Builder(k, k).nIn(c.getInType().size())
                .nOut(c.getOutType().size()).stride(c.getStride(), c.getStride())
                .padding(c.getPadding(), c.getPadding()).dilation(c.getDilation(), c.getDilation())
                .convolutionMode(c.getPaddingMode()).dataFormat(CNN2DFormat.NCHW).hasBias(conv.hasBias()).build();
        return List.of(ExportedLayer.replacing(c, stock, R2ConvExportRule.params(conv)));
    }
}
