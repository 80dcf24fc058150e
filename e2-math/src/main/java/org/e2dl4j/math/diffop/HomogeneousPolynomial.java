package org.e2dl4j.math.diffop;

import java.util.Arrays;

/**
 * A homogeneous polynomial of degree n in two variables, {@code P(x, y) = sum_k c_k x^(n-k) y^k}, stored as its
 * coefficients {@code c_0 .. c_n} (e2cnn's order: x^n, x^(n-1) y, ..., y^n). As the symbol of a PDO it stands for
 * {@code sum_k c_k d^n / (dx^(n-k) dy^k)}. Immutable.
 */
public final class HomogeneousPolynomial {

    private static final HomogeneousPolynomial ONE = new HomogeneousPolynomial(new double[] {1.0});

    private final double[] coefficients;

    private HomogeneousPolynomial(double[] coefficients) {
        this.coefficients = coefficients;
    }

    /** The polynomial with coefficients {@code c_0 .. c_n} (copied); at least one coefficient. */
    public static HomogeneousPolynomial of(double... coefficients) {
        if (coefficients.length == 0) {
            throw new IllegalArgumentException("a homogeneous polynomial needs at least one coefficient");
        }
        return new HomogeneousPolynomial(coefficients.clone());
    }

    /** The zero polynomial of degree n. */
    public static HomogeneousPolynomial zero(int degree) {
        return new HomogeneousPolynomial(new double[degree + 1]);
    }

    /** The constant 1 (the identity operator). */
    public static HomogeneousPolynomial one() {
        return ONE;
    }

    /**
     * {@code Re (x + i y)^mu = r^|mu| cos(mu phi)}, the homogenized Chebyshev polynomial of the first kind
     * (e2cnn's {@code homogenized_cheby(mu, "t")}); of degree |mu|.
     */
    public static HomogeneousPolynomial chebyshevT(int mu) {
        int n = Math.abs(mu);
        double[] c = new double[n + 1];
        for (int k = 0; 2 * k <= n; k++) {
            c[2 * k] = binomial(n, 2 * k) * (k % 2 == 0 ? 1 : -1);
        }
        return new HomogeneousPolynomial(c);
    }

    /**
     * {@code Im (x + i y)^mu = r^|mu| sin(mu phi)}, the homogenized Chebyshev polynomial of the second kind times
     * y (e2cnn's {@code homogenized_cheby(mu, "u")}); of degree |mu|, zero for mu = 0.
     */
    public static HomogeneousPolynomial chebyshevU(int mu) {
        int n = Math.abs(mu);
        double sign = Math.signum(mu);
        double[] c = new double[n + 1];
        for (int k = 0; 2 * k + 1 <= n; k++) {
            c[2 * k + 1] = sign * binomial(n, 2 * k + 1) * (k % 2 == 0 ? 1 : -1);
        }
        return new HomogeneousPolynomial(c);
    }

    /** {@code (x^2 + y^2)^k}, the k-th power of the Laplacian; of degree 2k. */
    public static HomogeneousPolynomial laplacianPower(int k) {
        double[] c = new double[2 * k + 1];
        for (int i = 0; i <= k; i++) {
            c[2 * i] = binomial(k, i);
        }
        return new HomogeneousPolynomial(c);
    }

    private static double binomial(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return Math.rint(b);
    }

    public int degree() {
        return coefficients.length - 1;
    }

    /** c_k, the coefficient of x^(n-k) y^k. */
    public double coefficient(int k) {
        return coefficients[k];
    }

    /** The coefficients c_0 .. c_n (a copy). */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Whether every coefficient is zero. */
    public boolean isZero() {
        for (double c : coefficients) {
            if (c != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** The product, of degree n + m (the composition of the two operators). */
    public HomogeneousPolynomial times(HomogeneousPolynomial other) {
        double[] c = new double[coefficients.length + other.coefficients.length - 1];
        for (int i = 0; i < coefficients.length; i++) {
            for (int j = 0; j < other.coefficients.length; j++) {
                c[i + j] += coefficients[i] * other.coefficients[j];
            }
        }
        return new HomogeneousPolynomial(c);
    }

    /** {@code a P + b Q} for two polynomials of the same degree. */
    public HomogeneousPolynomial combine(double a, HomogeneousPolynomial q, double b) {
        if (q.degree() != degree()) {
            throw new IllegalArgumentException("degrees " + degree() + " and " + q.degree() + " differ");
        }
        double[] c = new double[coefficients.length];
        for (int k = 0; k < c.length; k++) {
            c[k] = a * coefficients[k] + b * q.coefficients[k];
        }
        return new HomogeneousPolynomial(c);
    }

    /** The polynomial with the coefficients of magnitude below {@code threshold} set to zero. */
    public HomogeneousPolynomial withoutBelow(double threshold) {
        double[] c = coefficients.clone();
        for (int k = 0; k < c.length; k++) {
            if (Math.abs(c[k]) < threshold) {
                c[k] = 0.0;
            }
        }
        return new HomogeneousPolynomial(c);
    }

    /**
     * {@code Q(v) = P(R(-theta) v)}: the polynomial turned by theta, so that Q at angle phi equals P at
     * {@code phi - theta} (e2cnn's {@code transform_polynomial} with the rotation matrix of theta).
     */
    public HomogeneousPolynomial rotated(double theta) {
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        int n = degree();
        double[] c = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            if (coefficients[i] == 0.0) {
                continue;
            }
            // x^(n-i) y^i with x -> cos x + sin y, y -> -sin x + cos y
            double[] xs = binomialExpansion(cos, sin, n - i);
            double[] ys = binomialExpansion(-sin, cos, i);
            for (int a = 0; a < xs.length; a++) {
                for (int b = 0; b < ys.length; b++) {
                    c[a + b] += coefficients[i] * xs[a] * ys[b];
                }
            }
        }
        return new HomogeneousPolynomial(c);
    }

    /** The coefficients of {@code (a x + b y)^n}. */
    private static double[] binomialExpansion(double a, double b, int n) {
        double[] c = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            c[k] = binomial(n, k) * Math.pow(a, n - k) * Math.pow(b, k);
        }
        return c;
    }

    /** P at the point (x, y). */
    public double valueAt(double x, double y) {
        int n = degree();
        double v = 0;
        for (int k = 0; k <= n; k++) {
            v += coefficients[k] * Math.pow(x, n - k) * Math.pow(y, k);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HomogeneousPolynomial p && Arrays.equals(coefficients, p.coefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "HomogeneousPolynomial" + Arrays.toString(coefficients);
    }
}
