package org.e2dl4j.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupGrid;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldInputType;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.FieldVectorInputType;
import org.e2dl4j.nn.FieldVolumeInputType;
import org.e2dl4j.nn.batchnorm.IIDBatchNorm1d;
import org.e2dl4j.nn.batchnorm.IIDBatchNorm2d;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.conv.PaddingMode;
import org.e2dl4j.nn.conv.R2Conv;
import org.e2dl4j.nn.conv.R2Diffop;
import org.e2dl4j.nn.conv.R3Conv;
import org.e2dl4j.nn.invariant.GroupPooling;
import org.e2dl4j.nn.invariant.NormPool;
import org.e2dl4j.nn.linear.Linear;
import org.e2dl4j.nn.nonlinear.ELU;
import org.e2dl4j.nn.nonlinear.FourierELU;
import org.e2dl4j.nn.nonlinear.GatedNonLinearityUniform;
import org.e2dl4j.nn.nonlinear.NormNonLinearity;
import org.e2dl4j.nn.nonlinear.ReLU;
import org.e2dl4j.nn.nonlinear.TensorProductModule;
import org.e2dl4j.nn.normalization.EquivariantInstanceNorm;
import org.e2dl4j.nn.normalization.EquivariantLayerNorm;
import org.e2dl4j.nn.normalization.FieldNorm;
import org.e2dl4j.nn.pooling.NormMaxPool;
import org.e2dl4j.nn.pooling.PointwiseAdaptiveAvgPool;
import org.e2dl4j.nn.pooling.PointwiseAvgPool;
import org.e2dl4j.nn.pooling.PointwiseAvgPoolAntialiased;
import org.e2dl4j.nn.pooling.PointwiseMaxPool;
import org.e2dl4j.nn.pooling.PointwiseMaxPoolAntialiased;
import org.e2dl4j.samples.model.PlainConvolution;
import org.nd4j.linalg.activations.Activation;

