package org.e2dl4j.math.gspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.Subgroup;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;

/**
 * A group G &lt;= O(2) acting on the plane R^2 (e2cnn's {@code GSpace}): its fibergroup, how the group
 * acts on points, and on pixel grids. A G-space of {@link GSpaces#noBaseSpace} has no plane ({@link
 * #dimensionality()} 0): its group acts on the fibers only, and the methods about points and grids refuse it. An element r_theta f^j acts on the plane as
 * {@code x -> R(theta) F^j x}, where F reflects across the line through the origin at angle
 * {@link #axis()} (pi/2 by default: the vertical axis, so F mirrors left and right) and R(theta) rotates
 * counter-clockwise. Pixel coordinates follow {@link GridConvention}. Build instances with {@link GSpaces}.
 * Immutable value.
 */
public final class GSpace {

    private static final double GRID_TOLERANCE = 1e-9;

    private final Group fibergroup;
    private final Action action;
    private final double axis;

    /**
     * @throws IllegalArgumentException if the axis is NaN or infinite; G-spaces without reflections ignore the
     *                                  axis and store the default, so that they equal the factories' ones
     */
    GSpace(Group fibergroup, Action action, double axis) {
        this.fibergroup = Objects.requireNonNull(fibergroup);
        this.action = Objects.requireNonNull(action);
        if (!Double.isFinite(axis)) {
            throw new IllegalArgumentException("the reflection axis of " + baseName()
                    + " must be a finite angle in radians, got " + axis);
        }
        this.axis = reflects() ? axis : GSpaces.DEFAULT_AXIS;
    }

    private boolean reflects() {
        return action == Action.FLIPS || action == Action.FLIPS_AND_ROTATIONS;
    }

    /** The group G acting on the plane. */
    public Group fibergroup() {
        return fibergroup;
    }

    /** How G acts on the plane. */
    public Action action() {
        return action;
    }

    /**
     * The dimension of the base space: 2 for the G-spaces of the plane, 0 for {@link GSpaces#noBaseSpace} (escnn's
     * {@code dimensionality}).
     */
    public int dimensionality() {
        return action == Action.NONE ? 0 : 2;
    }

    /** The reflection axis (an angle in radians; the default pi/2 for G-spaces without reflections). */
    public double axis() {
        return axis;
    }

    /**
     * A readable name: {@code Rot2dOnR2(8)}, {@code FlipRot2dOnR2(4)}, {@code Flip2dOnR2}, {@code TrivialOnR2},
     * {@code NoBaseSpace(D4)};
     * a reflection axis other than the default pi/2 is added, {@code FlipRot2dOnR2(4, axis=0.0)},
     * {@code Flip2dOnR2(axis=0.7853981633974483)}, and so is a maximum frequency of SO(2) or O(2) other than the
     * default 6, {@code Rot2dOnR2(-1, maximumFrequency=10)}: unequal G-spaces never print the same.
     */
    public String name() {
        List<String> details = new ArrayList<>();
        if (!fibergroup.isFinite() && fibergroup.maximumFrequency() != GSpaces.DEFAULT_MAXIMUM_FREQUENCY) {
            details.add("maximumFrequency=" + fibergroup.maximumFrequency());
        }
        if (reflects() && Double.compare(axis, GSpaces.DEFAULT_AXIS) != 0) {
            details.add("axis=" + axis);
        }
        String base = baseName();
        if (details.isEmpty()) {
            return base;
        }
        String extra = String.join(", ", details);
        return base.endsWith(")")
                ? base.substring(0, base.length() - 1) + ", " + extra + ")"
                : base + "(" + extra + ")";
    }

    private String baseName() {
        switch (action) {
            case ROTATIONS:
                return "Rot2dOnR2(" + fibergroup.rotationOrder() + ")";
            case FLIPS_AND_ROTATIONS:
                return "FlipRot2dOnR2(" + fibergroup.rotationOrder() + ")";
            case FLIPS:
                return "Flip2dOnR2";
            case NONE:
                return "NoBaseSpace(" + fibergroup.name() + ")";
            default:
                return "TrivialOnR2";
        }
    }

    /** The trivial representation of the fibergroup (a scalar field). */
    public IrreducibleRepresentation trivialRepr() {
        return Representations.trivial(fibergroup);
    }

    /** The regular representation of the (finite) fibergroup. */
    public Representation regularRepr() {
        return Representations.regular(fibergroup);
    }

    /** The irrep with e2cnn's id: {@code irrep(1)} for C_N / SO(2), {@code irrep(1, 2)} for D_N / O(2). */
    public IrreducibleRepresentation irrep(int... id) {
        return Representations.irrep(fibergroup, id);
    }

    /**
     * The quotient representation of the (finite) fibergroup by the subgroup with e2cnn's id, e.g.
     * {@code quotientRepr(SubgroupId.rotations(2))} on C_8 ({@code quotient[2]}); see
     * {@link Representations#quotient}.
     */
    public Representation quotientRepr(SubgroupId id) {
        return Representations.quotient(fibergroup, id);
    }

    /**
     * The representation of the (finite) fibergroup induced from the irrep {@code psi} of the subgroup with
     * e2cnn's id; see {@link Representations#induced}.
     */
    public Representation inducedRepr(SubgroupId id, IrreducibleRepresentation psi) {
        return Representations.induced(fibergroup, id, psi);
    }

    /** All irreps of the fibergroup, in e2cnn's order. */
    public List<IrreducibleRepresentation> irreps() {
        return Representations.irreps(fibergroup);
    }

    /** Elements to test equivariance on: the fibergroup's testing elements. */
    public List<GroupElement> testingElements() {
        return fibergroup.testingElements();
    }

