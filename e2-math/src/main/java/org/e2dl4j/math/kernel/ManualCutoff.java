package org.e2dl4j.math.kernel;

/**
 * e2cnn's hand-tuned band limits, functions of the ring radius r and of the outer radius R = k / 2 (integer
 * division; not scaled by the dilation):
 * <ul>
 *   <li>{@link #FCO1} (the default): {@code 0 if r == 0, else min(2r, 2 if r == R else 2r - (r+1) mod 2)};</li>
 *   <li>{@link #FCO2}: as FCO1 but 1 on the outer ring;</li>
 *   <li>{@link #FCO3}: {@code 0 if r == 0, 1 if r == R, else 2}.</li>
 * </ul>
 */
public enum ManualCutoff {
    FCO1,
    FCO2,
    FCO3;

    /** The cut-off for a kernel whose outer ring has radius {@code outerRadius} (= kernel size / 2). */
    public FrequencyCutoff forOuterRadius(int outerRadius) {
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
