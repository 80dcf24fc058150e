package org.e2dl4j.math.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * SO(3), the rotations of R^3 (escnn's {@code so3_group}), with irreps (Wigner D matrices) built up to a maximum
 * frequency l. Elements are {@link GroupElement#spatial(int, Rotation) spatial(0, R)}; the product R_a R_b applies
 * R_b first. Immutable.
 */
public final class SO3Group extends Group {

    private final int maximumFrequency;

    /** @param maximumFrequency the highest degree l of the irreps built for the group, at least 0 */
    public SO3Group(int maximumFrequency) {
        if (maximumFrequency < 0) {
            throw new IllegalArgumentException("SO(3) needs a maximum frequency >= 0, got " + maximumFrequency);
        }
        this.maximumFrequency = maximumFrequency;
    }

    @Override
    public String name() {
        return "SO(3)";
    }

    @Override
    public GroupKind kind() {
        return GroupKind.SO3;
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
        throw new IllegalStateException("SO(3) is continuous: it has no finite list of elements");
    }

    /** The rotation R as an element. */
    public GroupElement element(Rotation r) {
        return GroupElement.spatial(0, r);
    }

    @Override
    public GroupElement identity() {
        return GroupElement.spatial(0, Rotation.IDENTITY);
    }

    @Override
    public GroupElement combine(GroupElement a, GroupElement b) {
        checkElement(a);
        checkElement(b);
        return GroupElement.spatial(0, a.rotation().applyTo(b.rotation()));
    }

    @Override
    public GroupElement inverse(GroupElement a) {
        checkElement(a);
        return GroupElement.spatial(0, a.rotation().revert());
    }

    @Override
    public boolean isElement(GroupElement g) {
        return g.isSpatial() && !g.isFinite() && g.flip() == 0;
    }

    /** Two rotations by 1 and sqrt(2) radians about generic axes; together they generate a dense subgroup. */
    @Override
    public List<GroupElement> generators() {
        return List.of(element(genericRotations().get(0)), element(genericRotations().get(1)));
    }

    /** The 24 rotations of the cube (the grid-preserving ones) and 8 generic rotations. */
    @Override
    public List<GroupElement> testingElements() {
        List<GroupElement> els = new ArrayList<>();
        for (Rotation r : testingRotations()) {
            els.add(element(r));
        }
        return Collections.unmodifiableList(els);
    }

    /** The rotations of {@link #testingElements()}: the cube's 24 (escnn's order) and 8 generic ones. */
    static List<Rotation> testingRotations() {
        List<Rotation> rs = new ArrayList<>(List.of(PolyhedralRotations.octahedral()));
        for (int i = 0; i < 8; i++) {
            Vector3D axis = new Vector3D(Math.cos(1.3 * i + 0.2), Math.sin(2.1 * i + 0.5), Math.cos(0.7 * i + 1.1));
            rs.add(new Rotation(axis, 0.4 + 0.77 * i, RotationConvention.VECTOR_OPERATOR));
        }
        return rs;
    }

    /** Two rotations by 1 and sqrt(2) radians about generic axes. */
    static List<Rotation> genericRotations() {
        return List.of(new Rotation(new Vector3D(1, 2, 3), 1.0, RotationConvention.VECTOR_OPERATOR),
                new Rotation(new Vector3D(-2, 1, 0.5), Math.sqrt(2), RotationConvention.VECTOR_OPERATOR));
    }

    /**
     * The subgroups of escnn's SO(3): {@link SubgroupId#so3()}, {@link SubgroupId#octa()}, {@link SubgroupId#ico()},
     * {@link SubgroupId#planarRotations(int)} (SO(2) / C_N about z) and {@link SubgroupId#planarDihedral(int)}
     * (O(2) / D_N about z with the flip the pi rotation about x).
     */
    @Override
    public Subgroup subgroup(SubgroupId id) {
        return SpatialSubgroups.require(this, id, maximumFrequency);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SO3Group && ((SO3Group) o).maximumFrequency == maximumFrequency;
    }

    @Override
    public int hashCode() {
        return 31 * maximumFrequency + 5;
    }
}
