package org.e2dl4j.math.group;

/**
 * numpy's legacy {@code np.random.RandomState(seed)}, as far as escnn's random grids use it: the Mersenne
 * Twister MT19937 seeded by {@code init_genrand(seed)}, {@code random()} = (a / 2^5 * 2^26 + b / 2^6) / 2^53 from
 * two 32-bit outputs a, b, {@code randint(0, 2)} = the lowest bit of one 32-bit output, and the legacy
 * {@code normal()} / {@code randn()} (Marsaglia's polar method on two {@code random()} draws, the second value of each
 * pair kept for the next call). Mutable: one instance is one stream; not thread-safe.
 */
final class NumpyRandomState {

    private static final int N = 624;
    private static final int M = 397;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;
    private static final int MATRIX_A = 0x9908b0df;

    private final int[] mt = new int[N];
    private int index;
    private boolean hasGauss;
    private double gauss;

    /** @param seed numpy's integer seed, 0 to 2^32 - 1 */
    NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("numpy's RandomState takes a seed between 0 and 2^32 - 1, got " + seed);
        }
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /** The next 32-bit output (genrand_int32), as an unsigned value. */
    long nextUint32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % N] & LOWER_MASK);
            mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
        }
        index = 0;
    }

    /** {@code random()}: a double in [0, 1) with 53 random bits. */
    double random() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code randint(0, 2)}: 0 or 1 (numpy masks one 32-bit output to its lowest bit). */
    int randomBit() {
        return (int) (nextUint32() & 1);
    }

    /** {@code normal()}: a standard normal value (numpy's legacy Gaussian). */
    double gauss() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2 * random() - 1;
            x2 = 2 * random() - 1;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1 || r2 == 0);
        double f = Math.sqrt(-2 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }
}
