package org.e2dl4j.math.gspace;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.Groups;

/**
 * Factories for the G-spaces of the plane, named as in e2cnn's {@code gspaces} package, for those of R^3 named as
 * in escnn's ({@code rot2dOnR3}, ..., with escnn's defaults), and for the G-space without base space of escnn
 * ({@link #noBaseSpace}). The planar groups on R^3 rotate about the z axis (escnn's convention; z is the depth
 * axis of NCDHW volumes, see {@link GridConvention}).
 */
public final class GSpaces {

    /** Default maximum irrep frequency of SO(2) and O(2) G-spaces, as in e2cnn. */
    public static final int DEFAULT_MAXIMUM_FREQUENCY = 6;

    /** Default maximum irrep frequency of the continuous groups of the G-spaces of R^3, as in escnn. */
    public static final int DEFAULT_MAXIMUM_FREQUENCY_3D = 2;

    /** Default reflection axis: the vertical axis (pi / 2), as in e2cnn. */
    public static final double DEFAULT_AXIS = Math.PI / 2;

    private GSpaces() {
    }

    /** Rotations C_N acting on the plane; {@code n = -1} gives SO(2) with irreps up to frequency 6. */
    public static GSpace rot2dOnR2(int n) {
        return rot2dOnR2(n, DEFAULT_MAXIMUM_FREQUENCY);
    }

    /**
     * Rotations C_N ({@code n >= 1}) or SO(2) ({@code n = -1}, irreps up to {@code maximumFrequency}).
     */
    public static GSpace rot2dOnR2(int n, int maximumFrequency) {
        if (n == -1) {
            return new GSpace(Groups.so2(maximumFrequency), Action.ROTATIONS, DEFAULT_AXIS);
        }
        if (n < 1) {
            throw new IllegalArgumentException("rot2dOnR2 needs N >= 1 (C_N) or N = -1 (SO(2)), got N = " + n);
        }
        return new GSpace(Groups.cyclic(n), Action.ROTATIONS, DEFAULT_AXIS);
    }

    /** Rotations and reflections D_N; {@code n = -1} gives O(2) with irreps up to frequency 6. */
    public static GSpace flipRot2dOnR2(int n) {
        return flipRot2dOnR2(n, DEFAULT_MAXIMUM_FREQUENCY);
    }

    /**
     * Rotations and reflections D_N ({@code n >= 1}) or O(2) ({@code n = -1}, irreps up to
     * {@code maximumFrequency}); the reflection axis is vertical.
     */
    public static GSpace flipRot2dOnR2(int n, int maximumFrequency) {
        return flipRot2dOnR2(n, maximumFrequency, DEFAULT_AXIS);
    }

    /** As {@link #flipRot2dOnR2(int, int)} with the reflection axis at angle {@code axis}. */
    public static GSpace flipRot2dOnR2(int n, int maximumFrequency, double axis) {
        if (n == -1) {
            return new GSpace(Groups.o2(maximumFrequency), Action.FLIPS_AND_ROTATIONS, axis);
        }
        if (n < 1) {
            throw new IllegalArgumentException("flipRot2dOnR2 needs N >= 1 (D_N) or N = -1 (O(2)), got N = " + n);
        }
        return new GSpace(Groups.dihedral(n), Action.FLIPS_AND_ROTATIONS, axis);
    }

    /** The reflection across the vertical axis (fibergroup C_2, as in e2cnn). */
    public static GSpace flip2dOnR2() {
        return flip2dOnR2(DEFAULT_AXIS);
    }

    /** The reflection across the line at angle {@code axis} (fibergroup C_2). */
    public static GSpace flip2dOnR2(double axis) {
        return new GSpace(Groups.cyclic(2), Action.FLIPS, axis);
    }

    /** No symmetry: the trivial group C_1 (a conventional CNN). */
    public static GSpace trivialOnR2() {
        return new GSpace(Groups.trivial(), Action.TRIVIAL, DEFAULT_AXIS);
    }

