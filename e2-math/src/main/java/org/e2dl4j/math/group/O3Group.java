package org.e2dl4j.math.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * O(3) = SO(3) x C_2, the rotations of R^3 with and without the inversion x -> -x (escnn's {@code o3_group}), with
 * irreps up to a maximum frequency l. Elements are {@link GroupElement#spatial(int, Rotation) spatial(j, R)} acting as
 * {@code x -> (-1)^j R x}. Immutable.
 */
public final class O3Group extends Group {

    private final int maximumFrequency;

    /** @param maximumFrequency the highest degree l of the irreps built for the group, at least 0 */
    public O3Group(int maximumFrequency) {
        if (maximumFrequency < 0) {
            throw new IllegalArgumentException("O(3) needs a maximum frequency >= 0, got " + maximumFrequency);
        }
        this.maximumFrequency = maximumFrequency;
    }

    @Override
    public String name() {
        return "O(3)";
    }

    @Override
    public GroupKind kind() {
        return GroupKind.O3;
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
        throw new IllegalStateException("O(3) is continuous: it has no finite list of elements");
    }

    /** The element x -> (-1)^inversion R x. */
    public GroupElement element(int inversion, Rotation r) {
        return GroupElement.spatial(inversion, r);
    }

    /** The inversion x -> -x. */
    public GroupElement inversion() {
        return GroupElement.spatial(1, Rotation.IDENTITY);
    }

    @Override
    public GroupElement identity() {
        return GroupElement.spatial(0, Rotation.IDENTITY);
    }

    @Override
    public GroupElement combine(GroupElement a, GroupElement b) {
        checkElement(a);
        checkElement(b);
        return GroupElement.spatial((a.flip() + b.flip()) % 2, a.rotation().applyTo(b.rotation()));
    }

    @Override
    public GroupElement inverse(GroupElement a) {
        checkElement(a);
        return GroupElement.spatial(a.flip(), a.rotation().revert());
    }

    @Override
    public boolean isElement(GroupElement g) {
        return g.isSpatial() && !g.isFinite();
    }

    /** SO(3)'s two generic rotations and the inversion. */
    @Override
    public List<GroupElement> generators() {
        List<Rotation> rs = SO3Group.genericRotations();
        return List.of(element(0, rs.get(0)), element(0, rs.get(1)), inversion());
    }

    /** SO(3)'s testing rotations, each with and without the inversion. */
    @Override
    public List<GroupElement> testingElements() {
        List<GroupElement> els = new ArrayList<>();
        for (int j = 0; j < 2; j++) {
            for (Rotation r : SO3Group.testingRotations()) {
                els.add(element(j, r));
            }
        }
        return Collections.unmodifiableList(els);
    }

    /**
     * The subgroups of escnn's O(3): {@link SubgroupId#so3()}, {@link SubgroupId#octa()}, {@link SubgroupId#ico()},
     * {@link SubgroupId#fullOcta()}, {@link SubgroupId#fullIco()}, {@link SubgroupId#planarRotations(int)},
     * {@link SubgroupId#planarDihedral(int)}, {@link SubgroupId#cone(int)} and {@link SubgroupId#inversion()}.
     */
    @Override
    public Subgroup subgroup(SubgroupId id) {
        return SpatialSubgroups.require(this, id, maximumFrequency);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof O3Group && ((O3Group) o).maximumFrequency == maximumFrequency;
    }

    @Override
    public int hashCode() {
        return 31 * maximumFrequency + 7;
    }
}
