package org.e2dl4j.math.gspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.Subgroup;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;

/**
 * A group G &lt;= O(2) acting on the plane R^2 (e2cnn's {@code GSpace}), or G &lt;= O(3) acting on R^3 (escnn's
 * {@code GSpace3D}): its fibergroup, how the group acts on points ({@link #baseMatrix}), and on pixel or voxel
 * grids. A G-space of {@link GSpaces#noBaseSpace} has no base space ({@link #dimensionality()} 0): its group acts
 * on the fibers only, and the methods about points and grids refuse it. On the plane an element r_theta f^j acts
 * as {@code x -> R(theta) F^j x}, where F reflects across the line through the origin at angle
 * {@link #axis()} (pi/2 by default: the vertical axis, so F mirrors left and right) and R(theta) rotates
 * counter-clockwise; a G-space of R^3 acts by the O(3) matrix of each element's inclusion into O(3). Pixel and voxel
 * coordinates follow {@link GridConvention}. Build instances with {@link GSpaces}. Immutable value.
 */
public final class GSpace {

    private static final double GRID_TOLERANCE = 1e-9;

    private final Group fibergroup;
    private final Action action;
    private final double axis;
    /** On R^3: the fibergroup as a subgroup of O(3) (null for O(3) itself and for the plane); derived, not compared. */
    private final Subgroup inO3;

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
        this.inO3 = dimensionality() == 3 && fibergroup.kind() != GroupKind.O3 ? inclusionInO3() : null;
    }

    /** The fibergroup's inclusion into O(3), escnn's {@code o3.subgroup(sg_id)}. */
    private Subgroup inclusionInO3() {
        int n = fibergroup.isFinite() ? fibergroup.order() : -1;
        int frequency = fibergroup.isFinite() ? GSpaces.DEFAULT_MAXIMUM_FREQUENCY_3D : fibergroup.maximumFrequency();
        int rotations = fibergroup.isFinite() ? fibergroup.rotationOrder() : -1;
        SubgroupId id = switch (action) {
            case ROTATIONS_3D -> fibergroup.kind() == GroupKind.SO3 ? SubgroupId.so3()
                    : fibergroup.kind() == GroupKind.OCTAHEDRAL ? SubgroupId.octa() : SubgroupId.ico();
            case ROTATIONS_AND_INVERSION_3D -> fibergroup.kind() == GroupKind.FULL_OCTAHEDRAL ? SubgroupId.fullOcta()
                    : SubgroupId.fullIco();
            case ROTATIONS_ABOUT_Z -> SubgroupId.planarRotations(n);
            case DIHEDRAL_ABOUT_Z -> SubgroupId.planarDihedral(axis, fibergroup.kind() == GroupKind.CYCLIC ? 1
                    : rotations);
            case CONICAL -> SubgroupId.cone(axis, rotations);
            case MIRROR -> SubgroupId.cone(axis, 1);
            case INVERSION -> SubgroupId.inversion();
            default -> SubgroupId.planarRotations(1);
        };
        Subgroup s = Groups.o3(frequency).subgroup(id);
        if (!s.group().equals(fibergroup)) {
            throw new IllegalStateException("the subgroup " + id + " of O(3) is " + s.group().name() + ", not the "
                    + fibergroup.name() + " of " + baseName());
        }
        return s;
    }

    /** The element of O(3) that g (of this G-space of R^3) is. */
    private GroupElement inO3(GroupElement g) {
        return inO3 == null ? g : inO3.toParent(g);
    }

    private boolean reflects() {
        switch (action) {
            case FLIPS:
            case FLIPS_AND_ROTATIONS:
            case DIHEDRAL_ABOUT_Z:
            case CONICAL:
            case MIRROR:
                return true;
            default:
                return false;
        }
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
     * The dimension of the base space: 2 for the G-spaces of the plane, 3 for those of R^3, 0 for
     * {@link GSpaces#noBaseSpace} (escnn's {@code dimensionality}).
     */
    public int dimensionality() {
        return action.dimensionality();
    }

    /**
     * The reflection axis (an angle in radians; the default pi/2 for G-spaces without reflections). On R^3 it is
     * escnn's {@code axis} argument: the flips of {@link GSpaces#dihedralOnR3} turn by pi about the line at this angle
     * in the xy plane, those of {@link GSpaces#conicalOnR3} and {@link GSpaces#mirOnR3} mirror across the plane
     * through the z axis and the line at angle {@code -axis} (escnn's convention, which differs in sign).
     */
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
        int defaultFrequency = dimensionality() == 3 ? GSpaces.DEFAULT_MAXIMUM_FREQUENCY_3D
                : GSpaces.DEFAULT_MAXIMUM_FREQUENCY;
        if (!fibergroup.isFinite() && fibergroup.maximumFrequency() != defaultFrequency) {
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
            case ROTATIONS_3D:
                return fibergroup.kind() == GroupKind.SO3 ? "Rot3dOnR3"
                        : fibergroup.kind() == GroupKind.OCTAHEDRAL ? "OctaOnR3" : "IcoOnR3";
            case ROTATIONS_AND_INVERSION_3D:
                return fibergroup.kind() == GroupKind.O3 ? "FlipRot3dOnR3"
                        : fibergroup.kind() == GroupKind.FULL_OCTAHEDRAL ? "FullOctaOnR3" : "FullIcoOnR3";
            case ROTATIONS_ABOUT_Z:
                return "Rot2dOnR3(" + fibergroup.rotationOrder() + ")";
            case DIHEDRAL_ABOUT_Z:
                return "DihedralOnR3(" + (fibergroup.kind() == GroupKind.CYCLIC ? 1 : fibergroup.rotationOrder()) + ")";
            case CONICAL:
                return "ConicalOnR3(" + fibergroup.rotationOrder() + ")";
            case MIRROR:
                return "MirOnR3";
            case INVERSION:
                return "InvOnR3";
            case TRIVIAL_3D:
                return "TrivialOnR3";
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

    /**
     * Elements to test equivariance on: on the plane and without base space the fibergroup's testing elements; on
     * R^3 the elements that map the voxel grid onto itself (exactly, so that a transformed volume is a voxel
     * permutation): all grid-preserving elements of a finite group, the quarter turns (and their flips) of SO(2)
     * and O(2).
     */
    public List<GroupElement> testingElements() {
        if (dimensionality() != 3) {
            return fibergroup.testingElements();
        }
        List<GroupElement> candidates = fibergroup.isFinite() ? fibergroup.elements()
                : fibergroup.kind() == GroupKind.SO2 || fibergroup.kind() == GroupKind.O2 ? quarterTurns()
                : fibergroup.testingElements();
        List<GroupElement> testing = new ArrayList<>();
        for (GroupElement g : candidates) {
            if (preservesGrid(g)) {
                testing.add(g);
            }
        }
        return testing;
    }

    private List<GroupElement> quarterTurns() {
        List<GroupElement> quarters = new ArrayList<>();
        for (int flip = 0; flip <= (fibergroup.hasReflections() ? 1 : 0); flip++) {
            for (int k = 0; k < 4; k++) {
                quarters.add(GroupElement.continuous(flip, k * Math.PI / 2));
            }
        }
        return quarters;
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
        if (dimensionality() == 3) {
            restricted = restrictOnR3(id, h);
        } else if (action == Action.NONE) {
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

    /**
     * The restriction of a G-space of R^3: the factory G-space of the subgroup (escnn's {@code restrict} builds the
     * {@code GSpace3D} of the combined subgroup id).
     */
    private GSpace restrictOnR3(SubgroupId id, Group h) {
        if (h.order() == 1) {
            return GSpaces.trivialOnR3();
        }
        GSpace restricted = id.isSpatial() ? spatialFactory(id) : planarRestriction(id, h);
        if (!restricted.fibergroup().equals(h)) {
            throw new IllegalArgumentException("the restriction of " + name() + " to " + id + " is the subgroup "
                    + h.name() + ", which no G-space factory of R^3 builds (" + restricted.name() + " has "
                    + restricted.fibergroup().name() + ")");
        }
        return restricted;
    }

    /** The factory G-space of a subgroup of O(3) given by its spatial id. */
    private GSpace spatialFactory(SubgroupId id) {
        int f = fibergroup.isFinite() ? GSpaces.DEFAULT_MAXIMUM_FREQUENCY_3D : fibergroup.maximumFrequency();
        int n = id.order();
        switch (id.spatial()) {
            case SO3:
                return GSpaces.rot3dOnR3(f);
            case OCTA:
                return GSpaces.octaOnR3();
            case ICO:
                return GSpaces.icoOnR3();
            case FULL_OCTA:
                return GSpaces.fullOctaOnR3();
            case FULL_ICO:
                return GSpaces.fullIcoOnR3();
            case PLANAR_ROTATIONS:
                return GSpaces.rot2dOnR3(n, f);
            case PLANAR_DIHEDRAL:
                return GSpaces.dihedralOnR3(n, f, id.axis());
            case CONE:
                return GSpaces.conicalOnR3(n, f, id.axis());
            default:
                return GSpaces.invOnR3();
        }
    }

    /** The restriction of a G-space of R^3 made of a planar group, by a planar id of that group. */
    private GSpace planarRestriction(SubgroupId id, Group h) {
        switch (action) {
            case INVERSION:
            case MIRROR:
                return this;
            case ROTATIONS_ABOUT_Z:
                return new GSpace(h, Action.ROTATIONS_ABOUT_Z, axis);
            case DIHEDRAL_ABOUT_Z:
            case CONICAL:
                if (fibergroup.kind() == GroupKind.CYCLIC) {
                    return this; // the C_2 of dihedralOnR3(1): its only non-trivial subgroup is itself
                }
                if (!id.hasReflections()) {
                    return new GSpace(h, Action.ROTATIONS_ABOUT_Z, GSpaces.DEFAULT_AXIS);
                }
                double shift = fibergroup.kind() == GroupKind.DIHEDRAL
                        ? id.axis() * Math.PI / fibergroup.rotationOrder()
                        : id.axis() / 2;
                // the flip line turns by the shift; conical G-spaces count their axis the other way round
                if (action == Action.DIHEDRAL_ABOUT_Z) {
                    return new GSpace(h, Action.DIHEDRAL_ABOUT_Z, axis + shift);
                }
                return new GSpace(h, id.order() == 1 ? Action.MIRROR : Action.CONICAL, axis - shift);
            default:
                throw new IllegalArgumentException(name() + " restricts to subgroups given by their O(3) ids"
                        + " (SubgroupId.so3(), octa(), planarRotations(N), ...), got the planar id " + id);
        }
    }

    /** Convenience for {@code restrict(SubgroupId.rotations(m))} on C_N and SO(2) G-spaces. */
    public RestrictedGSpace restrict(int m) {
        return restrict(SubgroupId.rotations(m));
    }

    /**
     * The 2 x 2 matrix of g acting on R^2 (x right, y up).
     *
     * @throws IllegalStateException on a G-space without base space (there is no plane to act on) or of R^3 (use
     *                               {@link #baseMatrix})
     */
    public double[][] planeMatrix(GroupElement g) {
        fibergroup.checkElement(g);
        if (action == Action.NONE) {
            throw new IllegalStateException(name() + " has no base space: its elements act on the fibers only, not on"
                    + " points or pixel grids");
        }
        if (dimensionality() == 3) {
            throw new IllegalStateException(name() + " acts on R^3, not on the plane: use baseMatrix for its 3 x 3"
                    + " matrices");
        }
        if (action == Action.FLIPS) {
            return planar(0, g.rotationIndex() == 1, axis);
        }
        return planar(g.angle(), g.flip() == 1, axis);
    }

    /**
     * The d x d matrix of g acting on the base space R^d (escnn's {@code basespace_action}): {@link #planeMatrix}
     * on the plane; on R^3 the O(3) matrix of g in (x, y, z) coordinates (z = the rotation axis of the planar
     * groups).
     *
     * @throws IllegalStateException on a G-space without base space
     */
    public double[][] baseMatrix(GroupElement g) {
        if (dimensionality() != 3) {
            return planeMatrix(g);
        }
        fibergroup.checkElement(g);
        return inO3(g).orthogonalMatrix();
    }

    /** R(theta) F^reflect with F the reflection across the line at angle {@code line}. */
    private static double[][] planar(double theta, boolean reflect, double line) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        if (!reflect) {
            return new double[][] {{c, -s}, {s, c}};
        }
        double c2 = Math.cos(2 * line);
        double s2 = Math.sin(2 * line);
        // R(theta) * F with F = [[cos 2a, sin 2a], [sin 2a, -cos 2a]]
        return new double[][] {
            {c * c2 - s * s2, c * s2 + s * c2},
            {s * c2 + c * s2, s * s2 - c * c2}};
    }

    /**
     * Whether g maps every square pixel grid (cubic voxel grid) centred at the origin onto itself: its
     * {@link #baseMatrix} is a signed permutation (90-degree steps and axis flips; on R^3 the 48 symmetries of the
     * cube).
     */
    public boolean preservesGrid(GroupElement g) {
        double[][] m = baseMatrix(g);
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
        requirePlane("gridPermutation(g, height, width)");
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
        requirePlane("sourceCoordinates");
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

    private void requirePlane(String method) {
        if (dimensionality() == 3) {
            throw new IllegalArgumentException(method + " acts on pixel grids of the plane, but " + name()
                    + " acts on R^3: use gridPermutation(g, depth, height, width) on voxel grids");
        }
    }

    /**
     * The exact action of a grid-preserving element on a D x H x W voxel grid (a G-space of R^3): entry
     * {@code (d * H + r) * W + c} is the index of the source voxel whose value lands at (d, r, c), i.e.
     * {@code (g.f)(x) = f(g^-1 x)} with the voxel coordinates of {@link GridConvention}. For example the quarter
     * turn of rot2dOnR3(4) moves, in every slice, the top-centre voxel of a 3 x 3 slice to the left-centre, as
     * rot2dOnR2(4) does.
     *
     * @throws IllegalArgumentException if the G-space does not act on R^3, g does not preserve the grid, or g maps
     *                                  the D x H x W grid elsewhere (a turn that exchanges axes of unequal length)
     */
    public int[] gridPermutation(GroupElement g, int depth, int height, int width) {
        if (dimensionality() != 3) {
            throw new IllegalArgumentException("gridPermutation(g, depth, height, width) acts on voxel grids of R^3,"
                    + " but " + name() + " has dimensionality " + dimensionality());
        }
        if (depth < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("voxel grid must be at least 1 x 1 x 1, got " + depth + " x " + height
                    + " x " + width);
        }
        if (!preservesGrid(g)) {
            throw new IllegalArgumentException("element " + g + " of " + name() + " does not map the voxel grid"
                    + " onto itself (its matrix is no signed permutation); volumes are transformed exactly only by"
                    + " the symmetries of the cube");
        }
        double[][] inv = baseMatrix(fibergroup.inverse(g));
        int[] perm = new int[depth * height * width];
        for (int d = 0; d < depth; d++) {
            double z = GridConvention.z(d, depth);
            for (int r = 0; r < height; r++) {
                double y = GridConvention.y(r, height);
                for (int c = 0; c < width; c++) {
                    double x = GridConvention.x(c, width);
                    long sd = Math.round(GridConvention.slice(inv[2][0] * x + inv[2][1] * y + inv[2][2] * z, depth));
                    long sr = Math.round(GridConvention.row(inv[1][0] * x + inv[1][1] * y + inv[1][2] * z, height));
                    long sc = Math.round(GridConvention.column(inv[0][0] * x + inv[0][1] * y + inv[0][2] * z, width));
                    if (sd < 0 || sd >= depth || sr < 0 || sr >= height || sc < 0 || sc >= width) {
                        throw new IllegalArgumentException("element " + g + " of " + name() + " does not map a "
                                + depth + " x " + height + " x " + width + " voxel grid onto itself (it exchanges"
                                + " axes of different lengths)");
                    }
                    perm[(d * height + r) * width + c] = (int) ((sd * height + sr) * width + sc);
                }
            }
        }
        return perm;
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