    /**
     * The group G acting on a single point (escnn's {@code no_base_space(G)}): a feature is one fiber, a vector of
     * {@code size} channels on which g acts by rho(g) alone, as in the layers of an equivariant MLP. Any planar
     * group: C_N, D_N, SO(2), O(2) (with its maximum frequency) or the trivial group.
     */
    public static GSpace noBaseSpace(Group group) {
        return new GSpace(group, Action.NONE, DEFAULT_AXIS);
    }

    /** SO(2) rotating R^3 about the z axis (escnn's default {@code rot2dOnR3()}, irreps up to frequency 2). */
    public static GSpace rot2dOnR3() {
        return rot2dOnR3(-1);
    }

    /** C_N rotating R^3 about the z axis; {@code n = -1} gives SO(2) with irreps up to frequency 2. */
    public static GSpace rot2dOnR3(int n) {
        return rot2dOnR3(n, DEFAULT_MAXIMUM_FREQUENCY_3D);
    }

    /**
     * C_N ({@code n >= 1}; C_1 is {@link #trivialOnR3()}, as in escnn) or SO(2) ({@code n = -1}, irreps up to
     * {@code maximumFrequency}) rotating R^3 about the z axis.
     */
    public static GSpace rot2dOnR3(int n, int maximumFrequency) {
        if (n == 1) {
            return trivialOnR3();
        }
        return new GSpace(planarGroup("rot2dOnR3", n, false, maximumFrequency), Action.ROTATIONS_ABOUT_Z, DEFAULT_AXIS);
    }

    /** O(2) about the z axis, its flips turning by pi about the y axis (escnn's default {@code dihedralOnR3()}). */
    public static GSpace dihedralOnR3() {
        return dihedralOnR3(-1);
    }

    /** D_N ({@code n = -1}: O(2), irreps up to frequency 2) about the z axis, the flips turning about the y axis. */
    public static GSpace dihedralOnR3(int n) {
        return dihedralOnR3(n, DEFAULT_MAXIMUM_FREQUENCY_3D, DEFAULT_AXIS);
    }

    /**
     * Rotations about the z axis and rotations by pi about the line at angle {@code axis} in the xy plane (escnn's
     * {@code dihedralOnR3(n, axis)}): D_N, O(2) for {@code n = -1} (irreps up to {@code maximumFrequency}), and for
     * {@code n = 1} the C_2 of that one half turn (as in escnn).
     */
    public static GSpace dihedralOnR3(int n, int maximumFrequency, double axis) {
        Group group = n == 1 ? Groups.cyclic(2) : planarGroup("dihedralOnR3", n, true, maximumFrequency);
        return new GSpace(group, Action.DIHEDRAL_ABOUT_Z, axis);
    }

    /** O(2) about the z axis, its flips mirroring x (escnn's default {@code conicalOnR3()}). */
    public static GSpace conicalOnR3() {
        return conicalOnR3(-1);
    }

    /** D_N ({@code n = -1}: O(2), irreps up to frequency 2) about the z axis, the flips mirroring x. */
    public static GSpace conicalOnR3(int n) {
        return conicalOnR3(n, DEFAULT_MAXIMUM_FREQUENCY_3D, DEFAULT_AXIS);
    }

    /**
     * Rotations about the z axis and mirrors through planes containing it (escnn's {@code conicalOnR3(n, axis)}):
     * D_N or O(2) ({@code n = -1}, irreps up to {@code maximumFrequency}), the flip mirroring across the plane
     * through z and the line at angle {@code -axis} in the xy plane; {@code n = 1} is {@link #mirOnR3(double)}, as
     * in escnn.
     */
    public static GSpace conicalOnR3(int n, int maximumFrequency, double axis) {
        if (n == 1) {
            return mirOnR3(axis);
        }
        return new GSpace(planarGroup("conicalOnR3", n, true, maximumFrequency), Action.CONICAL, axis);
    }

