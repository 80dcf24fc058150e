package org.e2dl4j.math.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.Representation;

/**
 * The analytic steerable kernel basis of one representation pair, before any grid (e2cnn's {@code KernelBasis}
 * built by {@code gspace.build_kernel_basis}, i.e. {@code kernels_*_act_R2}): the functions
 * {@code k_b(x) = b_ring(|x|) Q_out H_b(phi - axis) Q_in^-1} with {@code k_b(g x) = rho_out(g) k_b(x) rho_in(g)^-1}
 * for every g of the G-space's group, one per Gaussian ring and angular solution (ring outer, angular inner, as
 * e2cnn). {@link #sample} evaluates them at any points of the plane, unnormalized and unfiltered as e2cnn's
 * {@code sample}; a layer's {@link SampledBasis} is these values on the pixel grid, band-limited, normalized and
 * with the elements that vanish there dropped. Immutable.
 *
 * <pre>
 *   KernelBasis basis = KernelBasis.of(GSpaces.rot2dOnR2(4), gs.irrep(1), gs.regularRepr(),
 *           new double[] {0, 1, 2}, new double[] {0.3, 0.6, 0.4}, 3);
 *   double[][][][] k = basis.sample(new double[][] {{0.5, -1.25}, {2, 0}});   // [element][out][in][point]
 * </pre>
 */
public final class KernelBasis {

    /** Points closer to the origin than this have no angle (as e2cnn): only frequency-0 harmonics are non-zero. */
    private static final double ORIGIN_RADIUS = 1e-9;

    private final AnalyticKernelBasis analytic;
    private final GaussianRadialProfile radial;

    private KernelBasis(AnalyticKernelBasis analytic, GaussianRadialProfile radial) {
        this.analytic = analytic;
        this.radial = radial;
    }

    /**
     * The basis with every aliased frequency up to {@code maximumFrequency} (finite groups; ignored by SO(2) and
     * O(2), whose harmonics are fixed by the irreps).
     *
     * @param gspace           the G-space both representations belong to (its reflection axis orients the basis)
     * @param in               the input field representation
     * @param out              the output field representation
     * @param radii            the centres of the Gaussian rings, each at least 0
     * @param sigmas           the widths of the rings, each positive, one per ring
     * @param maximumFrequency the largest |frequency| of an aliased harmonic, at least 0
     * @throws IllegalArgumentException if a representation is not of the G-space's group, the rings are invalid,
     *                                  the maximum frequency is negative, or no element solves the constraint
     */
    public static KernelBasis of(GSpace gspace, Representation in, Representation out, double[] radii,
                                 double[] sigmas, int maximumFrequency) {
        return create(gspace, in, out, radii, sigmas, maximumFrequency, OptionalInt.empty());
    }

    /**
     * As {@link #of(GSpace, Representation, Representation, double[], double[], int)}, with the aliasing offsets
     * also limited to {@code |t| <= maximumOffset} (e2cnn's {@code max_offset}).
     *
     * @throws IllegalArgumentException as the other factory, or if {@code maximumOffset} is negative
     */
    public static KernelBasis of(GSpace gspace, Representation in, Representation out, double[] radii,
                                 double[] sigmas, int maximumFrequency, int maximumOffset) {
        if (maximumOffset < 0) {
            throw new IllegalArgumentException("kernel basis: maximum offset must be >= 0, got " + maximumOffset);
        }
        return create(gspace, in, out, radii, sigmas, maximumFrequency, OptionalInt.of(maximumOffset));
    }

