package org.e2dl4j.math.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.e2dl4j.math.SizeLimits;

/** The cyclic group C_N of the N rotations by multiples of 2 pi / N; element k is r^k. Immutable. */
public final class CyclicGroup extends Group {

    private final int n;
    private final List<GroupElement> elements;

    /**
     * @param n number of rotations, at least 1 (C_1 is the trivial group)
     */
    public CyclicGroup(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("C_N needs N >= 1, got N = " + n);
        }
        SizeLimits.checkCount(n, SizeLimits.GROUP_ORDER, "elements", "C" + n);
        this.n = n;
        List<GroupElement> els = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            els.add(GroupElement.finite(0, k, n));
        }
        this.elements = Collections.unmodifiableList(els);
    }

    @Override
    public String name() {
        return "C" + n;
    }

    @Override
    public GroupKind kind() {
        return GroupKind.CYCLIC;
    }

    @Override
    public int order() {
        return n;
    }

    @Override
    public int rotationOrder() {
        return n;
    }

    @Override
    public boolean hasReflections() {
        return false;
    }

    @Override
    public int maximumFrequency() {
        return n / 2;
    }

    @Override
    public List<GroupElement> elements() {
        return elements;
    }

    /** The rotation r^k. */
    public GroupElement rotation(int k) {
        return GroupElement.finite(0, k, n);
    }

    @Override
    public GroupElement identity() {
        return elements.get(0);
    }

    @Override
    public GroupElement combine(GroupElement a, GroupElement b) {
        checkElement(a);
        checkElement(b);
        return GroupElement.finite(0, a.rotationIndex() + b.rotationIndex(), n);
    }

    @Override
    public GroupElement inverse(GroupElement a) {
        checkElement(a);
        return GroupElement.finite(0, -a.rotationIndex(), n);
    }

    @Override
    public boolean isElement(GroupElement g) {
        return !g.isSpatial() && g.isFinite() && g.rotationOrder() == n && g.flip() == 0;
    }

    /** The rotation r^1 (none for the trivial group). */
    @Override
    public List<GroupElement> generators() {
        return n == 1 ? List.of() : List.of(rotation(1));
    }

    @Override
    public List<GroupElement> testingElements() {
        return elements;
    }

    /** Subgroups C_M for every M dividing N: {@code SubgroupId.rotations(M)}. */
    @Override
    public Subgroup subgroup(SubgroupId id) {
        if (!id.isSingle() || id.order() < 1 || n % id.order() != 0) {
            throw new IllegalArgumentException("Subgroups of " + name()
                    + " are SubgroupId.rotations(M) with M dividing " + n + "; got " + id);
        }
        int m = id.order();
        int ratio = n / m;
        CyclicGroup sub = new CyclicGroup(m);
        return new Subgroup(this, id, sub,
                h -> GroupElement.finite(0, h.rotationIndex() * ratio, n),
                g -> g.rotationIndex() % ratio == 0 ? GroupElement.finite(0, g.rotationIndex() / ratio, m) : null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CyclicGroup && ((CyclicGroup) o).n == n;
    }

    @Override
    public int hashCode() {
        return 31 * n + 1;
    }
}
