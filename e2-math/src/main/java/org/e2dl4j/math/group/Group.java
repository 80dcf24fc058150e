package org.e2dl4j.math.group;

import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * A planar group (a subgroup of O(2): C_N, D_N, SO(2), O(2); elements {@code r_theta f^j}) or a 3D group
 * (SO(3), O(3), the octahedral and icosahedral groups and their full versions; elements
 * {@code (inversion, R)}), see {@link GroupElement}. Groups are immutable values: two instances with the
 * same kind and parameters are equal.
 */
public abstract class Group {

    /** e2cnn's name: {@code C8}, {@code D4}, {@code SO(2)}, {@code O(2)}. */
    public abstract String name();

    /** The family this group belongs to. */
    public abstract GroupKind kind();

    /** Number of elements; -1 for continuous groups. */
    public abstract int order();

    /** N for C_N and D_N; -1 for SO(2), O(2) and the 3D groups. */
    public abstract int rotationOrder();

    /** Whether the group contains reflections (planar) or improper elements, i.e. the inversion (3D). */
    public abstract boolean hasReflections();

    /**
     * The highest rotation frequency of the irreps built for the group: N/2 (rounded down) for finite
     * groups, the bound given at construction for SO(2) and O(2).
     */
    public abstract int maximumFrequency();

    /** Whether the group is finite. */
    public final boolean isFinite() {
        return order() > 0;
    }

    /** All elements, in e2cnn's order; only for finite groups. */
    public abstract List<GroupElement> elements();

    /** The neutral element e. */
    public abstract GroupElement identity();

    /** The product {@code a * b} (apply b first, then a). */
    public abstract GroupElement combine(GroupElement a, GroupElement b);

    /** The inverse {@code a^-1}. */
    public abstract GroupElement inverse(GroupElement a);

    /** Whether {@code g} is an element of this group (exact, in its encoding). */
    public abstract boolean isElement(GroupElement g);

    /**
     * Whether two elements are equal, up to {@code tolerance} in the angle for continuous groups (the angle of
     * R_a^-1 R_b for SO(3) and O(3)).
     */
    public boolean equal(GroupElement a, GroupElement b, double tolerance) {
        if (a.flip() != b.flip()) {
            return false;
        }
        if (isFinite()) {
            return a.equals(b);
        }
        if (a.isSpatial() || b.isSpatial()) {
            return a.isSpatial() == b.isSpatial()
                    && Rotation.distance(a.rotation(), b.rotation()) <= tolerance;
        }
        double d = Math.abs(a.angle() - b.angle()) % (2 * Math.PI);
        return Math.min(d, 2 * Math.PI - d) <= tolerance;
    }

    /**
     * Generators in the sense the kernel solvers need: elements whose common intertwiners are the group's
     * intertwiners. For a finite group a generating set; for SO(2), O(2), SO(3) and O(3) a few generic
     * rotations generating a dense subgroup, plus the reflection or inversion.
     */
    public abstract List<GroupElement> generators();

    /** A finite set of elements for tests: all elements of a finite group, a sample of a continuous one. */
    public abstract List<GroupElement> testingElements();

    /** The subgroup with the given e2cnn id, with the element maps both ways. */
    public abstract Subgroup subgroup(SubgroupId id);

    /** Throws an {@link IllegalArgumentException} unless {@code g} is an element of this group. */
    public final void checkElement(GroupElement g) {
        if (!isElement(g)) {
            throw new IllegalArgumentException(g + " is not an element of " + name());
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
