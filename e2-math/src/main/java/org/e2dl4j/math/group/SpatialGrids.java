package org.e2dl4j.math.group;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The point sets behind the grids of SO(3) and O(3) ({@link GroupGrid}), as escnn builds them:
 * <ul>
 *   <li>rotations: the platonic rotation groups in escnn's (SciPy's) order, and SciPy's {@code Rotation.random(N,
 *       seed)}: N quaternions [x, y, z, w] of four numpy normals each, normalized;</li>
 *   <li>points on the sphere: the orbit of e_z (of (1, 1, 1) / sqrt 3 for {@code cube_vertices}) under a platonic
 *       group, in the order of first appearance; the Fibonacci points i &lt; N: y = 1 - 2 i / (N - 1), x + i z =
 *       sqrt(1 - y^2) e^(i pi (3 - sqrt 5) i); N numpy normal 3-vectors, normalized.</li>
 * </ul>
 */
final class SpatialGrids {

    private static final double SAME_POINT = 1e-8;

    private SpatialGrids() {
    }

    /** SciPy's {@code Rotation.random(n, RandomState(seed))}, followed in O(3) by a {@code randint(0, 2)} each. */
    static List<GroupElement> random(int n, long seed, boolean inversions) {
        NumpyRandomState random = new NumpyRandomState(seed);
        List<Rotation> rotations = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double x = random.gauss();
            double y = random.gauss();
            double z = random.gauss();
            double w = random.gauss();
            rotations.add(PolyhedralRotations.fromScipyQuaternion(x, y, z, w));
        }
        List<GroupElement> out = new ArrayList<>(n);
        for (Rotation r : rotations) {
            out.add(GroupElement.spatial(inversions ? random.randomBit() : 0, r));
        }
        return out;
    }

    /** The orbit of {@code origin} under {@code rotations}, each point once, in the order of first appearance. */
    static List<Vector3D> orbit(Rotation[] rotations, Vector3D origin) {
        List<Vector3D> points = new ArrayList<>();
        for (Rotation r : rotations) {
            Vector3D p = r.applyTo(origin);
            if (points.stream().noneMatch(q -> q.distance(p) < SAME_POINT)) {
                points.add(p);
            }
        }
        return points;
    }

    /** escnn's Fibonacci points on the sphere, n &gt;= 2. */
    static List<Vector3D> fibonacci(int n) {
        double phi = Math.PI * (3 - Math.sqrt(5));
        List<Vector3D> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double y = 1 - 2 * (i / (double) (n - 1));
            double radius = Math.sqrt(1 - y * y);
            double theta = phi * i;
            points.add(new Vector3D(Math.cos(theta) * radius, y, Math.sin(theta) * radius));
        }
        return points;
    }

    /** {@code RandomState(seed).randn(n, 3)}, each row normalized. */
    static List<Vector3D> randomPoints(int n, long seed) {
        NumpyRandomState random = new NumpyRandomState(seed);
        List<Vector3D> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double x = random.gauss();
            double y = random.gauss();
            double z = random.gauss();
            points.add(new Vector3D(x, y, z).normalize());
        }
        return points;
    }

    /**
     * A rotation R with R e_z = p: a representative of the coset of p in SO(3) / SO(2) or O(3) / O(2) (the function
     * on the sphere is constant on the coset, so which one does not matter).
     */
    static Rotation representative(Vector3D p) {
        return new Rotation(Vector3D.PLUS_K, p);
    }
}
