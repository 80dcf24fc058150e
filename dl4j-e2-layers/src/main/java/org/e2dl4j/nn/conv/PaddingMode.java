package org.e2dl4j.nn.conv;

/**
 * How a steerable convolution pads its input (e2cnn's {@code padding_mode}, which follows
 * {@code torch.nn.Conv2d}): by {@code padding} pixels on every side, with zeros or with values taken from the
 * input, before an unpadded convolution. With {@code x} an input row of size n and {@code j} a position outside
 * it ({@code j < 0} or {@code j >= n}):
 * <ul>
 *   <li>{@link #ZEROS}: 0 (the default);</li>
 *   <li>{@link #REFLECT}: {@code x[-j]} and {@code x[2(n-1) - j]}, the mirror image without repeating the edge
 *       (needs {@code padding < n});</li>
 *   <li>{@link #REPLICATE}: {@code x[0]} and {@code x[n-1]}, the edge repeated;</li>
 *   <li>{@link #CIRCULAR}: {@code x[j mod n]}, the input wrapped around (needs {@code padding <= n}).</li>
 * </ul>
 * Each pads the two spatial axes one after the other with the same rule, so all four commute with the rotations
 * by multiples of 90 degrees and the axis flips of a square input: the convolution stays equivariant on them.
 */
public enum PaddingMode {
    ZEROS,
    REFLECT,
    REPLICATE,
    CIRCULAR;

    /**
     * The input position whose value lands at padded position {@code j} ({@code 0 <= j < n + 2 padding}) of a row
     * of size n.
     */
    int source(int j, int padding, int n) {
        int i = j - padding;
        if (i >= 0 && i < n) {
            return i;
        }
        return switch (this) {
            case REFLECT -> i < 0 ? -i : 2 * (n - 1) - i;
            case REPLICATE -> i < 0 ? 0 : n - 1;
            case CIRCULAR -> Math.floorMod(i, n);
            case ZEROS -> throw new IllegalStateException("zero padding copies no input value");
        };
    }

    /**
     * Checks that a spatial size of n admits this padding (as PyTorch: reflect needs {@code padding < n},
     * circular {@code padding <= n}).
     *
     * @throws IllegalArgumentException naming the mode, the padding and the size
     */
    void checkSize(int padding, long n) {
        boolean ok = switch (this) {
            case ZEROS, REPLICATE -> true;
            case REFLECT -> padding < n;
            case CIRCULAR -> padding <= n;
        };
        if (!ok) {
            throw new IllegalArgumentException(name() + " padding by " + padding + " needs every spatial size "
                    + (this == REFLECT ? "> " : ">= ") + padding + ", got " + n);
        }
    }
}
