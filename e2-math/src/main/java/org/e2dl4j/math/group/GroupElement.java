package org.e2dl4j.math.group;

import java.util.Objects;

/**
 * An element {@code r_theta f^flip} of O(2) as used by all groups of this library: first reflect
 * across the group's reflection axis if {@code flip == 1}, then rotate counter-clockwise by
 * {@code theta}.
 *
 * <p>Elements of finite groups are exact: they carry the rotation index {@code k} of
 * {@code theta = 2 pi k / N}. Elements of SO(2) and O(2) carry the angle itself, normalised to
 * {@code [0, 2 pi)}. Instances are immutable; {@link #equals} compares the exact values (use
 * {@link Group#equal} for a tolerance on continuous groups).
 */
public final class GroupElement {

    private static final double TWO_PI = 2 * Math.PI;

    private final int flip;
    private final int rotationIndex;
    private final int rotationOrder;
    private final double angle;

    private GroupElement(int flip, int rotationIndex, int rotationOrder, double angle) {
        this.flip = flip;
        this.rotationIndex = rotationIndex;
        this.rotationOrder = rotationOrder;
        this.angle = angle;
    }

    /**
     * The element {@code r^k f^flip} of a finite group whose rotations are {@code C_n}.
     *
     * @param flip 0 or 1
     * @param k    rotation index, reduced modulo {@code n}
     * @param n    order of the rotation subgroup, at least 1
     */
    public static GroupElement finite(int flip, int k, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("rotation order must be at least 1, got " + n);
        }
        checkFlip(flip);
        int kk = Math.floorMod(k, n);
        return new GroupElement(flip, kk, n, TWO_PI * kk / n);
    }

    /**
     * The element {@code r_theta f^flip} of SO(2) or O(2).
     *
     * @param flip  0 or 1
     * @param theta rotation angle in radians, reduced to {@code [0, 2 pi)}
     */
    public static GroupElement continuous(int flip, double theta) {
        checkFlip(flip);
        if (!Double.isFinite(theta)) {
            throw new IllegalArgumentException("rotation angle must be finite, got " + theta);
        }
        double t = theta % TWO_PI;
        if (t < 0) {
            t += TWO_PI;
        }
        if (t >= TWO_PI) {
            t = 0;
        }
        return new GroupElement(flip, -1, -1, t);
    }

    private static void checkFlip(int flip) {
        if (flip != 0 && flip != 1) {
            throw new IllegalArgumentException("flip must be 0 or 1, got " + flip);
        }
    }

    /** 1 if the element contains the reflection, else 0. */
    public int flip() {
        return flip;
    }

    /** The rotation index {@code k} of a finite-group element; -1 for continuous groups. */
    public int rotationIndex() {
        return rotationIndex;
    }

    /** The order N of the rotation subgroup the index refers to; -1 for continuous groups. */
    public int rotationOrder() {
        return rotationOrder;
    }

    /** The rotation angle in {@code [0, 2 pi)}. */
    public double angle() {
        return angle;
    }

    /** Whether the element belongs to a finite group (and so is exact). */
    public boolean isFinite() {
        return rotationOrder > 0;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GroupElement)) {
            return false;
        }
        GroupElement e = (GroupElement) o;
        if (isFinite() != e.isFinite() || flip != e.flip) {
            return false;
        }
        return isFinite()
                ? rotationIndex == e.rotationIndex && rotationOrder == e.rotationOrder
                : Double.compare(angle, e.angle) == 0;
    }

    @Override
    public int hashCode() {
        return isFinite() ? Objects.hash(flip, rotationIndex, rotationOrder) : Objects.hash(flip, angle);
    }

    @Override
    public String toString() {
        String rot = isFinite() ? "r" + rotationIndex + "/" + rotationOrder : "r(" + angle + ")";
        return flip == 1 ? rot + "f" : rot;
    }
}
