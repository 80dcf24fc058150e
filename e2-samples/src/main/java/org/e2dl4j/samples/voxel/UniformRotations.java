package org.e2dl4j.samples.voxel;

import java.util.Random;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * Rotations drawn uniformly (Haar measure on SO(3)) from a seed: a unit quaternion of four independent standard
 * normals, normalized, is uniform on the 3-sphere, and the 3-sphere covers SO(3) twice, evenly.
 */
public final class UniformRotations {

    private final Random random;

    /** The sequence of the given seed. */
    public UniformRotations(long seed) {
        this.random = new Random(seed);
    }

    /** The next rotation of the sequence. */
    public Rotation next() {
        double q0 = random.nextGaussian();
        double q1 = random.nextGaussian();
        double q2 = random.nextGaussian();
        double q3 = random.nextGaussian();
        return new Rotation(q0, q1, q2, q3, true);
    }
}