    private static KernelBasis create(GSpace gspace, Representation in, Representation out, double[] radii,
                                      double[] sigmas, int maximumFrequency, OptionalInt maximumOffset) {
        Objects.requireNonNull(gspace, "gspace");
        Objects.requireNonNull(in, "input representation");
        Objects.requireNonNull(out, "output representation");
        if (maximumFrequency < 0) {
            throw new IllegalArgumentException("kernel basis: maximum frequency must be >= 0, got " + maximumFrequency);
        }
        SteerableKernelSampler.checkGroup(gspace, in);
        SteerableKernelSampler.checkGroup(gspace, out);
        GaussianRadialProfile radial = new GaussianRadialProfile(radii, sigmas);
        PlanarSymmetry symmetry = SteerableKernelSampler.symmetryOf(gspace);
        int order = SteerableKernelSampler.rotationOrder(gspace, symmetry);
        AnalyticKernelBasis analytic = new AnalyticKernelBasis(symmetry, order, gspace.axis(),
                SteerableKernelSampler.decomposition(in, symmetry, order),
                SteerableKernelSampler.decomposition(out, symmetry, order), radial, maximumFrequency, maximumOffset);
        if (analytic.elements().isEmpty()) {
            throw new IllegalArgumentException("kernel basis from " + in.name() + " to " + out.name() + " on "
                    + gspace.name() + " is empty: no harmonic up to frequency " + maximumFrequency
                    + " solves the constraint");
        }
        return new KernelBasis(analytic, radial);
    }

    /** Number of elements: rings times angular solutions. */
    public int dimension() {
        return analytic.elements().size();
    }

    /** Size of the output representation (rows of every kernel value). */
    public int outSize() {
        return analytic.out().size();
    }

    /** Size of the input representation (columns of every kernel value). */
    public int inSize() {
        return analytic.in().size();
    }

    /** The Gaussian rings. */
    public GaussianRadialProfile radialProfile() {
        return radial;
    }

    /** The attributes of every element, in basis order (e2cnn's attribute dictionaries). */
    public List<BasisElement> elements() {
        return analytic.elements();
    }

    /**
     * Every element at every point: {@code value[b][o][i][p] = k_b(points[p])[o][i]} (e2cnn's
     * {@code sample(points)}, which returns {@code [o][i][b][p]} for points given as a 2 x N array).
     *
     * @param points the points, each {@code {x, y}} with x to the right and y upwards
     * @throws IllegalArgumentException if a point does not have two finite coordinates
     */
    public double[][][][] sample(double[][] points) {
        int n = points.length;
        double[] radii = new double[n];
        double[] angles = new double[n];
        boolean[] origin = new boolean[n];
        for (int p = 0; p < n; p++) {
            double[] point = points[p];
            if (point == null || point.length != 2 || !Double.isFinite(point[0]) || !Double.isFinite(point[1])) {
                throw new IllegalArgumentException("kernel basis: point " + p + " must be {x, y} with finite"
                        + " coordinates, got " + (point == null ? "null" : Arrays.toString(point)));
            }
            radii[p] = Math.hypot(point[0], point[1]);
            origin[p] = radii[p] < ORIGIN_RADIUS;
            angles[p] = origin[p] ? 0.0 : Math.atan2(point[1], point[0]);
        }
        List<BasisElement> all = analytic.elements();
        int maxFrequency = 0;
        for (BasisElement e : all) {
            maxFrequency = Math.max(maxFrequency, Math.abs(e.frequency()));
        }
        HarmonicTable table = new HarmonicTable(angles, analytic.angleOrigin(), maxFrequency);
        int outSize = outSize();
        int inSize = inSize();
        double[] block = new double[4 * n];
        double[] partial = new double[2 * inSize * n];
        double[] cell = new double[4];
        double[][] liftedAngular = new double[all.size() / radial.rings()][];
        double[][][][] values = new double[all.size()][outSize][inSize][n];
        for (BasisElement e : all) {
            int a = e.angularIndex();
            if (liftedAngular[a] == null) {
                liftedAngular[a] = KernelSampling.liftAngular(analytic, e, table, origin, block, partial, cell);
            }
            double[] angular = liftedAngular[a];
            for (int o = 0; o < outSize; o++) {
                for (int i = 0; i < inSize; i++) {
                    int row = (o * inSize + i) * n;
                    double[] target = values[e.index()][o][i];
                    for (int p = 0; p < n; p++) {
                        target[p] = angular[row + p] * radial.value(e.ringIndex(), radii[p]);
                    }
                }
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return "KernelBasis[" + dimension() + " elements, " + outSize() + " x " + inSize() + ", " + radial + "]";
    }
}
