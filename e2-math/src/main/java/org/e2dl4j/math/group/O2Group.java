package org.e2dl4j.math.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.e2dl4j.math.SizeLimits;

/**
 * The orthogonal group O(2): rotations r_theta and reflections r_theta f, encoded (f, theta), with
 * (f1, t1)(f2, t2) = (f1 + f2 mod 2, t1 + (-1)^f1 t2). Irreps are built up to a maximum frequency.
 * Immutable.
 */
public final class O2Group extends Group {

    private static final int TESTING_ROTATIONS = 16;

    private final int maximumFrequency;

    /**
     * @param maximumFrequency highest irrep rotation frequency to build, at least 0
     */
    public O2Group(int maximumFrequency) {
        if (maximumFrequency < 0) {
            throw new IllegalArgumentException("O(2) needs a maximum frequency >= 0, got " + maximumFrequency);
        }
        if (maximumFrequency > SizeLimits.MAXIMUM_FREQUENCY) {
            throw new IllegalArgumentException("O(2) builds one irrep per frequency up to its maximum frequency, which"
                    + " must be at most " + SizeLimits.MAXIMUM_FREQUENCY + ", got " + maximumFrequency);
        }
        this.maximumFrequency = maximumFrequency;
    }

    @Override
    public String name() {
        return "O(2)";
    }

    @Override
    public GroupKind kind() {
        return GroupKind.O2;
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
        return true;
    }

    @Override
    public int maximumFrequency() {
        return maximumFrequency;
    }

    @Override
    public List<GroupElement> elements() {
        throw new IllegalStateException("O(2) is continuous: it has no finite list of elements");
    }

    /** The element r_theta f^flip. */
    public GroupElement element(int flip, double theta) {
        return GroupElement.continuous(flip, theta);
    }

    @Override
    public GroupElement identity() {
        return GroupElement.continuous(0, 0);
    }

    @Override
    public GroupElement combine(GroupElement a, GroupElement b) {
        checkElement(a);
        checkElement(b);
        double sign = a.flip() == 1 ? -1 : 1;
        return GroupElement.continuous((a.flip() + b.flip()) % 2, a.angle() + sign * b.angle());
    }

    @Override
    public GroupElement inverse(GroupElement a) {
        checkElement(a);
        return a.flip() == 1 ? a : GroupElement.continuous(0, -a.angle());
    }

    @Override
    public boolean isElement(GroupElement g) {
        return !g.isSpatial() && !g.isFinite();
    }

    /** Two rotations by angles incommensurable with pi (1 and sqrt 2 radians) and the reflection f. */
    @Override
    public List<GroupElement> generators() {
        return List.of(element(0, 1.0), element(0, Math.sqrt(2)), element(1, 0));
    }

    /** The 16 rotations by multiples of pi / 8, each with and without the reflection. */
    @Override
    public List<GroupElement> testingElements() {
        List<GroupElement> els = new ArrayList<>(2 * TESTING_ROTATIONS);
        for (int f = 0; f < 2; f++) {
            for (int i = 0; i < TESTING_ROTATIONS; i++) {
                els.add(GroupElement.continuous(f, 2 * Math.PI * i / TESTING_ROTATIONS));
            }
        }
        return Collections.unmodifiableList(els);
    }

    /**
     * Subgroups by e2cnn's id {@code (axis, M)}: {@code (None, -1)} is SO(2), {@code (None, M)} is C_M,
     * {@code (theta, 1)} the flips {e, r_theta f} (as C_2), {@code (theta, M)} the dihedral D_M generated
     * by r_(2 pi / M) and r_theta f, and {@code (theta, -1)} all of O(2) with its reflection axis turned by
     * theta / 2: the element r_t f^j of that copy is r_(t + j theta) f^j here.
     */
    @Override
    public Subgroup subgroup(SubgroupId id) {
        if (!id.isOrthogonalForm() || id.order() == 0 || id.order() < -1) {
            throw new IllegalArgumentException("Subgroups of O(2) are SubgroupId.orthogonal(axis, M) with "
                    + "(null, -1) for SO(2), (null, M>=1) for C_M, (theta, M>=1) for D_M, (theta, -1) for O(2)"
                    + " with its axis turned by theta / 2; got " + id);
        }
        int m = id.order();
        if (m == -1 && id.hasReflections()) {
            double turn = id.axis();
            return new Subgroup(this, id, this,
                    h -> GroupElement.continuous(h.flip(), h.angle() + h.flip() * turn),
                    g -> GroupElement.continuous(g.flip(), g.angle() - g.flip() * turn));
        }
        if (!id.hasReflections()) {
            if (m == -1) {
                SO2Group sub = new SO2Group(maximumFrequency);
                return new Subgroup(this, id, sub,
                        h -> GroupElement.continuous(0, h.angle()),
                        g -> g.flip() == 0 ? GroupElement.continuous(0, g.angle()) : null);
            }
            CyclicGroup sub = new CyclicGroup(m);
            return new Subgroup(this, id, sub,
                    h -> GroupElement.continuous(0, h.angle()),
                    g -> g.flip() != 0 ? null
                            : RotationIndex.of(g.angle(), m).map(k -> GroupElement.finite(0, k, m)).orElse(null));
        }
        double axis = id.axis();
        if (m == 1) {
            CyclicGroup sub = new CyclicGroup(2);
            return new Subgroup(this, id, sub,
                    h -> GroupElement.continuous(h.rotationIndex(), h.rotationIndex() * axis),
                    g -> RotationIndex.of(g.angle() - g.flip() * axis, 1).isPresent()
                            ? GroupElement.finite(0, g.flip(), 2) : null);
        }
        DihedralGroup sub = new DihedralGroup(m);
        return new Subgroup(this, id, sub,
                h -> GroupElement.continuous(h.flip(), h.angle() + h.flip() * axis),
                g -> RotationIndex.of(g.angle() - g.flip() * axis, m)
                        .map(k -> GroupElement.finite(g.flip(), k, m)).orElse(null));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof O2Group && ((O2Group) o).maximumFrequency == maximumFrequency;
    }

    @Override
    public int hashCode() {
        return 31 * maximumFrequency + 4;
    }
}
