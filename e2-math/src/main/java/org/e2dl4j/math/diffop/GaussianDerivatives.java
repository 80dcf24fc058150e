package org.e2dl4j.math.diffop;

/**
 * Derivatives of a Gaussian as PDO stencils (e2cnn's {@code smoothing}, method "gauss"): the stencil of
 * {@code d^(a+b) / (dx^a dy^b)} is that derivative of {@code g(x, y) = exp(-(eps r)^2)} with
 * {@code eps = 1 / smoothing^2} (e2cnn passes 1 / smoothing^2 as the shape parameter of rbf's Gaussian),
 * evaluated at the grid points: {@code (-eps)^(a+b) H_a(eps x) H_b(eps y) g(x, y)}, H the physicists' Hermite
 * polynomials.
 */
public final class GaussianDerivatives {

    private GaussianDerivatives() {
    }

    /**
     * The stencil at the points (x_p, y_p).
     *
     * @param smoothing e2cnn's smoothing, positive
     */
    public static double[] monomial(int a, int b, double[] x, double[] y, double smoothing) {
        double eps = 1.0 / (smoothing * smoothing);
        double scale = Math.pow(-eps, a + b);
        double[] stencil = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            double u = eps * x[p];
            double v = eps * y[p];
            stencil[p] = scale * hermite(a, u) * hermite(b, v) * Math.exp(-(u * u + v * v));
        }
        return stencil;
    }

    /** The physicists' Hermite polynomial H_n(t): H_0 = 1, H_1 = 2t, H_(n+1) = 2t H_n - 2n H_(n-1). */
    static double hermite(int n, double t) {
        double previous = 1.0;
        if (n == 0) {
            return previous;
        }
        double current = 2 * t;
        for (int k = 1; k < n; k++) {
            double next = 2 * t * current - 2 * k * previous;
            previous = current;
            current = next;
        }
        return current;
    }
}
