package org.e2dl4j.math.group;

import java.util.OptionalDouble;
import java.util.function.Function;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * The subgroups of SO(3) and O(3) with their inclusions, after escnn's {@code so3group} / {@code o3group}
 * maps: the planar groups sit about the z axis, the O(2) flip r_theta f of a dihedral subgroup is the pi
 * rotation about the axis at angle theta / 2 in the xy plane, the flip of a conic subgroup is r_theta times the
 * mirror y -> -y.
 */
final class SpatialSubgroups {

    private SpatialSubgroups() {
    }

    /** The subgroup {@code id} of {@code parent} (an {@link SO3Group} or an {@link O3Group}). */
    static Subgroup of(Group parent, SubgroupId id, int maximumFrequency) {
        boolean o3 = parent.kind() == GroupKind.O3;
        if (!id.isSpatial()) {
            throw refused(parent, id, o3);
        }
        int n = id.order();
        switch (id.spatial()) {
            case SO3:
                if (!o3) {
                    return new Subgroup(parent, id, parent, h -> h, g -> g);
                }
                return new Subgroup(parent, id, new SO3Group(maximumFrequency), h -> h,
                        g -> g.flip() == 0 ? g : null);
            case OCTA:
                return polyhedral(parent, id, new OctahedralGroup(false));
            case ICO:
                return polyhedral(parent, id, new IcosahedralGroup(false));
            case FULL_OCTA:
                return o3 ? polyhedral(parent, id, new OctahedralGroup(true)) : null;
            case FULL_ICO:
                return o3 ? polyhedral(parent, id, new IcosahedralGroup(true)) : null;
            case PLANAR_ROTATIONS: {
                Group sub = n == -1 ? new SO2Group(maximumFrequency) : new CyclicGroup(n);
                return new Subgroup(parent, id, sub,
                        h -> GroupElement.spatial(0, SpatialRotations.aboutZ(h.angle())),
                        g -> g.flip() == 0 ? planar(sub, 0, SpatialRotations.angleAboutZ(g.rotation())) : null);
            }
            case PLANAR_DIHEDRAL: {
                if (n == 1) {
                    // escnn's (True, 1): the C_2 of the pi rotation about the flip axis
                    CyclicGroup c2 = new CyclicGroup(2);
                    return conjugated(new Subgroup(parent, id, c2,
                            h -> GroupElement.spatial(0, h.rotationIndex() == 0 ? Rotation.IDENTITY
                                    : SpatialRotations.flipInPlane(0)),
                            g -> g.flip() != 0 ? null : SpatialRotations.isIdentity(g.rotation()) ? c2.rotation(0)
                                    : isFlipAboutX(g.rotation()) ? c2.rotation(1) : null), conjugator(id));
                }
                Group sub = n == -1 ? new O2Group(maximumFrequency) : new DihedralGroup(n);
                return conjugated(new Subgroup(parent, id, sub,
                        h -> GroupElement.spatial(0, h.flip() == 0 ? SpatialRotations.aboutZ(h.angle())
                                : SpatialRotations.flipInPlane(h.angle())),
                        g -> g.flip() != 0 ? null : dihedral(sub, g.rotation())), conjugator(id));
            }
            case CONE:
                return o3 ? conjugated(cone(parent, id, maximumFrequency), conjugator(id)) : null;
            case INVERSION: {
                if (!o3) {
                    return null;
                }
                CyclicGroup sub = new CyclicGroup(2);
                return new Subgroup(parent, id, sub, h -> GroupElement.spatial(h.rotationIndex(), Rotation.IDENTITY),
                        g -> SpatialRotations.isIdentity(g.rotation()) ? sub.rotation(g.flip()) : null);
            }
            case CYLINDER: {
                if (!o3) {
                    return null;
                }
                CylinderGroup sub = Groups.cylinder(n, maximumFrequency);
                return new Subgroup(parent, id, sub, h -> h,
                        g -> sub.isElement(g) ? sub.element(g.flip(), sub.planarPart(g)) : null);
            }
            case FULL_CYLINDER: {
                if (!o3) {
                    return null;
                }
                CylinderGroup sub = Groups.fullCylinder(n, maximumFrequency);
                return conjugated(new Subgroup(parent, id, sub, h -> h,
                        g -> sub.isElement(g) ? sub.element(g.flip(), sub.planarPart(g)) : null), conjugator(id));
            }
            default:
                throw refused(parent, id, o3);
        }
    }

    /**
     * The rotation C with which a dihedral, full cylinder or conic id with axis a conjugates its axis-0 version:
     * h -> C h C^-1; escnn's rotation by a about z (dihedral, full cylinder) or by -a (conic).
     */
    static Rotation conjugator(SubgroupId id) {
        double a = id.axis();
        return SpatialRotations.aboutZ(id.spatial() == SubgroupId.Spatial.CONE ? -a : a);
    }