    /** The mirror x -> -x of R^3 (escnn's default {@code mirOnR3()}; fibergroup C_2). */
    public static GSpace mirOnR3() {
        return mirOnR3(DEFAULT_AXIS);
    }

    /** The mirror across the plane through z and the line at angle {@code -axis} in the xy plane (fibergroup C_2). */
    public static GSpace mirOnR3(double axis) {
        return new GSpace(Groups.cyclic(2), Action.MIRROR, axis);
    }

    /** The inversion x -> -x of R^3 (escnn's {@code invOnR3}; fibergroup C_2). */
    public static GSpace invOnR3() {
        return new GSpace(Groups.cyclic(2), Action.INVERSION, DEFAULT_AXIS);
    }

    /** No symmetry on R^3: the trivial group C_1 (a conventional 3D CNN). */
    public static GSpace trivialOnR3() {
        return new GSpace(Groups.trivial(), Action.TRIVIAL_3D, DEFAULT_AXIS);
    }

    private static Group planarGroup(String factory, int n, boolean flips, int maximumFrequency) {
        if (n == -1) {
            return flips ? Groups.o2(maximumFrequency) : Groups.so2(maximumFrequency);
        }
        if (n < 1) {
            throw new IllegalArgumentException(factory + " needs N >= 1 (" + (flips ? "D_N" : "C_N") + ") or N = -1 ("
                    + (flips ? "O(2)" : "SO(2)") + "), got N = " + n);
        }
        return flips ? Groups.dihedral(n) : Groups.cyclic(n);
    }

    /** SO(3) rotating R^3, irreps up to frequency 2 (escnn's default {@code rot3dOnR3()}). */
    public static GSpace rot3dOnR3() {
        return rot3dOnR3(DEFAULT_MAXIMUM_FREQUENCY_3D);
    }

    /** SO(3) rotating R^3, with its Wigner D irreps up to frequency {@code maximumFrequency}. */
    public static GSpace rot3dOnR3(int maximumFrequency) {
        return new GSpace(Groups.so3(maximumFrequency), Action.ROTATIONS_3D, DEFAULT_AXIS);
    }

    /** O(3) (rotations and the inversion) on R^3, irreps up to frequency 2 (escnn's default {@code flipRot3dOnR3()}). */
    public static GSpace flipRot3dOnR3() {
        return flipRot3dOnR3(DEFAULT_MAXIMUM_FREQUENCY_3D);
    }

    /** O(3) on R^3, with its irreps up to frequency {@code maximumFrequency}. */
    public static GSpace flipRot3dOnR3(int maximumFrequency) {
        return new GSpace(Groups.o3(maximumFrequency), Action.ROTATIONS_AND_INVERSION_3D, DEFAULT_AXIS);
    }

    /** The 24 rotations of the cube (octahedral group) on R^3, escnn's {@code octaOnR3()}. */
    public static GSpace octaOnR3() {
        return new GSpace(Groups.octa(), Action.ROTATIONS_3D, DEFAULT_AXIS);
    }

    /** The 48 symmetries of the cube (full octahedral group) on R^3, escnn's {@code fullOctaOnR3()}. */
    public static GSpace fullOctaOnR3() {
        return new GSpace(Groups.fullOcta(), Action.ROTATIONS_AND_INVERSION_3D, DEFAULT_AXIS);
    }

    /** The 60 rotations of the icosahedron on R^3, escnn's {@code icoOnR3()}. */
    public static GSpace icoOnR3() {
        return new GSpace(Groups.ico(), Action.ROTATIONS_3D, DEFAULT_AXIS);
    }

    /** The 120 symmetries of the icosahedron (with the inversion) on R^3, escnn's {@code fullIcoOnR3()}. */
    public static GSpace fullIcoOnR3() {
        return new GSpace(Groups.fullIco(), Action.ROTATIONS_AND_INVERSION_3D, DEFAULT_AXIS);
    }
}
