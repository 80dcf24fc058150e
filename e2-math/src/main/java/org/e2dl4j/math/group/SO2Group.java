package org.e2dl4j.math.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.e2dl4j.math.SizeLimits;

/**
 * The group SO(2) of all planar rotations r_theta. Its irreps are built up to a maximum frequency.
 * Immutable; equal instances have equal maximum frequency.
 */
public final class SO2Group extends Group {

    /** Number of equally spaced rotations returned by {@link #testingElements()}. */
    private static final int TESTING_ELEMENTS = 16;

    private final int maximumFrequency;

    /**
     * @param maximumFrequency highest irrep frequency to build, at least 0
     */
    public SO2Group(int maximumFrequency) {
        if (maximumFrequency < 0) {
            throw new IllegalArgumentException("SO(2) needs a maximum frequency >= 0, got " + maximumFrequency);
        }
        if (maximumFrequency > SizeLimits.MAXIMUM_FREQUENCY) {
            throw new IllegalArgumentException("SO(2) builds one irrep per frequency up to its maximum frequency, which"
                    + " must be at most " + SizeLimits.MAXIMUM_FREQUENCY + ", got " + maximumFrequency);
        }
        this.maximumFrequency = maximumFrequency;
    }

    @Override
    public String name() {
        return "SO(2)";
    }

    @Override
    public GroupKind kind() {
        return GroupKind.SO2;
    }

    @Override
    public int order() {
        return -1;
    }

    @Override
    public int rotationOrder() {
        return -1;
    }

    @Override
    public boolean hasReflections() {
        return false;
    }

    @Override
    public int maximumFrequency() {
        return maximumFrequency;
    }

    @Override
    public List<GroupElement> elements() {
        throw new IllegalStateException("SO(2) is continuous: it has no finite list of elements");
    }

    /** The rotation r_theta. */
    public GroupElement rotation(double theta) {
        return GroupElement.continuous(0, theta);
    }

    @Override
    public GroupElement identity() {
        return GroupElement.continuous(0, 0);
    }

    @Override
    public GroupElement combine(GroupElement a, GroupElement b) {
        checkElement(a);
        checkElement(b);
        return GroupElement.continuous(0, a.angle() + b.angle());
    }

    @Override
    public GroupElement inverse(GroupElement a) {
        checkElement(a);
        return GroupElement.continuous(0, -a.angle());
    }

    @Override
    public boolean isElement(GroupElement g) {
        return !g.isSpatial() && !g.isFinite() && g.flip() == 0;
    }

    /** Two rotations by angles incommensurable with pi (1 and sqrt 2 radians): each generates a dense subgroup. */
    @Override
    public List<GroupElement> generators() {
        return List.of(rotation(1.0), rotation(Math.sqrt(2)));
    }

    /** The 16 rotations by multiples of pi / 8 (which include the four grid-preserving ones). */
    @Override
    public List<GroupElement> testingElements() {
        List<GroupElement> els = new ArrayList<>(TESTING_ELEMENTS);
        for (int i = 0; i < TESTING_ELEMENTS; i++) {
            els.add(GroupElement.continuous(0, 2 * Math.PI * i / TESTING_ELEMENTS));
        }
        return Collections.unmodifiableList(els);
    }

    /** The cyclic subgroups C_M, M >= 1: {@code SubgroupId.rotations(M)}. */
    @Override
    public Subgroup subgroup(SubgroupId id) {
        if (!id.isSingle() || id.order() < 1) {
            throw new IllegalArgumentException("Subgroups of SO(2) are SubgroupId.rotations(M) with M >= 1; got " + id);
        }
        int m = id.order();
        CyclicGroup sub = new CyclicGroup(m);
        return new Subgroup(this, id, sub,
                h -> GroupElement.continuous(0, h.angle()),
                g -> RotationIndex.of(g.angle(), m).map(k -> GroupElement.finite(0, k, m)).orElse(null));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SO2Group && ((SO2Group) o).maximumFrequency == maximumFrequency;
    }

    @Override
    public int hashCode() {
        return 31 * maximumFrequency + 3;
    }
}