    /** The subgroup h -> C incl(h) C^-1 (the same subgroup for C = 1). */
    private static Subgroup conjugated(Subgroup s, Rotation c) {
        if (SpatialRotations.isIdentity(c)) {
            return s;
        }
        Rotation ci = c.revert();
        return new Subgroup(s.parent(), s.id(), s.group(),
                h -> {
                    GroupElement g = s.toParent(h);
                    return GroupElement.spatial(g.flip(), c.applyTo(g.rotation()).applyTo(ci));
                },
                g -> s.fromParent(GroupElement.spatial(g.flip(), ci.applyTo(g.rotation()).applyTo(c))).orElse(null));
    }

    /** Throws unless the subgroup exists in the parent. */
    static Subgroup require(Group parent, SubgroupId id, int maximumFrequency) {
        Subgroup s = of(parent, id, maximumFrequency);
        if (s == null) {
            throw refused(parent, id, parent.kind() == GroupKind.O3);
        }
        return s;
    }

    private static IllegalArgumentException refused(Group parent, SubgroupId id, boolean o3) {
        return new IllegalArgumentException("Subgroups of " + parent.name() + " are SubgroupId.so3(), octa(), ico(),"
                + (o3 ? " fullOcta(), fullIco(), cone(N), inversion(), cylinder(N), fullCylinder(N)," : "")
                + " planarRotations(N) and planarDihedral(N) (N = -1 or N >= 1); got " + id);
    }

    private static Subgroup polyhedral(Group parent, SubgroupId id, PolyhedralGroup sub) {
        return new Subgroup(parent, id, sub, h -> GroupElement.spatial(h.flip(), h.rotation()),
                g -> sub.element(g.flip(), g.rotation()).orElse(null));
    }

    private static Subgroup cone(Group parent, SubgroupId id, int maximumFrequency) {
        int n = id.order();
        if (n == 1) {
            CyclicGroup sub = new CyclicGroup(2);
            return new Subgroup(parent, id, sub,
                    h -> GroupElement.spatial(h.rotationIndex(),
                            h.rotationIndex() == 0 ? Rotation.IDENTITY : SpatialRotations.PI_ABOUT_Y),
                    g -> g.flip() == 0 ? (SpatialRotations.isIdentity(g.rotation()) ? sub.rotation(0) : null)
                            : (SpatialRotations.isIdentity(g.rotation().applyTo(SpatialRotations.PI_ABOUT_Y.revert()))
                                    ? sub.rotation(1) : null));
        }
        Group sub = n == -1 ? new O2Group(maximumFrequency) : new DihedralGroup(n);
        Function<GroupElement, GroupElement> toParent = h -> {
            Rotation r = SpatialRotations.aboutZ(h.angle());
            return GroupElement.spatial(h.flip(), h.flip() == 0 ? r : r.applyTo(SpatialRotations.PI_ABOUT_Y));
        };
        Function<GroupElement, GroupElement> fromParent = g -> {
            Rotation r = g.flip() == 0 ? g.rotation() : g.rotation().applyTo(SpatialRotations.PI_ABOUT_Y.revert());
            return planar(sub, g.flip(), SpatialRotations.angleAboutZ(r));
        };
        return new Subgroup(parent, id, sub, toParent, fromParent);
    }

    /** Whether r is the pi rotation about the x axis. */
    private static boolean isFlipAboutX(Rotation r) {
        OptionalDouble theta = SpatialRotations.flipAngle(r);
        return theta.isPresent() && RotationIndex.of(theta.getAsDouble(), 1).isPresent();
    }

    private static GroupElement dihedral(Group sub, Rotation r) {
        OptionalDouble rot = SpatialRotations.angleAboutZ(r);
        return rot.isPresent() ? planar(sub, 0, rot) : planar(sub, 1, SpatialRotations.flipAngle(r));
    }

    /** The element r_theta f^flip of a planar group, or null if theta is absent or not one of the group's angles. */
    private static GroupElement planar(Group sub, int flip, OptionalDouble theta) {
        if (theta.isEmpty()) {
            return null;
        }
        double t = theta.getAsDouble();
        if (!sub.isFinite()) {
            return GroupElement.continuous(flip, t);
        }
        int m = sub.kind() == GroupKind.CYCLIC ? sub.order() : sub.rotationOrder();
        if (flip == 1 && sub.kind() == GroupKind.CYCLIC) {
            return null;
        }
        return RotationIndex.of(t, m).map(k -> GroupElement.finite(flip, k, m)).orElse(null);
    }
}
