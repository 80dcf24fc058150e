package org.e2dl4j.nn.nonlinear;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.math.repr.FourierTransform;
import org.e2dl4j.nn.ExportedLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * The Fourier matrices of a {@link FourierTransform} as 1x1 convolution filters: a map of fields of size F viewed as
 * [N * fields, F, H, W] (the same buffer as [N, fields * F, H, W]) goes to the samples [N * fields, |grid|, H, W] by
 * one libnd4j {@code conv2d} with A, and back by one with A+; the backward passes use the transposes. Filters are
 * converted once per data type and kept outside workspaces. The stock export is the same three steps on the
 * unsplit map, with block-diagonal filters (1x1x1 {@code Convolution3D}s on NCDHW volumes).
 */
final class FourierMatrices {

    /** conv2d integer arguments: 1x1 kernel, stride 1, no padding, dilation 1, Truncate, NCHW, [out, in, kH, kW]. */
    private static final int[] ONE_BY_ONE = {1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1};

    /** Which filter: A, A+, or their transposes. */
    enum Filter { SAMPLING, PROJECTION, SAMPLING_TRANSPOSED, PROJECTION_TRANSPOSED }

    private final double[][] sampling;
    private final double[][] projection;
    private final Map<Filter, Map<DataType, INDArray>> filters = new EnumMap<>(Filter.class);

    FourierMatrices(FourierTransform transform) {
        this.sampling = transform.sampling();
        this.projection = transform.projection();
    }

    /** |grid|. */
    int samples() {
        return sampling.length;
    }

    /** The size of an input field. */
    int inSize() {
        return sampling[0].length;
    }

    /** The size of an output field. */
    int outSize() {
        return projection.length;
    }

    /** Writes the filter applied to every pixel of {@code x} into {@code out}. */
    void apply(Filter filter, INDArray x, INDArray out) {
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, filter(filter, x.dataType())).addOutputs(out)
                .addIntegerArguments(ONE_BY_ONE).build());
    }

    private synchronized INDArray filter(Filter filter, DataType dataType) {
        return filters.computeIfAbsent(filter, f -> new EnumMap<>(DataType.class)).computeIfAbsent(dataType, t -> {
            double[][] m = matrix(filter);
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                return Nd4j.createFromArray(m).castTo(t).reshape('c', m.length, m[0].length, 1, 1).dup('c');
            }
        });
    }

    private double[][] matrix(Filter filter) {
        switch (filter) {
            case SAMPLING:
                return sampling;
            case PROJECTION:
                return projection;
            case SAMPLING_TRANSPOSED:
                return transpose(sampling);
            default:
                return transpose(projection);
        }
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    /**
     * The stock layers: a frozen bias-free 1x1 {@code ConvolutionLayer} (1x1x1 {@code Convolution3D} for volumes)
     * with A on every field (block-diagonal filter), an {@code ActivationLayer} with s, a frozen 1x1 (1x1x1)
     * convolution with A+ on every field.
     */
    List<ExportedLayer> export(String layerName, IActivation function, int fields, boolean volumes) {
        ExportedLayer toSamples = frozenConvolution(blockDiagonal(sampling, fields), layerName, volumes);
        ExportedLayer activation = new ExportedLayer(new ActivationLayer.Builder().activation(function)
                .name(layerName).build(), Map.of());
        ExportedLayer toCoefficients = frozenConvolution(blockDiagonal(projection, fields), layerName, volumes);
        return List.of(toSamples, activation, toCoefficients);
    }

    private static double[][] blockDiagonal(double[][] m, int fields) {
        int rows = m.length;
        int cols = m[0].length;
        double[][] out = new double[rows * fields][cols * fields];
        for (int f = 0; f < fields; f++) {
            for (int i = 0; i < rows; i++) {
                System.arraycopy(m[i], 0, out[f * rows + i], f * cols, cols);
            }
        }
        return out;
    }

    private static ExportedLayer frozenConvolution(double[][] w, String layerName, boolean volumes) {
        INDArray filter;
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            filter = volumes ? Nd4j.createFromArray(w).reshape('c', w.length, w[0].length, 1, 1, 1)
                    : Nd4j.createFromArray(w).reshape('c', w.length, w[0].length, 1, 1);
        }
        if (volumes) {
            // Same (= Truncate for 1x1x1): DL4J 1.0.0-M2.1 labels the output type of other modes NDHWC
            Convolution3D conv = new Convolution3D.Builder(1, 1, 1).nIn(w[0].length).nOut(w.length).hasBias(false)
                    .activation(Activation.IDENTITY).convolutionMode(ConvolutionMode.Same)
                    .dataFormat(Convolution3D.DataFormat.NCDHW).weightInit(WeightInit.ZERO).updater(new NoOp())
                    .name(layerName).build();
            return ExportedLayer.fixed(conv, Map.of("W", filter));
        }
        ConvolutionLayer conv = new ConvolutionLayer.Builder(1, 1).nIn(w[0].length).nOut(w.length).hasBias(false)
                .activation(Activation.IDENTITY).convolutionMode(ConvolutionMode.Truncate)
                .dataFormat(CNN2DFormat.NCHW).weightInit(WeightInit.ZERO).updater(new NoOp()).name(layerName).build();
        return ExportedLayer.fixed(conv, Map.of("W", filter));
    }
}