    /**
     * The restriction to the subgroup with e2cnn's id: C_N and SO(2) take {@code SubgroupId.rotations(M)},
     * D_N {@code SubgroupId.dihedral(k, M)}, O(2) {@code SubgroupId.orthogonal(theta, M)}. A reflection r^k f
     * of D_N (r_theta f of O(2)) keeps acting as it did: the restricted G-space's axis is
     * {@code axis + k pi / N} ({@code axis + theta / 2}).
     */
    public RestrictedGSpace restrict(SubgroupId id) {
        Subgroup sub = fibergroup.subgroup(id);
        Group h = sub.group();
        GSpace restricted;
        if (action == Action.NONE) {
            restricted = new GSpace(h, Action.NONE, axis);
        } else if (h.order() == 1) {
            restricted = new GSpace(h, Action.TRIVIAL, axis);
        } else if (!id.hasReflections()) {
            // C_2 of the flip G-space is its whole group of flips, which keeps acting as flips
            restricted = new GSpace(h, action == Action.FLIPS ? Action.FLIPS : Action.ROTATIONS, axis);
        } else {
            double shift = fibergroup.kind() == GroupKind.DIHEDRAL
                    ? id.axis() * Math.PI / fibergroup.rotationOrder()
                    : id.axis() / 2;
            Action a = id.order() == 1 ? Action.FLIPS : Action.FLIPS_AND_ROTATIONS;
            restricted = new GSpace(h, a, axis + shift);
        }
        return new RestrictedGSpace(this, restricted, sub);
    }

    /** Convenience for {@code restrict(SubgroupId.rotations(m))} on C_N and SO(2) G-spaces. */
    public RestrictedGSpace restrict(int m) {
        return restrict(SubgroupId.rotations(m));
    }

    /**
     * The 2 x 2 matrix of g acting on R^2 (x right, y up).
     *
     * @throws IllegalStateException on a G-space without base space (there is no plane to act on)
     */
    public double[][] planeMatrix(GroupElement g) {
        fibergroup.checkElement(g);
        if (action == Action.NONE) {
            throw new IllegalStateException(name() + " has no base space: its elements act on the fibers only, not on"
                    + " points or pixel grids");
        }
        double theta;
        boolean reflect;
        if (action == Action.FLIPS) {
            theta = 0;
            reflect = g.rotationIndex() == 1;
        } else {
            theta = g.angle();
            reflect = g.flip() == 1;
        }
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        if (!reflect) {
            return new double[][] {{c, -s}, {s, c}};
        }
        double c2 = Math.cos(2 * axis);
        double s2 = Math.sin(2 * axis);
        // R(theta) * F with F = [[cos 2a, sin 2a], [sin 2a, -cos 2a]]
        return new double[][] {
            {c * c2 - s * s2, c * s2 + s * c2},
            {s * c2 + c * s2, s * s2 - c * c2}};
    }

    /** Whether g maps every square pixel grid centred at the origin onto itself (90-degree steps, axis flips). */
    public boolean preservesGrid(GroupElement g) {
        double[][] m = planeMatrix(g);
        for (double[] row : m) {
            for (double v : row) {
                if (Math.abs(v - Math.rint(v)) > GRID_TOLERANCE) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The exact action of a grid-preserving element on an H x W pixel grid: entry {@code r * W + c} is the
     * index of the source pixel whose value lands at (r, c), i.e. {@code (g.f)(x) = f(g^-1 x)}. For example
     * C_4's element 1 moves the top-centre pixel of a 3 x 3 grid to the left-centre.
     *
     * @throws IllegalArgumentException if g does not preserve the grid, or maps an H x W grid (H != W) elsewhere
     */
    public int[] gridPermutation(GroupElement g, int height, int width) {
        if (!preservesGrid(g)) {
            throw new IllegalArgumentException("element " + g + " of " + name()
                    + " does not map the pixel grid onto itself; use sourceCoordinates and interpolate");
        }
        double[][] src = sourceCoordinates(g, height, width);
        int[] perm = new int[height * width];
        for (int p = 0; p < perm.length; p++) {
            long r = Math.round(src[p][0]);
            long c = Math.round(src[p][1]);
            if (r < 0 || r >= height || c < 0 || c >= width) {
                throw new IllegalArgumentException("element " + g + " of " + name() + " does not map a "
                        + height + " x " + width + " grid onto itself (only square grids are rotated by 90 degrees)");
            }
            perm[p] = (int) (r * width + c);
        }
        return perm;
    }

    /**
     * For every output pixel {@code r * W + c} of an H x W grid, the fractional (row, column) of the point
     * g^-1 x it takes its value from; the base of interpolated transforms by arbitrary elements.
     */
    public double[][] sourceCoordinates(GroupElement g, int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("grid must be at least 1 x 1, got " + height + " x " + width);
        }
        double[][] inv = planeMatrix(fibergroup.inverse(g));
        double[][] out = new double[height * width][2];
        for (int r = 0; r < height; r++) {
            double y = GridConvention.y(r, height);
            for (int c = 0; c < width; c++) {
                double x = GridConvention.x(c, width);
                double sx = inv[0][0] * x + inv[0][1] * y;
                double sy = inv[1][0] * x + inv[1][1] * y;
                out[r * width + c][0] = GridConvention.row(sy, height);
                out[r * width + c][1] = GridConvention.column(sx, width);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GSpace)) {
            return false;
        }
        GSpace s = (GSpace) o;
        return action == s.action && fibergroup.equals(s.fibergroup) && Double.compare(axis, s.axis) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fibergroup, action, axis);
    }

    @Override
    public String toString() {
        return name();
    }
}
