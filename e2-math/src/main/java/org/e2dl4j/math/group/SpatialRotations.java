package org.e2dl4j.math.group;

import java.util.OptionalDouble;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/** The planar rotations and flips of R^3 that the subgroups of SO(3) and O(3) are made of. */
final class SpatialRotations {

    /** Quaternion components closer than this to 0 count as 0 when recognising a planar element. */
    static final double TOLERANCE = 1e-9;

    /** The pi rotation about the y axis (the mirror y -> -y is it times the inversion). */
    static final Rotation PI_ABOUT_Y = PolyhedralRotations.fromScipyQuaternion(0, 1, 0, 0);

    private SpatialRotations() {
    }

    /** The rotation by theta about the z axis (counter-clockwise seen from +z). */
    static Rotation aboutZ(double theta) {
        return PolyhedralRotations.fromScipyQuaternion(0, 0, Math.sin(theta / 2), Math.cos(theta / 2));
    }

    /** The pi rotation about the axis (cos(theta/2), sin(theta/2), 0): escnn's image of the O(2) flip r_theta f. */
    static Rotation flipInPlane(double theta) {
        return PolyhedralRotations.fromScipyQuaternion(Math.cos(theta / 2), Math.sin(theta / 2), 0, 0);
    }

    /** theta if r is the rotation by theta about the z axis. */
    static OptionalDouble angleAboutZ(Rotation r) {
        if (Math.abs(r.getQ1()) > TOLERANCE || Math.abs(r.getQ2()) > TOLERANCE) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(2 * Math.atan2(-r.getQ3(), r.getQ0()));
    }

    /** theta if r is the pi rotation {@link #flipInPlane(double) flipInPlane(theta)}. */
    static OptionalDouble flipAngle(Rotation r) {
        if (Math.abs(r.getQ0()) > TOLERANCE || Math.abs(r.getQ3()) > TOLERANCE) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(2 * Math.atan2(-r.getQ2(), -r.getQ1()));
    }

    /** Whether r is the identity rotation. */
    static boolean isIdentity(Rotation r) {
        return r.getAngle() <= TOLERANCE;
    }
}
