package org.e2dl4j.math;

import java.util.Locale;

/**
 * The largest objects this library builds, and the check that refuses a larger request before it is
 * allocated, naming what was asked for and how much memory it would need.
 *
 * <ul>
 *   <li>{@link #ARRAY_LENGTH}: any one array of values (a layer's weights, its dense filter, a sampled pair
 *       basis): the longest Java array, {@code 2^31 - 9} entries, since weights and bases pass through
 *       {@code double[]} and ND4J's convolutions index the filter with it;</li>
 *   <li>{@link #DENSE_MATRIX_ENTRIES}: a dense square matrix of a representation (its change of basis and
 *       inverse, each held in full): {@code 2^24} entries, a representation of at most 4096 channels
 *       (134 MB per matrix);</li>
 *   <li>{@link #SAMPLED_VALUES}: the values of one sampled pair basis (or its radial profiles):
 *       {@code 2^27} doubles (1.07 GB);</li>
 *   <li>{@link #GROUP_ORDER}: the elements a finite group lists: {@code 2^20}; {@link #MAXIMUM_FREQUENCY}
 *       the irreps SO(2) and O(2) build: frequencies up to {@code 2^20};</li>
 *   <li>{@link #CHANNELS}: the channels of one field type: {@code 2^24};</li>
 *   <li>{@link #KERNEL_SIZE}: the side of a sampling grid: 255 (a pair basis grows as k^4).</li>
 * </ul>
 */
public final class SizeLimits {

    /** The most entries of one array of values (weights, filter, sampled basis): {@code 2^31 - 9}. */
    public static final long ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /** The most entries of one dense representation matrix: {@code 2^24} (4096 x 4096). */
    public static final long DENSE_MATRIX_ENTRIES = 1L << 24;

    /** The most values of one sampled pair basis: {@code 2^27} doubles (1.07 GB). */
    public static final long SAMPLED_VALUES = 1L << 27;

    /** The largest order of a finite group: {@code 2^20} elements. */
    public static final int GROUP_ORDER = 1 << 20;

    /** The largest maximum irrep frequency of SO(2) and O(2): {@code 2^20}. */
    public static final int MAXIMUM_FREQUENCY = 1 << 20;

    /** The most channels of one field type: {@code 2^24}. */
    public static final long CHANNELS = 1L << 24;

    /** The largest side k of a k x k sampling grid: 255. */
    public static final int KERNEL_SIZE = 255;

    private SizeLimits() {
    }

    /**
     * Refuses {@code count} doubles beyond {@code limit}.
     *
     * @param count the number of values requested (may be {@link Long#MAX_VALUE} for an overflowing product)
     * @param limit the largest number this library builds
     * @param what  what would hold them, e.g. "the filter of ... (8000 x 8000 x 3 x 3)"
     * @throws IllegalArgumentException "WHAT would hold COUNT doubles (SIZE); the largest this library builds
     *                                  holds LIMIT (SIZE)"
     */
    public static void checkDoubles(long count, long limit, String what) {
        if (count > limit) {
            throw new IllegalArgumentException(what + " would hold " + count + " doubles (" + bytes(count)
                    + "); the largest this library builds holds " + limit + " (" + bytes(limit) + ")");
        }
    }

    /**
     * Refuses a count (of elements, channels, ...) beyond {@code limit}.
     *
     * @throws IllegalArgumentException "WHAT would have COUNT UNIT; the largest this library builds has LIMIT"
     */
    public static void checkCount(long count, long limit, String unit, String what) {
        if (count > limit) {
            throw new IllegalArgumentException(what + " would have " + count + " " + unit
                    + "; the largest this library builds has " + limit);
        }
    }

    /** The product of non-negative factors, or {@link Long#MAX_VALUE} where it overflows. */
    public static long product(long... factors) {
        long p = 1;
        for (long f : factors) {
            if (f < 0) {
                throw new IllegalArgumentException("size factors are non-negative, got " + f);
            }
            if (f != 0 && p > Long.MAX_VALUE / f) {
                return Long.MAX_VALUE;
            }
            p *= f;
        }
        return p;
    }

    /** The memory of {@code count} doubles in decimal units: "80.0 GB". */
    static String bytes(long count) {
        double b = count * 8.0;
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        int u = 0;
        while (b >= 1000 && u < units.length - 1) {
            b /= 1000;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f bytes", b) : String.format(Locale.ROOT, "%.1f %s", b, units[u]);
    }
}
