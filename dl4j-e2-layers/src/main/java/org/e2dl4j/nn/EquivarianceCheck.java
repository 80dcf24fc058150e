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
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Measures how far a map f between feature spaces of types {@code in} and {@code out} is from equivariant:
 * for a random input x and each testing element g, the error {@code |f(g.x) - g.f(x)|} (e2cnn's
 * {@code check_equivariance}). Works on a layer configuration, a network or any function on NCHW arrays (NCDHW
 * volumes for field types of R^3); outputs of rank 2 ([N, C], e.g. after global pooling) are treated as 1 x 1 maps.
 * Volumes are checked on grid-preserving elements only (the G-space's testing elements: the rotations of the cube
 * it contains, and their products with the inversion), where they transform by voxel permutation; the worst
 * position's row of a volume counts its slices one below the other ({@code d * H + r}). Field types without base space
 * ({@link org.e2dl4j.math.gspace.GSpaces#noBaseSpace}) are [N, C] fibers on which g acts by rho(g) alone; every
 * element is then exact, and the input is [N, C].
 *
 * <p>Grid-preserving elements (90-degree rotations, axis flips) act by pixel permutation, so an equivariant
 * map shows rounding errors only. Other elements resample the maps with e2cnn's order-2 spline (the numbers of
 * e2cnn's {@code GeometricTensor.transform}); then the input is smoothed (Gaussian blur, sigma 2 pixels) and only
 * the central disk of radius min(H', W') / 4 of the output is compared, as e2cnn does, and the error reflects
 * interpolation as much as equivariance.
 *
 * <p>Every compared entry is also held to a tolerance, numpy's {@code allclose} as e2cnn's
 * {@code check_equivariance(atol, rtol)} asserts: {@code |g.f(x) - f(g.x)| <= atol + rtol |f(g.x)|} (defaults
 * 1e-7 and 1e-5, {@link #tolerance}); the report counts the entries outside it per element and names the worst,
 * and {@link #assertEquivariant()} fails with them.
 *
 * <p>A map that ignores its input commutes with everything, so the check first looks at f(x): an output that
 * holds NaN or infinite values, is constant (all zeros, say), or is the same for every example of the batch is
 * reported {@linkplain EquivarianceReport#degenerate() degenerate}, and then fails every threshold.
 *
 * <pre>
 *   EquivarianceReport r = EquivarianceCheck.of(net, in, out).inputSize(17, 17).run();
 *   EquivarianceCheck.of(net, in, out).tolerance(1e-5, 1e-4).elements(exactOnes).assertEquivariant();
 * </pre>
 * Immutable: the configuring methods return a new check.
 */
public final class EquivarianceCheck {

    private static final double SMOOTHING_SIGMA = 2.0;

    /** e2cnn's default absolute tolerance of {@code check_equivariance}. */
    public static final double DEFAULT_ATOL = 1e-7;

    /** e2cnn's default relative tolerance of {@code check_equivariance}. */
    public static final double DEFAULT_RTOL = 1e-5;

    /** The default edge of the random input volume of a G-space of R^3 (9 x 9 x 9 voxels). */
    public static final int DEFAULT_VOLUME_SIZE = 9;

    private final UnaryOperator<INDArray> model;
    private final FieldType in;
    private final FieldType out;
    private final DataType dataType;
    private final int depth;
    private final int height;
    private final int width;
    private final int batchSize;
    private final long seed;
    private final List<GroupElement> elements;
    private final double atol;
    private final double rtol;

    private EquivarianceCheck(UnaryOperator<INDArray> model, FieldType in, FieldType out, DataType dataType,
                              int depth, int height, int width, int batchSize, long seed, List<GroupElement> elements,
                              double atol, double rtol) {
        this.model = model;
        this.in = in;
        this.out = out;
        this.dataType = dataType;
        this.depth = depth;
        this.height = height;
        this.width = width;
        this.batchSize = batchSize;
        this.seed = seed;
        this.elements = elements;
        this.atol = atol;
        this.rtol = rtol;
    }

    /**
     * A check of any map on NCHW arrays (NCDHW volumes on R^3). Defaults: float inputs of 2 x in.size() x 17 x 17
     * (2 x in.size() x 9 x 9 x 9 for volumes) from seed 0, the G-space's testing elements.
     */
    public static EquivarianceCheck of(UnaryOperator<INDArray> model, FieldType in, FieldType out) {
        if (!in.gspace().equals(out.gspace())) {
            throw new IllegalArgumentException("equivariance check needs field types on one G-space, got " + in
                    + " and " + out);
        }
        boolean volumes = in.gspace().dimensionality() == 3;
        int size = volumes ? DEFAULT_VOLUME_SIZE : 17;
        return new EquivarianceCheck(Objects.requireNonNull(model), in, out, DataType.FLOAT, volumes ? size : 1, size,
                size, 2, 0, in.testingElements(), DEFAULT_ATOL, DEFAULT_RTOL);
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

    /**
     * Spatial size of the random input (default 17 x 17; square maps are needed for 90-degree rotations).
     *
     * @throws IllegalArgumentException for a non-positive size or a field type of R^3 (use
     *                                  {@link #inputSize(int, int, int)})
     */
    public EquivarianceCheck inputSize(int h, int w) {
        if (in.gspace().dimensionality() == 3) {
            throw new IllegalArgumentException("equivariance check: " + in + " lives on R^3, its inputs are volumes:"
                    + " give inputSize(depth, height, width)");
        }
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + h + " x " + w);
        }
        return new EquivarianceCheck(model, in, out, dataType, depth, h, w, batchSize, seed, elements, atol, rtol);
    }

    /**
     * Spatial size of the random input volume of a field type of R^3 (default 9 x 9 x 9; the rotations of the cube
     * that exchange axes need equal edges).
     *
     * @throws IllegalArgumentException for a non-positive size or a field type that does not live on R^3
     */
    public EquivarianceCheck inputSize(int d, int h, int w) {
        if (in.gspace().dimensionality() != 3) {
            throw new IllegalArgumentException("equivariance check: inputSize(depth, height, width) sizes volumes of"
                    + " R^3, but " + in + " has a " + in.gspace().dimensionality() + "-dimensional base space");
        }
        if (d < 1 || h < 1 || w < 1) {
            throw new IllegalArgumentException("input size must be positive, got " + d + " x " + h + " x " + w);
        }
        return new EquivarianceCheck(model, in, out, dataType, d, h, w, batchSize, seed, elements, atol, rtol);
    }

    /** Number of random inputs in the batch (default 2). */
    public EquivarianceCheck batchSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + n);
        }
        return new EquivarianceCheck(model, in, out, dataType, depth, height, width, n, seed, elements, atol, rtol);
    }

    /** Seed of the random input (Java RNG, the same on every backend). */
    public EquivarianceCheck seed(long s) {
        return new EquivarianceCheck(model, in, out, dataType, depth, height, width, batchSize, s, elements, atol,
                rtol);
    }

    /** The data type of the random input (default float, or the network's). */
    public EquivarianceCheck dataType(DataType type) {
        return new EquivarianceCheck(model, in, out, Objects.requireNonNull(type), depth, height, width, batchSize,
                seed, elements, atol, rtol);
    }

    /**
     * The elements to test (default: the G-space's testing elements).
     *
     * @throws IllegalArgumentException for an element of another group, or on R^3 one that does not map the voxel
     *                                  grid onto itself (volumes are transformed exactly only)
     */
    public EquivarianceCheck elements(List<GroupElement> els) {
        for (GroupElement g : els) {
            in.gspace().fibergroup().checkElement(g);
            if (in.gspace().dimensionality() == 3 && !in.gspace().preservesGrid(g)) {
                throw new IllegalArgumentException("equivariance check: element " + g + " of " + in.gspace()
                        + " does not map the voxel grid onto itself; volumes are checked on grid-preserving elements"
                        + " only (the 24 rotations of the cube and their products with the inversion)");
            }
        }
        return new EquivarianceCheck(model, in, out, dataType, depth, height, width, batchSize, seed, List.copyOf(els),
                atol, rtol);
    }

    /**
     * The tolerance each compared entry is held to, numpy's {@code allclose} as in e2cnn's
     * {@code check_equivariance(atol, rtol)}: {@code |g.f(x) - f(g.x)| <= atol + rtol |f(g.x)|}. Default e2cnn's
     * 1e-7 and 1e-5.
     *
     * @throws IllegalArgumentException for a negative or NaN tolerance
     */
    public EquivarianceCheck tolerance(double absolute, double relative) {
        if (!(absolute >= 0) || !(relative >= 0)) {
            throw new IllegalArgumentException("equivariance check tolerances must be >= 0, got atol " + absolute
                    + ", rtol " + relative);
        }
        return new EquivarianceCheck(model, in, out, dataType, depth, height, width, batchSize, seed, elements,
                absolute, relative);
    }

    /**
     * Runs the check and asserts that every element is within the tolerance (e2cnn's assertion).
     *
     * @return the report, when it passes
     * @throws AssertionError naming the tolerance, each failing element and its worst position
     */
    public EquivarianceReport assertEquivariant() {
        return run().assertWithinTolerance();
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
                errors.add(error(g, exact, mappedThenTransformed, transformedThenMapped, output));
            }
            return new EquivarianceReport(errors, degeneracy, atol, rtol);
        }
    }

    private INDArray apply(INDArray x) {
        INDArray y = model.apply(x.dup());
        if (y.rank() == 2 && out.hasBaseSpace()) {
            y = out.featureMapRank() == 5 ? y.reshape(y.size(0), y.size(1), 1, 1, 1)
                    : y.reshape(y.size(0), y.size(1), 1, 1);
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

    /**
     * The error of one element: {@code a} = g.f(x), {@code b} = f(g.x), {@code ref} = f(x), all double NCHW;
     * interpolated elements compare the central disk only.
     */
    private EquivarianceReport.ElementError error(GroupElement g, boolean exact, INDArray a, INDArray b, INDArray ref) {
        if (a.rank() == 2) {
            return error(g, exact, asMap(a), asMap(b), asMap(ref));
        }
        if (a.rank() == 5) {
            return error(g, exact, slicesStacked(a), slicesStacked(b), slicesStacked(ref));
        }
        long channels = a.size(1);
        long width = a.size(3);
        long rows = a.size(0) * channels;
        long[] pixels = exact ? null : centralDisk(a.size(2), width);
        INDArray as = compared(a, rows, pixels);
        INDArray bs = compared(b, rows, pixels);
        INDArray diff = Transforms.abs(as.sub(bs));
        long compared = diff.length();
        long nan = Nd4j.getExecutioner().exec(new MatchCondition(diff, Conditions.isNan())).getLong(0);
        INDArray excess = diff.sub(Transforms.abs(bs).muli(rtol));
        long outside = nan + Nd4j.getExecutioner().exec(new MatchCondition(excess, Conditions.greaterThan(atol)))
                .getLong(0);
        BooleanIndexing.replaceWhere(excess, Double.POSITIVE_INFINITY, Conditions.isNan());
        long worst = excess.reshape(compared).argMax().getLong(0);
        long row = worst / diff.size(1);
        long pixel = pixels == null ? worst % diff.size(1) : pixels[(int) (worst % diff.size(1))];
        EquivarianceReport.Position position = new EquivarianceReport.Position(row / channels, row % channels,
                pixel / width, pixel % width, as.getDouble(row, worst % diff.size(1)),
                bs.getDouble(row, worst % diff.size(1)));
        double maxAbs = nan > 0 ? Double.NaN : diff.maxNumber().doubleValue();
        double mean = nan > 0 ? Double.NaN : diff.sumNumber().doubleValue() / compared;
        double scale = Transforms.abs(compared(ref, rows, pixels)).maxNumber().doubleValue();
        double relative = scale == 0 ? maxAbs : maxAbs / scale;
        return new EquivarianceReport.ElementError(g, exact, maxAbs, mean, relative, compared, outside, position);
    }

    /** A volume [N, C, D, H, W] as the map [N, C, D * H, W] of its slices one below the other. */
    private static INDArray slicesStacked(INDArray x) {
        return x.dup('c').reshape('c', x.size(0), x.size(1), x.size(2) * x.size(3), x.size(4));
    }

    /** A [N, C] fiber array (no base space, or a pooled output) as a [N, C, 1, 1] map. */
    private static INDArray asMap(INDArray x) {
        return x.reshape('c', x.size(0), x.size(1), 1, 1);
    }

    /** The compared entries of an NCHW map as [N * C, pixels]: every pixel, or the listed ones. */
    private static INDArray compared(INDArray x, long rows, long[] pixels) {
        INDArray flat = x.dup('c').reshape('c', rows, x.size(2) * x.size(3));
        if (pixels == null) {
            return flat;
        }
        INDArray picked = Nd4j.createUninitialized(flat.dataType(), rows, pixels.length);
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(flat, Nd4j.createFromArray(pixels)).addOutputs(picked)
                .addIntegerArguments(1).build());
        return picked;
    }

    /** The pixels {@code r * w + c} within min(h, w) / 4 of the centre, in row-major order. */
    private static long[] centralDisk(long h, long w) {
        double radius = Math.min(h, w) / 4.0;
        List<Long> inside = new ArrayList<>();
        for (long r = 0; r < h; r++) {
            for (long c = 0; c < w; c++) {
                double dy = r - (h - 1) / 2.0;
                double dx = c - (w - 1) / 2.0;
                if (dx * dx + dy * dy <= radius * radius) {
                    inside.add(r * w + c);
                }
            }
        }
        return inside.stream().mapToLong(Long::longValue).toArray();
    }

    private INDArray gaussian() {
        Random rnd = new Random(seed);
        long pixels = in.hasBaseSpace() ? (long) depth * height * width : 1;
        double[] v = new double[(int) (batchSize * in.size() * pixels)];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian();
        }
        INDArray flat = Nd4j.createFromArray(v).castTo(dataType);
        if (in.featureMapRank() == 5) {
            return flat.reshape('c', batchSize, in.size(), depth, height, width);
        }
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
