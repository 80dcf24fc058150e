package org.e2dl4j.math.gspace;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.Groups;

/**
 * Factories for the G-spaces of the plane, named as in e2cnn's {@code gspaces} package, and for the G-space
 * without base space of escnn ({@link #noBaseSpace}).
 */
public final class GSpaces {

    /** Default maximum irrep frequency of SO(2) and O(2) G-spaces, as in e2cnn. */
    public static final int DEFAULT_MAXIMUM_FREQUENCY = 6;

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
}
