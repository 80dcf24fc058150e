package org.e2dl4j.math.kernel;

/**
 * e2cnn's normalization of a sampled basis element (its {@code normalize_basis}) and its test for elements that
 * vanish on the grid, shared by every family of stencils: element b is divided by
 * {@code n_b = sqrt(sum_x trace(K_b(x) K_b(x)^T) / size(output irrep))} (0 below 1e-15 before the root, 1 below
 * 1e-6 after it or when not a number), and dropped when the normalized {@code sum K_b^2 <= 1e-2}.
 */
public final class BasisNormalization {

    private static final double NORM_FLOOR = 1e-15;
    private static final double ROOT_FLOOR = 1e-6;
    private static final double VANISHING = 1e-2;

    private BasisNormalization() {
    }

    /** The normalizer n_b of an element with the given sum of squares and output irrep size. */
    public static double normalizer(double squares, int outIrrepSize) {
        double norm = squares / outIrrepSize;
        if (norm < NORM_FLOOR) {
            norm = 0;
        }
        norm = Math.sqrt(norm);
        if (norm < ROOT_FLOOR || Double.isNaN(norm)) {
            norm = 1;
        }
        return norm;
    }

    /** Whether an element whose normalized values have this sum of squares vanishes on the grid. */
    public static boolean vanishes(double normalizedSquares) {
        return normalizedSquares <= VANISHING;
    }
}
