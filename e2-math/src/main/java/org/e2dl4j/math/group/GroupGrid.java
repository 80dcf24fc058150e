package org.e2dl4j.math.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * A finite set of sample points on a group, as escnn's {@code G.grid(...)} and {@code G.sphere_grid(...)} build them
 * (the points on which the Fourier nonlinearities sample their band-limited functions):
 * <ul>
 *   <li>{@code regular N} (planar groups): C_M: r^(i M / N), i &lt; N (N must divide M); D_M: the same rotations, then
 *       each times the flip (2N points); SO(2): r_(2 pi i / N), i &lt; N; O(2): those rotations, then r_(2 pi i / N) f
 *       (2N points);</li>
 *   <li>{@code rand N seed}: numpy's {@code RandomState(seed)}: SO(2): per point one {@code random()} angle 2 pi u;
 *       O(2): a {@code randint(0, 2)} flip then a {@code random()} angle; SO(3): SciPy's {@code Rotation.random(N,
 *       seed)} (four normals per quaternion); O(3): those rotations, then a {@code randint(0, 2)} inversion each. The
 *       points are escnn's to the last bits;</li>
 *   <li>{@code cube}, {@code ico}, {@code tetra} (SO(3), O(3)): the 24 rotations of the cube, the 60 of the
 *       icosahedron, the 12 of the tetrahedron in escnn's (SciPy's) order; on O(3) each list without and then with the
 *       inversion (48, 120, 24 points). The grid is a group, so left multiplication by its rotations permutes it;</li>
 *   <li>sphere grids (SO(3), O(3); for functions on the sphere SO(3) / SO(2) and O(3) / O(2)): one coset
 *       representative R per point p ({@code sphere cube}: the 6 face centres, {@code sphere ico}: the 30 edge centres
 *       of escnn's icosahedron, {@code sphere tetra}: 6 points, {@code sphere cube_vertices}: the 8 corners,
 *       {@code sphere fibonacci N}, {@code sphere rand N seed}: numpy's normals). O(3)'s representatives send e_z to
 *       p; SO(3)'s send e_z to -p, as escnn's do (its {@code SO3.sphere_grid} flips the third column to make the
 *       determinant 1). The platonic points come in their order of first appearance, escnn's in Python's set order:
 *       the same points, otherwise ordered.</li>
 * </ul>
 * escnn's random grids of C_N and D_N come from numpy's unseeded global generator, so no seed reproduces them; they
 * are refused. escnn's {@code thomson} grids minimize an energy with PyTorch's Adam from a random start and cache the
 * result on disk: no deterministic rule reproduces their points, so they are not offered ({@code hopf},
 * {@code fibonacci} grids of SO(3) and {@code healpix} / {@code longlat} sphere grids are not built either).
 * Immutable value.
 */
public final class GroupGrid {

    /** escnn's grid types. */
    public enum Type {
        /** Equally spaced rotations (with and without the flip) of a planar group. */
        REGULAR("regular", true, false),
        /** Seeded uniform random elements of SO(2), O(2), SO(3) or O(3). */
        RAND("rand", true, true),
        /** The 24 rotations of the cube. */
        CUBE("cube", false, false),
        /** The 60 rotations of the icosahedron. */
        ICO("ico", false, false),
        /** The 12 rotations of the tetrahedron. */
        TETRA("tetra", false, false),
        /** The 6 face centres of the cube on the sphere. */
        SPHERE_CUBE("sphere cube", false, false),
        /** The 30 edge centres of the icosahedron on the sphere. */
        SPHERE_ICO("sphere ico", false, false),
        /** The orbit of e_z under the tetrahedral rotations. */
        SPHERE_TETRA("sphere tetra", false, false),
        /** The 8 corners of the cube on the sphere. */
        SPHERE_CUBE_VERTICES("sphere cube_vertices", false, false),
        /** N Fibonacci points on the sphere. */
        SPHERE_FIBONACCI("sphere fibonacci", true, false),
        /** N seeded uniform random points on the sphere. */
        SPHERE_RAND("sphere rand", true, true);

        private final String escnnName;
        private final boolean takesN;
        private final boolean takesSeed;

        Type(String escnnName, boolean takesN, boolean takesSeed) {
            this.escnnName = escnnName;
            this.takesN = takesN;
            this.takesSeed = takesSeed;
        }

        /** escnn's name of the type ({@code sphere X} for its {@code sphere_grid('X')}). */
        public String escnnName() {
            return escnnName;
        }

        /** Whether the grid has escnn's argument N. */
        public boolean takesN() {
            return takesN;
        }

        /** Whether the grid has a seed. */
        public boolean takesSeed() {
            return takesSeed;
        }

        /** Whether the points stand for cosets of the sphere (SO(3) / SO(2), O(3) / O(2)). */
        public boolean isSphere() {
            return escnnName.startsWith("sphere ");
        }

        /**
         * The type with escnn's name.
         *
         * @throws IllegalArgumentException for any other name, listing the valid ones
         */
        public static Type fromEscnnName(String name) {
            for (Type t : values()) {
                if (t.escnnName.equals(name)) {
                    return t;
                }
            }
            List<String> names = new ArrayList<>();
            for (Type t : values()) {
                names.add(t.escnnName);
            }
            throw new IllegalArgumentException("unknown grid type '" + name + "'; valid: " + String.join(", ", names)
                    + " (escnn's thomson grids cannot be reproduced)");
        }
    }

    private final Type type;
    private final int n;
    private final Long seed;

    private GroupGrid(Type type, int n, Long seed) {
        this.type = type;
        this.n = n;
        this.seed = seed;
    }

    /**
     * The grid of the given type from its arguments (JSON's {@code gridType}, {@code gridN}, {@code gridSeed}).
     *
     * @param n    escnn's N, at least 1 (at least 2 for Fibonacci points) where the type takes one, else 0
     * @param seed numpy's seed (0 to 2^32 - 1) where the type takes one, else null
     * @throws IllegalArgumentException if an argument is missing, out of range or one the type does not take
     */
    public static GroupGrid of(Type type, int n, Long seed) {
        Objects.requireNonNull(type, "type");
        int least = type == Type.SPHERE_FIBONACCI ? 2 : 1;
        if (type.takesN && n < least) {
            throw new IllegalArgumentException("a " + type.escnnName + " grid needs N >= " + least + " points, got N = "
                    + n);
        }
        if (!type.takesN && n != 0) {
            throw new IllegalArgumentException("a " + type.escnnName + " grid has a fixed set of points and no N, got"
                    + " N = " + n);
        }
        if (type.takesSeed) {
            if (seed == null) {
                throw new IllegalArgumentException("a " + type.escnnName + " grid needs a seed (property 'gridSeed'"
                        + " missing)");
            }
            if (seed < 0 || seed > 0xffffffffL) {
                throw new IllegalArgumentException("a " + type.escnnName + " grid's seed is numpy's, between 0 and"
                        + " 2^32 - 1, got " + seed);
            }
        } else if (seed != null) {
            throw new IllegalArgumentException("a " + type.escnnName + " grid has no seed, got gridSeed " + seed);
        }
        return new GroupGrid(type, n, seed);
    }

    /** escnn's {@code grid('regular', N)}. */
    public static GroupGrid regular(int n) {
        return of(Type.REGULAR, n, null);
    }

    /**
     * escnn's {@code grid(N, type='rand', seed=seed)} of SO(2) and O(2), {@code grid('rand', N, seed=seed)} of SO(3)
     * and O(3).
     *
     * @param seed numpy's seed, 0 to 2^32 - 1
     */
    public static GroupGrid rand(int n, long seed) {
        return of(Type.RAND, n, seed);
    }

    /** escnn's {@code grid('cube')} of SO(3) / O(3): the 24 rotations of the cube (48 elements on O(3)). */
    public static GroupGrid cube() {
        return of(Type.CUBE, 0, null);
    }

    /** escnn's {@code grid('ico')} of SO(3) / O(3): the 60 rotations of the icosahedron (120 elements on O(3)). */
    public static GroupGrid ico() {
        return of(Type.ICO, 0, null);
    }

    /** escnn's {@code grid('tetra')} of SO(3) / O(3): the 12 rotations of the tetrahedron (24 elements on O(3)). */
    public static GroupGrid tetra() {
        return of(Type.TETRA, 0, null);
    }

    /**
     * escnn's {@code sphere_grid(...)} without arguments: {@link Type#SPHERE_CUBE}, {@link Type#SPHERE_ICO},
     * {@link Type#SPHERE_TETRA} or {@link Type#SPHERE_CUBE_VERTICES}.
     *
     * @throws IllegalArgumentException for another type
     */
    public static GroupGrid sphere(Type type) {
        if (!type.isSphere()) {
            throw new IllegalArgumentException(type.escnnName + " is not a grid on the sphere");
        }
        return of(type, 0, null);
    }

    /** escnn's {@code sphere_grid('fibonacci', N)}, N &gt;= 2. */
    public static GroupGrid sphereFibonacci(int n) {
        return of(Type.SPHERE_FIBONACCI, n, null);
    }

    /** escnn's {@code sphere_grid('rand', N, seed)}. */
    public static GroupGrid sphereRand(int n, long seed) {
        return of(Type.SPHERE_RAND, n, seed);
    }

    /** The grid's type. */
    public Type type() {
        return type;
    }

    /** escnn's N (the number of rotations of a regular grid, of points of a random one); 0 for a fixed set. */
    public int n() {
        return n;
    }

    /** The numpy seed of a random grid; empty for the others. */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /**
     * The points on {@code group}, in escnn's order (sphere grids: coset representatives, see the class comment).
     *
     * @throws IllegalArgumentException if the grid does not exist on that group (N not dividing a finite group's
     *                                  rotation order, a random grid on a finite group, a planar grid on a 3D group
     *                                  or the other way round)
     */
    public List<GroupElement> elements(Group group) {
        switch (group.kind()) {
            case SO3:
            case O3:
                return Collections.unmodifiableList(spatialElements(group.kind() == GroupKind.O3));
            case CYCLIC:
            case DIHEDRAL:
            case SO2:
            case O2:
                if (type != Type.REGULAR && type != Type.RAND) {
                    throw new IllegalArgumentException(this + " on " + group.name() + ": grids of rotations of R^3"
                            + " and of the sphere exist on SO(3) and O(3) only; use a regular or rand grid");
                }
                return Collections.unmodifiableList(planarElements(group));
            default:
                throw new IllegalArgumentException(this + " on " + group.name() + ": grids are built for C_N, D_N,"
                        + " SO(2), O(2), SO(3) and O(3) only");
        }
    }

    private List<GroupElement> spatialElements(boolean o3) {
        List<GroupElement> out = new ArrayList<>();
        switch (type) {
            case REGULAR:
                throw new IllegalArgumentException(this + " on " + (o3 ? "O(3)" : "SO(3)") + ": regular grids are the"
                        + " planar groups'; use cube, ico, tetra, rand or a sphere grid");
            case RAND:
                return SpatialGrids.random(n, seed, o3);
            case CUBE:
                return withInversions(PolyhedralRotations.octahedral(), o3);
            case ICO:
                return withInversions(PolyhedralRotations.icosahedral(), o3);
            case TETRA:
                return withInversions(PolyhedralRotations.tetrahedral(), o3);
            default:
                for (Vector3D p : spherePoints()) {
                    out.add(GroupElement.spatial(0, SpatialGrids.representative(o3 ? p : p.negate())));
                }
                return out;
        }
    }

    private List<Vector3D> spherePoints() {
        switch (type) {
            case SPHERE_CUBE:
                return SpatialGrids.orbit(PolyhedralRotations.octahedral(), Vector3D.PLUS_K);
            case SPHERE_ICO:
                return SpatialGrids.orbit(PolyhedralRotations.icosahedral(), Vector3D.PLUS_K);
            case SPHERE_TETRA:
                return SpatialGrids.orbit(PolyhedralRotations.tetrahedral(), Vector3D.PLUS_K);
            case SPHERE_CUBE_VERTICES:
                return SpatialGrids.orbit(PolyhedralRotations.octahedral(), new Vector3D(1, 1, 1).normalize());
            case SPHERE_FIBONACCI:
                return SpatialGrids.fibonacci(n);
            default:
                return SpatialGrids.randomPoints(n, seed);
        }
    }

    private static List<GroupElement> withInversions(Rotation[] rotations, boolean o3) {
        List<GroupElement> out = new ArrayList<>();
        for (int inversion = 0; inversion < (o3 ? 2 : 1); inversion++) {
            for (Rotation r : rotations) {
                out.add(GroupElement.spatial(inversion, r));
            }
        }
        return out;
    }

    private List<GroupElement> planarElements(Group group) {
        List<GroupElement> out = new ArrayList<>();
        if (type == Type.RAND) {
            if (group.isFinite()) {
                throw new IllegalArgumentException(this + " on " + group.name() + ": escnn samples random grids of"
                        + " finite groups from numpy's unseeded global generator, which no seed reproduces; use a"
                        + " regular grid");
            }
            NumpyRandomState random = new NumpyRandomState(seed);
            for (int i = 0; i < n; i++) {
                int flip = group.hasReflections() ? random.randomBit() : 0;
                out.add(GroupElement.continuous(flip, random.random() * 2 * Math.PI));
            }
            return out;
        }
        int flips = group.hasReflections() ? 2 : 1;
        if (group.isFinite()) {
            int m = group.rotationOrder();
            if (m % n != 0) {
                throw new IllegalArgumentException(this + " on " + group.name() + ": N = " + n
                        + " must divide the group's " + m + " rotations");
            }
            for (int f = 0; f < flips; f++) {
                for (int i = 0; i < n; i++) {
                    out.add(GroupElement.finite(f, i * (m / n), m));
                }
            }
        } else {
            for (int f = 0; f < flips; f++) {
                for (int i = 0; i < n; i++) {
                    out.add(GroupElement.continuous(f, i * 2 * Math.PI / n));
                }
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupGrid g && type == g.type && n == g.n && Objects.equals(seed, g.seed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, n, seed);
    }

    /** escnn's arguments: {@code regular grid N=8}, {@code rand grid N=20 seed=5}, {@code sphere ico grid}. */
    @Override
    public String toString() {
        return type.escnnName + " grid" + (type.takesN ? " N=" + n : "") + (seed == null ? "" : " seed=" + seed);
    }
}
