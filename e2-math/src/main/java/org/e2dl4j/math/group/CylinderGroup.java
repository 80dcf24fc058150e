package org.e2dl4j.math.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * escnn's cylinder groups C_2 x P, P a planar group about the z axis and C_2 the inversion: {@code Cylindrical}
 * (P = SO(2)), {@code CylindricalDiscrete} (C_N), {@code FullCylindrical} (O(2)) and {@code FullCylindricalDiscrete}
 * (D_N), with the O(2) flip the pi rotation about the x axis. Elements are the O(3) elements
 * {@code (inversion, R(h))} (R(r_theta) the rotation by theta about z, R(r_theta f) the pi rotation about
 * (cos theta/2, sin theta/2, 0)), always built from (inversion, h) by the same formula, so that equal elements of
 * a discrete version are identical; they are listed inversion-major as escnn's direct product. Immutable.
 */
public final class CylinderGroup extends Group {

    private final Group planar;
    private final List<GroupElement> elements;

    /** @param planar P: an SO(2), O(2), C_N or D_N group */
    public CylinderGroup(Group planar) {
        if (planar.kind() != GroupKind.SO2 && planar.kind() != GroupKind.O2 && planar.kind() != GroupKind.CYCLIC
                && planar.kind() != GroupKind.DIHEDRAL) {
            throw new IllegalArgumentException("a cylinder group is C_2 x a planar group (SO(2), O(2), C_N, D_N); got "
                    + planar.name());
        }
        this.planar = planar;
        if (planar.isFinite()) {
            List<GroupElement> els = new ArrayList<>(2 * planar.order());
            for (int inv = 0; inv < 2; inv++) {
                for (GroupElement h : planar.elements()) {
                    els.add(element(inv, h));
                }
            }
            this.elements = Collections.unmodifiableList(els);
        } else {
            this.elements = null;
        }
    }

    /** The planar factor P. */
    public Group planar() {
        return planar;
    }

    /** The element (inversion, h) for h in P. */
    public GroupElement element(int inversion, GroupElement h) {
        planar.checkElement(h);
        Rotation r = h.flip() == 0 ? SpatialRotations.aboutZ(h.angle()) : SpatialRotations.flipInPlane(h.angle());
        return GroupElement.spatial(inversion, r);
    }

    /**
     * The planar part h of an element (inversion, R(h)).
     *
     * @throws IllegalArgumentException if g is not an element
     */
    public GroupElement planarPart(GroupElement g) {
        GroupElement h = decode(g);
        if (h == null) {
            throw new IllegalArgumentException(g + " is not an element of " + name());
        }
        return h;
    }

    /** The planar part, or null if g is not (inversion, R(h)) for an h of P. */
    private GroupElement decode(GroupElement g) {
        if (!g.isSpatial() || g.isFinite()) {
            return null;
        }
        OptionalDouble rot = SpatialRotations.angleAboutZ(g.rotation());
        int f = rot.isPresent() ? 0 : 1;
        OptionalDouble theta = rot.isPresent() ? rot : SpatialRotations.flipAngle(g.rotation());
        if (theta.isEmpty() || (f == 1 && !planar.hasReflections())) {
            return null;
        }
        double t = theta.getAsDouble();
        if (!planar.isFinite()) {
            return GroupElement.continuous(f, t);
        }
        int n = planar.kind() == GroupKind.CYCLIC ? planar.order() : planar.rotationOrder();
        return RotationIndex.of(t, n).map(k -> GroupElement.finite(f, k, n)).orElse(null);
    }

    @Override
    public String name() {
        return (planar.hasReflections() ? "FullCylindrical" : "Cylindrical") + (planar.isFinite() ? "Discrete" : "");
    }

    @Override
    public GroupKind kind() {
        if (planar.hasReflections()) {
            return planar.isFinite() ? GroupKind.FULL_CYLINDRICAL_DISCRETE : GroupKind.FULL_CYLINDRICAL;
        }
        return planar.isFinite() ? GroupKind.CYLINDRICAL_DISCRETE : GroupKind.CYLINDRICAL;
    }

    @Override
    public int order() {
        return planar.isFinite() ? 2 * planar.order() : -1;
    }

    @Override
    public int rotationOrder() {
        return -1;
    }

    @Override
    public boolean hasReflections() {
        return true;
    }

    /** P's maximum frequency. */
    @Override
    public int maximumFrequency() {
        return planar.maximumFrequency();
    }

    @Override
    public List<GroupElement> elements() {
        if (elements == null) {
            throw new IllegalStateException(name() + " is continuous: it has no finite list of elements");
        }
        return elements;
    }

    @Override
    public GroupElement identity() {
        return element(0, planar.identity());
    }

    @Override
    public GroupElement combine(GroupElement a, GroupElement b) {
        return element((a.flip() + b.flip()) % 2, planar.combine(planarPart(a), planarPart(b)));
    }

    @Override
    public GroupElement inverse(GroupElement a) {
        return element(a.flip(), planar.inverse(planarPart(a)));
    }

    @Override
    public boolean isElement(GroupElement g) {
        return decode(g) != null;
    }

    @Override
    public boolean equal(GroupElement a, GroupElement b, double tolerance) {
        return a.flip() == b.flip() && planar.equal(planarPart(a), planarPart(b), tolerance);
    }

    /** The inversion, then P's generators. */
    @Override
    public List<GroupElement> generators() {
        List<GroupElement> gens = new ArrayList<>();
        gens.add(element(1, planar.identity()));
        for (GroupElement h : planar.generators()) {
            gens.add(element(0, h));
        }
        return Collections.unmodifiableList(gens);
    }

    /** P's testing elements, without and with the inversion. */
    @Override
    public List<GroupElement> testingElements() {
        List<GroupElement> els = new ArrayList<>();
        for (int inv = 0; inv < 2; inv++) {
            for (GroupElement h : planar.testingElements()) {
                els.add(element(inv, h));
            }
        }
        return Collections.unmodifiableList(els);
    }

    /** The trivial subgroup ({@link SubgroupId#planarRotations(int) planarRotations(1)}) and the inversion. */
    @Override
    public Subgroup subgroup(SubgroupId id) {
        if (id.equals(SubgroupId.planarRotations(1))) {
            CyclicGroup sub = new CyclicGroup(1);
            return new Subgroup(this, id, sub, h -> identity(), g -> equal(g, identity(), 1e-9) ? sub.identity() : null);
        }
        if (id.equals(SubgroupId.inversion())) {
            CyclicGroup sub = new CyclicGroup(2);
            return new Subgroup(this, id, sub, h -> element(h.rotationIndex(), planar.identity()),
                    g -> equal(element(0, planarPart(g)), identity(), 1e-9) ? sub.rotation(g.flip()) : null);
        }
        throw new IllegalArgumentException("Subgroups of " + name() + " are SubgroupId.planarRotations(1) and "
                + "SubgroupId.inversion(); got " + id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CylinderGroup && ((CylinderGroup) o).planar.equals(planar);
    }

    @Override
    public int hashCode() {
        return 31 * planar.hashCode() + 11;
    }
}
