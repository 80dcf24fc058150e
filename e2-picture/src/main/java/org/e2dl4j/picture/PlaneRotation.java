package org.e2dl4j.picture;

import java.util.List;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Rotations of the plane by any angle about the centre pixel, acting on the picture's fields as SO(2) does:
 * {@code (r_t . f)(p) = rho(r_t) f(r_t^-1 p)} with rho = 1 on a scalar field and the 2 x 2 rotation by t on a
 * vector field (x right, y up; a positive angle turns counter-clockwise as displayed). Multiples of 90 degrees
 * permute the pixels exactly; other angles resample with e2cnn's order-2 spline ({@link FieldType#transform}), with
 * zeros off the grid.
 */
final class PlaneRotation {

    private static final GSpace PLANE = GSpaces.rot2dOnR2(-1, 1);

    /** One scalar field. */
    static final FieldType SCALAR = FieldType.trivial(PLANE, 1);

    /** One scalar field, then one vector field: channels (s, v_x, v_y). */
    static final FieldType SCALAR_AND_VECTOR = new FieldType(PLANE, List.of(PLANE.trivialRepr(), PLANE.irrep(1)));

    private PlaneRotation() {
    }

    /** The map {@code x} [N, type.size(), H, W] rotated by {@code angle} radians; a new array. */
    static INDArray rotate(INDArray x, FieldType type, double angle) {
        return type.transform(x, GroupElement.continuous(0, angle));
    }
}
