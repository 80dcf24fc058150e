package org.e2dl4j.math.kernel;

/**
 * {@code cos(m phi_p)} and {@code sin(m phi_p)} for every point p (of a grid or any list) and {@code m = 0 .. M},
 * with {@code phi_p} the angle of the point measured from a reference axis. Built by the angle-addition recurrence
 * {@code cos((m+1) phi) = cos(m phi) cos(phi) - sin(m phi) sin(phi)} (and the matching one for sin), so one
 * table costs two trigonometric calls per point.
 */
final class HarmonicTable {

    private final int maximumFrequency;
    private final double[] cos;
    private final double[] sin;

    /**
     * @param angles           the polar angle of every point
     * @param axis             the angle subtracted from every point's angle (0 for rotation groups)
     * @param maximumFrequency M, the largest |mu| needed
     */
    HarmonicTable(double[] angles, double axis, int maximumFrequency) {
        this.maximumFrequency = maximumFrequency;
        int points = angles.length;
        int width = maximumFrequency + 1;
        cos = new double[points * width];
        sin = new double[points * width];
        for (int p = 0; p < points; p++) {
            double phi = angles[p] - axis;
            double c1 = Math.cos(phi);
            double s1 = Math.sin(phi);
            int base = p * width;
            cos[base] = 1.0;
            sin[base] = 0.0;
            for (int m = 1; m <= maximumFrequency; m++) {
                double c = cos[base + m - 1];
                double s = sin[base + m - 1];
                cos[base + m] = c * c1 - s * s1;
                sin[base + m] = s * c1 + c * s1;
            }
        }
    }

    /** cos(m phi_p), for 0 &lt;= m &lt;= M. */
    double cos(int p, int m) {
        return cos[p * (maximumFrequency + 1) + m];
    }

    /** sin(m phi_p), for 0 &lt;= m &lt;= M. */
    double sin(int p, int m) {
        return sin[p * (maximumFrequency + 1) + m];
    }
}
