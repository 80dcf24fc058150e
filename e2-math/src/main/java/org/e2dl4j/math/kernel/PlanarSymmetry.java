package org.e2dl4j.math.kernel;

/**
 * The family of analytic kernel-constraint solutions for a subgroup G of O(2) acting on the plane.
 *
 * <p>Each family solves {@code k(g x) = rho_out(g) k(x) rho_in(g)^-1} for a pair of irreducible
 * representations with circular harmonics {@code cos / sin(mu phi + gamma)} (Weiler and Cesa 2019, tables 8-12):
 * <ul>
 *   <li>{@link #CYCLIC}: C_N (N &gt;= 1; C_1 is the trivial group), frequencies aliased by multiples of N;</li>
 *   <li>{@link #SO2}: all rotations, one harmonic per (gamma, s), no aliasing;</li>
 *   <li>{@link #DIHEDRAL}: D_N, rotations and the reflection across an axis, aliased by multiples of N;</li>
 *   <li>{@link #O2}: all rotations and reflections;</li>
 *   <li>{@link #FLIP}: the reflection alone (the group C_2 acting by the reflection across an axis).</li>
 * </ul>
 * For the reflection families the angle is measured from the reflection axis ({@code phi - axis}).
 */
public enum PlanarSymmetry {
    CYCLIC(false, false),
    SO2(false, true),
    DIHEDRAL(true, false),
    O2(true, true),
    FLIP(true, false);

    private final boolean reflections;
    private final boolean continuous;

    PlanarSymmetry(boolean reflections, boolean continuous) {
        this.reflections = reflections;
        this.continuous = continuous;
    }

    /** Whether the group contains a reflection (the angular solutions then depend on the axis). */
    public boolean hasReflections() {
        return reflections;
    }

    /** Whether the rotations form the continuous group SO(2) (no frequency aliasing). */
    public boolean isContinuous() {
        return continuous;
    }
}
