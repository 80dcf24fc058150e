package org.e2dl4j.math.repr;

/**
 * The real spherical harmonics of degree l in escnn's basis and order: the 2l + 1 functions
 * {@code Y_l,m}, m = -l..l, of a direction x on the unit sphere with
 * <pre>
 *   Y_l(R x) = D_l(R) Y_l(x)
 * </pre>
 * for escnn's Wigner D matrix D_l ({@code Representations.irrep(Groups.so3(L), l)}), normalised as escnn's
 * {@code HarmonicPolynomialR3Generator}: |Y_l(x)| = 1 and Y_l(e_z) = e_(m = 0), i.e. Y_l(R e_z) is the central column
 * of D_l(R). In spherical coordinates (theta from +z, phi from +x towards +y):
 * {@code Y_l,0 = P_l(cos theta)}, {@code Y_l,m = sqrt(2) N_l,m P_l^m(cos theta) cos(m phi)} and
 * {@code Y_l,-m = sqrt(2) N_l,m P_l^m(cos theta) sin(m phi)} for m > 0, with the associated Legendre functions P_l^m
 * without the Condon-Shortley phase and {@code N_l,m = sqrt((l - m)! / (l + m)!)}.
 */
public final class SphericalHarmonics {

    private SphericalHarmonics() {
    }

    /**
     * Y_l at the direction of {@code (x, y, z)}.
     *
     * @throws IllegalArgumentException for a negative degree or a point that is zero or not finite
     */
    public static double[] evaluate(int l, double x, double y, double z) {
        if (l < 0) {
            throw new IllegalArgumentException("spherical harmonics need a degree l >= 0, got " + l);
        }
        double r = Math.sqrt(x * x + y * y + z * z);
        if (!(r > 0) || !Double.isFinite(r)) {
            throw new IllegalArgumentException("spherical harmonics need a non-zero finite point, got (" + x + ", "
                    + y + ", " + z + ")");
        }
        double t = z / r;
        double s = Math.sqrt(x * x + y * y) / r;
        double phi = Math.atan2(y, x);
        double[] out = new double[2 * l + 1];
        // Q_m^m = sqrt((2m)!) / (2^m m!) s^m, the normalised P_m^m; then upwards in l
        double qmm = 1;
        for (int m = 0; m <= l; m++) {
            if (m > 0) {
                qmm *= s * Math.sqrt((2.0 * m - 1) / (2.0 * m));
            }
            double q = legendre(l, m, t, qmm);
            if (m == 0) {
                out[l] = q;
            } else {
                out[l + m] = Math.sqrt(2) * q * Math.cos(m * phi);
                out[l - m] = Math.sqrt(2) * q * Math.sin(m * phi);
            }
        }
        return out;
    }

    /** Y_l at the direction of the point {@code p} (x, y, z). */
    public static double[] evaluate(int l, double[] p) {
        if (p == null || p.length != 3) {
            throw new IllegalArgumentException("spherical harmonics need a point (x, y, z), got "
                    + (p == null ? "null" : p.length + " coordinates"));
        }
        return evaluate(l, p[0], p[1], p[2]);
    }

    /** N_l,m P_l^m(t) from N_m,m P_m^m(t) = {@code qmm} by the three-term recurrence in l. */
    private static double legendre(int l, int m, double t, double qmm) {
        if (l == m) {
            return qmm;
        }
        double prev = qmm;
        double cur = t * Math.sqrt(2.0 * m + 1) * qmm;
        for (int k = m + 2; k <= l; k++) {
            double next = ((2.0 * k - 1) * t * cur - Math.sqrt((k - 1.0) * (k - 1) - (double) m * m) * prev)
                    / Math.sqrt((double) k * k - (double) m * m);
            prev = cur;
            cur = next;
        }
        return cur;
    }
}
