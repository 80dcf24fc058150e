package org.e2dl4j.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldInputType;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.invariant.GroupPooling;
import org.e2dl4j.nn.invariant.NormPool;
import org.e2dl4j.nn.nonlinear.ELU;
import org.e2dl4j.nn.pooling.NormMaxPool;
import org.e2dl4j.nn.pooling.PointwiseAdaptiveAvgPool;
import org.e2dl4j.nn.pooling.PointwiseAvgPool;
import org.e2dl4j.nn.pooling.PointwiseMaxPool;
import org.e2dl4j.nn.pooling.PointwiseMaxPoolAntialiased;
import org.e2dl4j.samples.model.PlainConvolution;
import org.nd4j.linalg.activations.Activation;

/**
 * The benchmarked layers by name, each next to the layer it is compared with (the closest stock DL4J layer, or the
 * existing equivariant layer a new one generalizes), on the same input shape. Shapes are those of the C8 benchmark
 * model: C8 regular fields (8 channels each), float.
 */
final class LayerCatalog {

    /** Batch, channels, height and width of the normalization / nonlinearity / pooling cases (48 regular C8 fields). */
    private static final int BATCH = 64;
    private static final int FIELDS = 48;
    private static final int SIZE = 13;
    /** The convolution cases: 16 x (8 regular fields) x 33 x 33, 5 x 5 filters. */
    private static final int CONV_BATCH = 16;
    private static final int CONV_FIELDS = 8;
    private static final int CONV_SIZE = 33;
    private static final int CONV_KERNEL = 5;

    private static final Map<String, LayerCase> CASES = cases();

    private LayerCatalog() {
    }

    /** The case called {@code name}; an unknown name is refused with the list of known ones. */
    static LayerCase named(String name) {
        LayerCase c = CASES.get(name);
        if (c == null) {
            throw new IllegalArgumentException("Unknown benchmark layer '" + name + "'; expected one of "
                    + CASES.keySet());
        }
        return c;
    }

    /** Every case, in catalog order: each baseline followed by the layers compared with it. */
    static List<LayerCase> all() {
        return List.copyOf(CASES.values());
    }

    private static Map<String, LayerCase> cases() {
        GSpace c8 = GSpaces.rot2dOnR2(8);
        FieldType wide = FieldType.regular(c8, FIELDS);
        int channels = wide.size();
        FieldInputType wideInput = FieldInputType.of(wide, SIZE, SIZE);
        FieldType conv = FieldType.regular(c8, CONV_FIELDS);
        int convChannels = conv.size();
        FieldInputType convInput = FieldInputType.of(conv, CONV_SIZE, CONV_SIZE);
        long[] wideBatch = {BATCH, channels, SIZE, SIZE};
        long[] convBatch = {CONV_BATCH, convChannels, CONV_SIZE, CONV_SIZE};
        int pad = CONV_KERNEL / 2;

        Map<String, LayerCase> m = new LinkedHashMap<>();
        add(m, LayerCase.baseline("PlainConvolution",
                () -> PlainConvolution.of(convChannels, convChannels, CONV_KERNEL, pad), convInput, convBatch));
        add(m, LayerCase.comparedWith("PlainConvolution", "R2Conv",
                () -> new R2Conv.Builder(conv, conv, CONV_KERNEL).padding(pad).build(), convInput, convBatch));

        add(m, LayerCase.baseline("BatchNormalization",
                () -> new BatchNormalization.Builder().nIn(channels).nOut(channels).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("BatchNormalization", "InnerBatchNorm",
                () -> new InnerBatchNorm.Builder(wide).build(), wideInput, wideBatch));

        add(m, LayerCase.baseline("ActivationLayer.ELU",
                () -> new ActivationLayer.Builder().activation(Activation.ELU).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("ActivationLayer.ELU", "ELU", () -> new ELU.Builder(wide).build(), wideInput,
                wideBatch));

        add(m, LayerCase.baseline("SubsamplingLayer.MAX", () -> new SubsamplingLayer.Builder(PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("SubsamplingLayer.MAX", "PointwiseMaxPool",
                () -> new PointwiseMaxPool.Builder(wide, 2).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("SubsamplingLayer.MAX", "PointwiseMaxPoolAntialiased",
                () -> new PointwiseMaxPoolAntialiased.Builder(wide, 2).stride(2).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("SubsamplingLayer.MAX", "NormMaxPool",
                () -> new NormMaxPool.Builder(wide, 2).build(), wideInput, wideBatch));
        add(m, LayerCase.baseline("SubsamplingLayer.AVG", () -> new SubsamplingLayer.Builder(PoolingType.AVG)
                .kernelSize(2, 2).stride(2, 2).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("SubsamplingLayer.AVG", "PointwiseAvgPool",
                () -> new PointwiseAvgPool.Builder(wide, 2).build(), wideInput, wideBatch));

        add(m, LayerCase.baseline("GlobalPoolingLayer.MAX", () -> new GlobalPoolingLayer.Builder(PoolingType.MAX)
                .collapseDimensions(false).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("GlobalPoolingLayer.MAX", "GroupPooling",
                () -> new GroupPooling.Builder(wide).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("GlobalPoolingLayer.MAX", "NormPool", () -> new NormPool.Builder(wide).build(),
                wideInput, wideBatch));
        add(m, LayerCase.comparedWith("GlobalPoolingLayer.MAX", "PointwiseAdaptiveAvgPool",
                () -> new PointwiseAdaptiveAvgPool.Builder(wide, 1).build(), wideInput, wideBatch));
        return m;
    }

    private static void add(Map<String, LayerCase> m, LayerCase c) {
        m.put(c.name(), c);
    }
}
