package org.e2dl4j.nn.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.R2Upsampling;

/**
 * Exports an {@link R2Upsampling} with an integer scale factor s to stock layers.
 *
 * <ul>
 *   <li>nearest: {@code Upsampling2D(s)} (the same repetition of pixels);</li>
 *   <li>bilinear without aligned corners: {@code Upsampling2D(s)}, then an s x s average pooling with stride 1,
 *       and for even s a 2 x 2 one; padding (s - 1) / 2 (odd s) or s / 2 (even s) is left out of the divisor.
 *       Per axis, repeating each sample s times and averaging over windows of s (and 2) samples convolves the
 *       input with the box kernels {@code b_s * b_s / s} (odd s) or {@code b_s * b_s * b_2 / 2s} (even s), which
 *       are the triangle weights {@code 1 - |d| / s} of linear interpolation at the offsets d of PyTorch's
 *       half-pixel grid. At the borders every averaging window that reaches into the padding sees only copies of
 *       the edge sample, so leaving the padding out of the divisor is the same as repeating the edge sample, which
 *       is what PyTorch's clamping of the source coordinate does. Averages over a rectangle of a grid are
 *       averages of the row averages, so the 2-D pooling is the product of the 1-D ones, as bilinear interpolation
 *       is;</li>
 *   <li>scale factor 1: nothing (the layer vanishes).</li>
 * </ul>
 * A fixed output size or {@code alignCorners = true} is not translation invariant on the grid and has no stock
 * equivalent: the export fails with a message naming the layer.
 */
public final class R2UpsamplingExportRule implements ExportRule {

    @Override
    public Class<R2Upsampling> configClass() {
        return R2Upsampling.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        R2Upsampling c = (R2Upsampling) layer.conf().getLayer();
        int s = c.getScaleFactor();
        if (s == 0) {
            throw new IllegalArgumentException("cannot export " + c.describe() + ": upsampling to a fixed size ("
                    + c.getOutHeight() + " x " + c.getOutWidth() + ") scales by the input size, which no stock DL4J layer"
                    + " does; use a scale factor");
        }
        if (c.isAlignCorners()) {
            throw new IllegalArgumentException("cannot export " + c.describe() + ": bilinear upsampling with"
                    + " alignCorners = true has no stock DL4J equivalent; use alignCorners = false");
        }
        if (s == 1) {
            return List.of();
        }
        List<ExportedLayer> parts = new ArrayList<>();
        parts.add(part(new Upsampling2D.Builder(s).dataFormat(CNN2DFormat.NCHW).build(), c));
        if (c.getMode() == R2Upsampling.Mode.BILINEAR) {
            parts.add(part(average(s, s % 2 == 1 ? (s - 1) / 2 : s / 2), c));
            if (s % 2 == 0) {
                parts.add(part(average(2, 0), c));
            }
        }
        return parts;
    }

    /** Average pooling, k x k, stride 1, the given padding left out of the divisor. */
    private static SubsamplingLayer average(int k, int padding) {
        return new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(k, k).stride(1, 1).padding(padding, padding)
                .avgPoolIncludePadInDivisor(false).convolutionMode(ConvolutionMode.Truncate)
                .dataFormat(CNN2DFormat.NCHW).build();
    }

    private static ExportedLayer part(org.deeplearning4j.nn.conf.layers.Layer stock, R2Upsampling c) {
        stock.setLayerName(c.getLayerName());
        return new ExportedLayer(stock, Map.of());
    }
}
