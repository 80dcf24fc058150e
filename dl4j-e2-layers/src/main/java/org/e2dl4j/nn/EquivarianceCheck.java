package org.e2dl4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Measures how far a map f between feature spaces of types {@code in} and {@code out} is from equivariant:
 * for a random input x and each testing element g, the error {@code |f(g.x) - g.f(x)|} (e2cnn's
 * {@code check_equivariance}). Works on a layer configuration, a network or any function on NCHW arrays;
 * outputs of rank 2 ([N, C], e.g. after global pooling) are treated as 1 x 1 maps. Field types without base space
 * ({@link org.e2dl4j.math.gspace.GSpaces#noBaseSpace}) are [N, C] fibers on which g acts by rho(g) alone; every
 * element is then exact, and the input is [N, C].
 *
 * <p>Grid-preserving elements (90-degree rotations, axis flips) act by pixel permutation, so an equivariant
 * map shows rounding errors only. Other elements resample the maps bilinearly; then the input is smoothed
 * (Gaussian blur, sigma 2 pixels) and only the central disk of radius min(H', W') / 4 of the output is
 * compared, as e2cnn does, and the error reflects interpolation as much as equivariance.
 *
 * <p>A map that ignores its input commutes with everything, so the check first looks at f(x): an output that
 * holds NaN or infinite values, is constant (all zeros, say), or is the same for every example of the batch is
 * reported {@linkplain EquivarianceReport#degenerate() degenerate}, and then fails every threshold.
 *
 * <pre>
 *   EquivarianceReport r = EquivarianceCheck.of(net, in, out).inputSize(17, 17).run();
 * </pre>
 * Immutable: the configuring methods return a new check.
 */
public final class EquivarianceCheck {

    private static final double SMOOTHING_SIGMA = 2.0;

    private final UnaryOperator<INDArray> model;
    private final FieldType in;
    private final FieldType out;
    private final DataType dataType;
    private final int height;
    private final int width;
    private final int batchSize;
    private final long seed;
    private final List<GroupElement> elements;

    private EquivarianceCheck(UnaryOperator<INDArray> model, FieldType in, FieldType out, DataType dataType,
                              int height, int width, int batchSize, long seed, List<GroupElement> elements) {
        this.model = model;
        this.in = in;
        this.out = out;
        this.dataType = dataType;
        this.height = height;
        this.width = width;
        this.batchSize = batchSize;
        this.seed = seed;
        this.elements = elements;
    }

    /**
     * A check of any map on NCHW arrays. Defaults: float inputs of 2 x in.size() x 17 x 17 from seed 0, the
     * G-space's testing elements.
     */
    public static EquivarianceCheck of(UnaryOperator<INDArray> model, FieldType in, FieldType out) {
        if (!in.gspace().equals(out.gspace())) {
            throw new IllegalArgumentException("equivariance check needs field types on one G-space, got " + in
                    + " and " + out);
        }
        return new EquivarianceCheck(Objects.requireNonNull(model), in, out, DataType.FLOAT, 17, 17, 2, 0,
                in.testingElements());
    }

    /** A check of a network's inference output, in the network's data type. */
    public static EquivarianceCheck of(MultiLayerNetwork net, FieldType in, FieldType out) {
        return of(x -> net.output(x, false), in, out).dataType(net.getLayerWiseConfigurations().getDataType());
    }

    /** A check of a graph with one input and one output, in the graph's data type. */
    public static EquivarianceCheck of(ComputationGraph graph, FieldType in, FieldType out) {
        if (graph.getNumInputArrays() != 1 || graph.getNumOutputArrays() != 1) {
            throw new IllegalArgumentException("equivariance check of a ComputationGraph needs one input and one"
                    + " output, got " + graph.getNumInputArrays() + " and " + graph.getNumOutputArrays());
        }
        return of(x -> graph.outputSingle(false, x), in, out).dataType(graph.getConfiguration().getDataType());
    }

    /**
     * A check of one layer configuration, run as a one-layer network in the given data type (parameters
     * initialised from seed 0).
     */
    public static EquivarianceCheck of(Layer layer, FieldType in, FieldType out, DataType dataType) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(0).dataType(dataType)
                .list().layer(layer.clone()).validateOutputLayerConfig(false).build());
        net.init();
        return of(net, in, out);
    }

    /** Spatial size of the random input (default 17 x 17; square maps are needed for 90-degree rotations). */
    public EquivarianceCheck inputSize(int h, int w) {
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + h + " x " + w);
        }
        return new EquivarianceCheck(model, in, out, dataType, h, w, batchSize, seed, elements);
    }

    /** Number of random inputs in the batch (default 2). */
    public EquivarianceCheck batchSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + n);
        }
        return new EquivarianceCheck(model, in, out, dataType, height, width, n, seed, elements);
    }

    /** Seed of the random input (Java RNG, the same on every backend). */
    public EquivarianceCheck seed(long s) {
        return new EquivarianceCheck(model, in, out, dataType, height, width, batchSize, s, elements);
    }

    /** The data type of the random input (default float, or the network's). */
    public EquivarianceCheck dataType(DataType type) {
        return new EquivarianceCheck(model, in, out, Objects.requireNonNull(type), height, width, batchSize, seed,
                elements);
    }

    /** The elements to test (default: the G-space's testing elements). */
    public EquivarianceCheck elements(List<GroupElement> els) {
        for (GroupElement g : els) {
            in.gspace().fibergroup().checkElement(g);
        }
        return new EquivarianceCheck(model, in, out, dataType, height, width, batchSize, seed, List.copyOf(els));
    }

    /** Runs the check. */
    @SuppressWarnings("try")
    public EquivarianceReport run() {
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            INDArray x = gaussian();
            INDArray xSmooth = null;
            INDArray y = null;
            INDArray ySmooth = null;
            List<EquivarianceReport.ElementError> errors = new ArrayList<>();
            String degeneracy = null;
            for (GroupElement g : elements) {
                boolean exact = !in.hasBaseSpace() || in.gspace().preservesGrid(g);
                INDArray input;
                INDArray output;
                if (exact) {
                    input = x;
                    y = y == null ? apply(x) : y;
                    output = y;
                } else {
                    xSmooth = xSmooth == null ? smooth(x) : xSmooth;
                    input = xSmooth;
                    ySmooth = ySmooth == null ? apply(xSmooth) : ySmooth;
                    output = ySmooth;
                }
                degeneracy = degeneracy != null ? degeneracy : degeneracy(output);
                INDArray transformedThenMapped = apply(in.transform(input, g));
                INDArray mappedThenTransformed = out.transform(output, g);
                errors.add(error(g, exact, transformedThenMapped, mappedThenTransformed, output));
            }
            return new EquivarianceReport(errors, degeneracy);
        }
    }

    private INDArray apply(INDArray x) {
        INDArray y = model.apply(x.dup());
        if (y.rank() == 2 && out.hasBaseSpace()) {
            y = y.reshape(y.size(0), y.size(1), 1, 1);
        }
        out.checkFeatureMap(y, "equivariance check (model output)");
        return y.castTo(DataType.DOUBLE);
    }

    /** Why the output f(x) (double, NCHW) cannot show equivariance, or null when it can. */
    private static String degeneracy(INDArray y) {
        long nonFinite = Nd4j.getExecutioner().exec(new MatchCondition(y, Conditions.isNan())).getLong(0)
                + Nd4j.getExecutioner().exec(new MatchCondition(y, Conditions.isInfinite())).getLong(0);
        if (nonFinite > 0) {
            return "the output holds NaN or infinite values (" + nonFinite + " of " + y.length() + " entries)";
        }
        double max = y.maxNumber().doubleValue();
        double min = y.minNumber().doubleValue();
        if (max == min) {
            return max == 0 ? "the output is all zeros" : "the output is constant (every entry " + max + ")";
        }
        if (y.size(0) > 1) {
            INDArray first = y.get(NDArrayIndex.point(0));
            boolean allSame = true;
            for (long n = 1; n < y.size(0) && allSame; n++) {
                allSame = first.sub(y.get(NDArrayIndex.point(n))).amaxNumber().doubleValue() == 0;
            }
            if (allSame) {
                return "the output is the same for all " + y.size(0) + " random inputs of the batch: it does not"
                        + " depend on the input";
            }
        }
        return null;
    }

    private EquivarianceReport.ElementError error(GroupElement g, boolean exact, INDArray a, INDArray b, INDArray ref) {
        long rows = a.size(0) * a.size(1);
        long pixels = a.rank() == 4 ? a.size(2) * a.size(3) : 1;
        INDArray diff = Transforms.abs(a.sub(b)).reshape('c', rows, pixels);
        INDArray scale = Transforms.abs(ref).reshape('c', rows, pixels);
        double compared = (double) rows * pixels;
        if (!exact) {
            INDArray mask = centralDisk(a.size(2), a.size(3));
            diff.muliRowVector(mask);
            scale.muliRowVector(mask);
            compared = rows * mask.sumNumber().doubleValue();
        }
        double maxAbs = diff.maxNumber().doubleValue();
        double mean = compared == 0 ? 0 : diff.sumNumber().doubleValue() / compared;
        return new EquivarianceReport.ElementError(g, exact, maxAbs, mean, relative(maxAbs, scale));
    }

    private static double relative(double maxAbs, INDArray scale) {
        double s = scale.maxNumber().doubleValue();
        return s == 0 ? maxAbs : maxAbs / s;
    }

    /** 1 on the pixels within min(h, w) / 4 of the centre, 0 elsewhere, as a row [h * w]. */
    private static INDArray centralDisk(long h, long w) {
        double radius = Math.min(h, w) / 4.0;
        double[] m = new double[(int) (h * w)];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                double dy = r - (h - 1) / 2.0;
                double dx = c - (w - 1) / 2.0;
                m[(int) (r * w + c)] = dx * dx + dy * dy <= radius * radius ? 1 : 0;
            }
        }
        return Nd4j.createFromArray(m);
    }

    private INDArray gaussian() {
        Random rnd = new Random(seed);
        long pixels = in.hasBaseSpace() ? (long) height * width : 1;
        double[] v = new double[(int) (batchSize * in.size() * pixels)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        INDArray flat = Nd4j.createFromArray(v).castTo(dataType);
        return in.hasBaseSpace() ? flat.reshape('c', batchSize, in.size(), height, width)
                : flat.reshape('c', batchSize, in.size());
    }

    /** Gaussian blur of every channel (sigma 2 pixels, zero padding), rescaled to unit standard deviation. */
    private INDArray smooth(INDArray x) {
        int radius = (int) Math.ceil(3 * SMOOTHING_SIGMA);
        int k = 2 * radius + 1;
        double[] kernel = new double[k * k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                int dy = r - radius;
                int dx = c - radius;
                kernel[r * k + c] = Math.exp(-(dx * dx + dy * dy) / (2 * SMOOTHING_SIGMA * SMOOTHING_SIGMA));
            }
        }
        INDArray w = Nd4j.createFromArray(kernel).castTo(x.dataType()).reshape(1, 1, k, k);
        INDArray planes = x.reshape('c', x.size(0) * x.size(1), 1, x.size(2), x.size(3));
        INDArray blurred = Nd4j.createUninitialized(x.dataType(), planes.shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(planes, w).addOutputs(blurred)
                .addIntegerArguments(k, k, 1, 1, radius, radius, 1, 1, 0, 0, 1).build());
        blurred.divi(blurred.stdNumber());
        return blurred.reshape('c', x.shape());
    }
}
