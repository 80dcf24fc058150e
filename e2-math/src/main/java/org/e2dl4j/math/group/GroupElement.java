package org.e2dl4j.math.group;

import java.util.Arrays;
import java.util.Objects;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * An element of one of this library's groups, in one of two forms.
 *
 * <p>Planar form: {@code r_theta f^flip} of O(2): first reflect across the group's reflection axis if
 * {@code flip == 1}, then rotate counter-clockwise by {@code theta}.
 *
 * <p>Spatial form ({@link #isSpatial()}): {@code (inversion, R)} of O(3) = C_2 x SO(3), acting on R^3 as
 * {@code x -> (-1)^inversion R x}, with R a Hipparchus {@link Rotation} ({@code R.applyTo(x)} is the
 * action). Elements of the finite 3D groups are exact: they carry their index in the group's list of
 * rotations, and the group multiplies them by its table.
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
    private final Rotation rotation;
    private final int spatialIndex;
    private final int spatialCount;

    private GroupElement(int flip, int rotationIndex, int rotationOrder, double angle) {
        this.flip = flip;
        this.rotationIndex = rotationIndex;
        this.rotationOrder = rotationOrder;
        this.angle = angle;
        this.rotation = null;
        this.spatialIndex = -1;
        this.spatialCount = -1;
    }

    private GroupElement(int inversion, Rotation rotation, int spatialIndex, int spatialCount) {
        this.flip = inversion;
        this.rotationIndex = -1;
        this.rotationOrder = -1;
        this.angle = Double.NaN;
        this.rotation = rotation;
        this.spatialIndex = spatialIndex;
        this.spatialCount = spatialCount;
    }

    /**
     * The element {@code (inversion, R)} of SO(3) (inversion 0) or O(3): {@code x -> (-1)^inversion R x}.
     * The quaternion is stored with a non-negative scalar part, so that equal rotations given as q and -q
     * are equal elements.
     *
     * @param inversion 0 or 1
     * @param r         the rotation part
     */
    public static GroupElement spatial(int inversion, Rotation r) {
        checkFlip(inversion);
        Objects.requireNonNull(r, "rotation");
        double[] q = {r.getQ0(), r.getQ1(), r.getQ2(), r.getQ3()};
        for (double v : q) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the rotation of a spatial element must be finite, got quaternion "
                        + Arrays.toString(q));
            }
        }
        return new GroupElement(inversion, canonical(r), -1, -1);
    }

    /**
     * An exact element of a finite 3D group: {@code (inversion, R_index)} where R_index is entry {@code index} of
     * the group's list of {@code count} rotations. Only the groups build these.
     */
    static GroupElement spatialFinite(int inversion, int index, int count, Rotation r) {
        return new GroupElement(inversion, canonical(r), index, count);
    }

    private static Rotation canonical(Rotation r) {
        double q0 = r.getQ0();
        double q1 = r.getQ1();
        double q2 = r.getQ2();
        double q3 = r.getQ3();
        boolean negate = q0 < 0 || (q0 == 0 && (q1 < 0 || (q1 == 0 && (q2 < 0 || (q2 == 0 && q3 < 0)))));
        return negate ? new Rotation(-q0, -q1, -q2, -q3, false) : new Rotation(q0, q1, q2, q3, false);
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

    /** 1 if the element contains the reflection (planar) or the inversion (spatial), else 0. */
    public int flip() {
        return flip;
    }

    /**
     * The rotation index {@code k} of a planar finite-group element; -1 for continuous groups.
     *
     * @throws IllegalStateException for a spatial element
     */
    public int rotationIndex() {
        requirePlanar("rotationIndex()");
        return rotationIndex;
    }

    /**
     * The order N of the rotation subgroup the index refers to; -1 for continuous groups.
     *
     * @throws IllegalStateException for a spatial element
     */
    public int rotationOrder() {
        requirePlanar("rotationOrder()");
        return rotationOrder;
    }

    /**
     * The planar rotation angle in {@code [0, 2 pi)}.
     *
     * @throws IllegalStateException for a spatial element
     */
    public double angle() {
        requirePlanar("angle()");
        return angle;
    }

    /** Whether the element belongs to a finite group (and so is exact). */
    public boolean isFinite() {
        return rotationOrder > 0 || spatialCount > 0;
    }

    /** Whether this is an element of a 3D group (SO(3), O(3) or one of their finite subgroups). */
    public boolean isSpatial() {
        return rotation != null;
    }

    /**
     * The rotation part R of a spatial element, with a non-negative quaternion scalar part.
     *
     * @throws IllegalStateException for a planar element
     */
    public Rotation rotation() {
        requireSpatial("rotation()");
        return rotation;
    }

    /**
     * The 3 x 3 matrix {@code (-1)^inversion R} of a spatial element: its action on R^3. A fresh array.
     *
     * @throws IllegalStateException for a planar element
     */
    public double[][] orthogonalMatrix() {
        requireSpatial("orthogonalMatrix()");
        double[][] m = rotation.getMatrix();
        if (flip == 1) {
            for (double[] row : m) {
                for (int j = 0; j < 3; j++) {
                    row[j] = -row[j];
                }
            }
        }
        return m;
    }

    /**
     * The index of the rotation part in its finite 3D group's list of rotations (escnn's order); -1 for
     * SO(3) and O(3).
     *
     * @throws IllegalStateException for a planar element
     */
    public int spatialIndex() {
        requireSpatial("spatialIndex()");
        return spatialIndex;
    }

    /**
     * The number of rotations of the finite 3D group the index refers to (24 or 60); -1 for SO(3) and O(3).
     *
     * @throws IllegalStateException for a planar element
     */
    public int spatialCount() {
        requireSpatial("spatialCount()");
        return spatialCount;
    }

    private void requirePlanar(String accessor) {
        if (rotation != null) {
            throw new IllegalStateException(accessor + " is defined for planar group elements only; " + this
                    + " is an element of a 3D group (use rotation() and flip())");
        }
    }

    private void requireSpatial(String accessor) {
        if (rotation == null) {
            throw new IllegalStateException(accessor + " is defined for elements of 3D groups only; " + this
                    + " is a planar element (use angle() and flip())");
        }
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
        if (isFinite() != e.isFinite() || flip != e.flip || isSpatial() != e.isSpatial()) {
            return false;
        }
        if (isSpatial()) {
            return isFinite()
                    ? spatialIndex == e.spatialIndex && spatialCount == e.spatialCount
                    : Double.compare(rotation.getQ0(), e.rotation.getQ0()) == 0
                            && Double.compare(rotation.getQ1(), e.rotation.getQ1()) == 0
                            && Double.compare(rotation.getQ2(), e.rotation.getQ2()) == 0
                            && Double.compare(rotation.getQ3(), e.rotation.getQ3()) == 0;
        }
        return isFinite()
                ? rotationIndex == e.rotationIndex && rotationOrder == e.rotationOrder
                : Double.compare(angle, e.angle) == 0;
    }

    @Override
    public int hashCode() {
        if (isSpatial()) {
            return isFinite() ? Objects.hash(flip, spatialIndex, spatialCount)
                    : Objects.hash(flip, rotation.getQ0(), rotation.getQ1(), rotation.getQ2(), rotation.getQ3());
        }
        return isFinite() ? Objects.hash(flip, rotationIndex, rotationOrder) : Objects.hash(flip, angle);
    }

    @Override
    public String toString() {
        if (isSpatial()) {
            String rot = isFinite() ? "R" + spatialIndex + "/" + spatialCount
                    : "R(" + rotation.getQ0() + ", " + rotation.getQ1() + ", " + rotation.getQ2() + ", "
                            + rotation.getQ3() + ")";
            return flip == 1 ? "-" + rot : rot;
        }
        String rot = isFinite() ? "r" + rotationIndex + "/" + rotationOrder : "r(" + angle + ")";
        return flip == 1 ? rot + "f" : rot;
    }
}