/**
 * The benchmarked layers by name, each next to the layer it is compared with (the closest stock DL4J layer, or the
 * existing equivariant layer a new one generalizes), on the same input shape. Shapes are those of the C8 benchmark
 * model: C8 regular fields (8 channels each), float; the volumetric convolution's are SO(3) fields of degrees 0 to 2
 * (escnn's R3Conv), beside a stock Convolution3D, which runs libnd4j's conv3dnew directly as R3Conv does.
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
    /** The volumetric convolution cases: 2 x (8 x SO(3) irreps 0, 1, 2: 72 channels) x 12^3, 5 x 5 x 5 filters. */
    private static final int VOLUME_BATCH = 2;
    private static final int VOLUME_SIZE = 12;

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
        Group c8group = c8.fibergroup();
        FieldType spectral = FieldType.of(c8, Representations.spectralRegular(c8group,
                Representations.bandLimitedIrreps(c8group, 4)), FIELDS);
        FieldInputType spectralInput = FieldInputType.of(spectral, SIZE, SIZE);
        // trivial^2 + irrep_1 + irrep_2: 6 channels, 64 fields = 384 channels
        Representation gatedField = Representations.directSum(List.of(Representations.trivial(c8group),
                Representations.trivial(c8group), Representations.irrep(c8group, 1), Representations.irrep(c8group, 2)),
                "gated");
        FieldType gated = FieldType.of(c8, gatedField, channels / gatedField.size());
        FieldInputType gatedInput = FieldInputType.of(gated, SIZE, SIZE);
        GSpace c8Fibers = GSpaces.noBaseSpace(c8group);
        FieldType fibers = FieldType.regular(c8Fibers, FIELDS);
        FieldVectorInputType fiberInput = FieldVectorInputType.of(fibers);
        long[] fiberBatch = {BATCH, channels};
        long[] wideBatch = {BATCH, channels, SIZE, SIZE};
        long[] convBatch = {CONV_BATCH, convChannels, CONV_SIZE, CONV_SIZE};
        int pad = CONV_KERNEL / 2;

        Map<String, LayerCase> m = new LinkedHashMap<>();
        add(m, LayerCase.baseline("PlainConvolution",
                () -> PlainConvolution.of(convChannels, convChannels, CONV_KERNEL, pad), convInput, convBatch));
        add(m, LayerCase.comparedWith("PlainConvolution", "R2Conv",
                () -> new R2Conv.Builder(conv, conv, CONV_KERNEL).padding(pad).build(), convInput, convBatch));

        add(m, LayerCase.comparedWith("R2Conv", "R2Conv.REFLECT", () -> new R2Conv.Builder(conv, conv, CONV_KERNEL)
                .padding(pad).paddingMode(PaddingMode.REFLECT).build(), convInput, convBatch));
        add(m, LayerCase.comparedWith("R2Conv", "R2Diffop",
                () -> new R2Diffop.Builder(conv, conv, CONV_KERNEL).padding(pad).build(), convInput, convBatch));

        GSpace so3 = GSpaces.rot3dOnR3();
        FieldType spherical = new FieldType(so3, BasisBenchmark.fields(so3));
        int sphericalChannels = spherical.size();
        FieldVolumeInputType volumeInput = FieldVolumeInputType.of(spherical, VOLUME_SIZE, VOLUME_SIZE, VOLUME_SIZE);
        long[] volumeBatch = {VOLUME_BATCH, sphericalChannels, VOLUME_SIZE, VOLUME_SIZE, VOLUME_SIZE};
        add(m, LayerCase.baseline("Convolution3D", () -> new Convolution3D.Builder(CONV_KERNEL, CONV_KERNEL, CONV_KERNEL)
                .nIn(sphericalChannels).nOut(sphericalChannels).padding(pad, pad, pad)
                .dataFormat(Convolution3D.DataFormat.NCDHW).activation(Activation.IDENTITY).build(), volumeInput,
                volumeBatch));
        add(m, LayerCase.comparedWith("Convolution3D", "R3Conv",
                () -> new R3Conv.Builder(spherical, spherical, CONV_KERNEL).padding(pad).build(), volumeInput,
                volumeBatch));

        add(m, LayerCase.baseline("BatchNormalization",
                () -> new BatchNormalization.Builder().nIn(channels).nOut(channels).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("BatchNormalization", "InnerBatchNorm",
                () -> new InnerBatchNorm.Builder(wide).build(), wideInput, wideBatch));

        add(m, LayerCase.comparedWith("InnerBatchNorm", "IIDBatchNorm2d",
                () -> new IIDBatchNorm2d.Builder(wide).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("InnerBatchNorm", "FieldNorm", () -> new FieldNorm.Builder(wide).build(),
                wideInput, wideBatch));
        add(m, LayerCase.comparedWith("InnerBatchNorm", "EquivariantInstanceNorm",
                () -> new EquivariantInstanceNorm.Builder(wide).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("InnerBatchNorm", "EquivariantLayerNorm",
                () -> new EquivariantLayerNorm.Builder(wide).build(), wideInput, wideBatch));

        add(m, LayerCase.baseline("ActivationLayer.ELU",
                () -> new ActivationLayer.Builder().activation(Activation.ELU).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("ActivationLayer.ELU", "ELU", () -> new ELU.Builder(wide).build(), wideInput,
                wideBatch));

        add(m, LayerCase.baseline("ActivationLayer.RELU",
                () -> new ActivationLayer.Builder().activation(Activation.RELU).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("ActivationLayer.RELU", "ReLU", () -> new ReLU.Builder(wide).build(), wideInput,
                wideBatch));

        add(m, LayerCase.comparedWith("ELU", "TensorProductModule",
                () -> new TensorProductModule.Builder(wide, wide).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("ELU", "FourierELU", () -> new FourierELU.Builder(spectral,
                GroupGrid.regular(8)).build(), spectralInput, wideBatch));

        add(m, LayerCase.baseline("NormNonLinearity.n_relu",
                () -> new NormNonLinearity.Builder(gated).function("n_relu").build(), gatedInput, wideBatch));
        add(m, LayerCase.comparedWith("NormNonLinearity.n_relu", "NormNonLinearity.n_softplus",
                () -> new NormNonLinearity.Builder(gated).function("n_softplus").build(), gatedInput, wideBatch));
        add(m, LayerCase.comparedWith("NormNonLinearity.n_relu", "GatedNonLinearityUniform",
                () -> new GatedNonLinearityUniform.Builder(gated).build(), gatedInput, wideBatch));

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
        add(m, LayerCase.comparedWith("SubsamplingLayer.AVG", "PointwiseAvgPoolAntialiased",
                () -> new PointwiseAvgPoolAntialiased.Builder(wide, 0.66, 2).build(), wideInput, wideBatch));

        add(m, LayerCase.baseline("GlobalPoolingLayer.MAX", () -> new GlobalPoolingLayer.Builder(PoolingType.MAX)
                .collapseDimensions(false).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("GlobalPoolingLayer.MAX", "GroupPooling",
                () -> new GroupPooling.Builder(wide).build(), wideInput, wideBatch));
        add(m, LayerCase.comparedWith("GlobalPoolingLayer.MAX", "NormPool", () -> new NormPool.Builder(wide).build(),
                wideInput, wideBatch));
        add(m, LayerCase.comparedWith("GlobalPoolingLayer.MAX", "PointwiseAdaptiveAvgPool",
                () -> new PointwiseAdaptiveAvgPool.Builder(wide, 1).build(), wideInput, wideBatch));

        add(m, LayerCase.baseline("DenseLayer", () -> new DenseLayer.Builder().nIn(channels).nOut(channels)
                .activation(Activation.IDENTITY).build(), fiberInput, fiberBatch));
        add(m, LayerCase.comparedWith("DenseLayer", "Linear", () -> new Linear.Builder(fibers, fibers).build(),
                fiberInput, fiberBatch));
        add(m, LayerCase.baseline("BatchNormalization.1d",
                () -> new BatchNormalization.Builder().nIn(channels).nOut(channels).build(), fiberInput, fiberBatch));
        add(m, LayerCase.comparedWith("BatchNormalization.1d", "IIDBatchNorm1d",
                () -> new IIDBatchNorm1d.Builder(fibers).build(), fiberInput, fiberBatch));
        return m;
    }

    private static void add(Map<String, LayerCase> m, LayerCase c) {
        m.put(c.name(), c);
    }
}
