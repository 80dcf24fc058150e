package org.e2dl4j.math.kernel;

/**
 * e2cnn's hand-tuned band limits, functions of the ring radius r and of the outer radius R = k / 2 (integer
 * division; not scaled by the dilation):
 * <ul>
 *   <li>{@link #FCO1} (the default): {@code 0 if r == 0, else min(2r, 2 if r == R else 2r - (r+1) mod 2)};</li>
 *   <li>{@link #FCO2}: as FCO1 but 1 on the outer ring;</li>
 *   <li>{@link #FCO3}: {@code 0 if r == 0, 1 if r == R, else 2}.</li>
 * </ul>
 * escnn's R3Conv keeps FCO2 and FCO3 but replaces its default FCO1 by {@code min(2r, R - r + 2)}
 * ({@link #forOuterRadius(int, int)} with dimensionality 3).
 */
public enum ManualCutoff {
    FCO1,
    FCO2,
    FCO3;

    /** The cut-off of a planar kernel whose outer ring has radius {@code outerRadius} (= kernel size / 2). */
    public FrequencyCutoff forOuterRadius(int outerRadius) {
        return forOuterRadius(outerRadius, 2);
    }

    /**
     * The cut-off of a kernel on the plane (dimensionality 2, e2cnn's R2Conv) or in space (3, escnn's R3Conv)
     * whose outer ring has radius {@code outerRadius} (= kernel size / 2).
     */
    public FrequencyCutoff forOuterRadius(int outerRadius, int dimensionality) {
        if (this == FCO1 && dimensionality == 3) {
            return r -> Math.min(2 * r, outerRadius - r + 2);
        }
        return r -> {
            if (r == 0.0) {
                return 0.0;
            }
            boolean outer = r == outerRadius;
            return switch (this) {
                case FCO1 -> Math.min(2 * r, outer ? 2 : 2 * r - (r + 1) % 2);
                case FCO2 -> Math.min(2 * r, outer ? 1 : 2 * r - (r + 1) % 2);
                case FCO3 -> outer ? 1 : 2;
            };
        };
    }
}
