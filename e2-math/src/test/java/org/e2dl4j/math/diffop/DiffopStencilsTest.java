package org.e2dl4j.math.diffop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.math.kernel.SampledBasis;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;

/**
 * The discretizations and the order rules against hand-derived facts: textbook finite-difference stencils,
 * Gaussian derivatives against central differences of the Gaussian, e2cnn's kernel size / accuracy / order rules,
 * the symbols' identities, and the refusals.
 */
class DiffopStencilsTest {

    private static final double[] THREE = {-1, 0, 1};
    private static final double[] FIVE = {-2, -1, 0, 1, 2};

    @Test
    void finiteDifferenceWeightsAreTheTextbookStencils() {
        assertArrayEquals(new double[] {0, 1, 0}, FiniteDifferences.weights(0, THREE), 1e-15);
        assertArrayEquals(new double[] {-0.5, 0, 0.5}, FiniteDifferences.weights(1, THREE), 1e-15);
        assertArrayEquals(new double[] {1, -2, 1}, FiniteDifferences.weights(2, THREE), 1e-15);
        assertArrayEquals(new double[] {1 / 12.0, -2 / 3.0, 0, 2 / 3.0, -1 / 12.0}, FiniteDifferences.weights(1, FIVE),
                1e-15);
        assertArrayEquals(new double[] {-1 / 12.0, 4 / 3.0, -5 / 2.0, 4 / 3.0, -1 / 12.0},
                FiniteDifferences.weights(2, FIVE), 1e-14);
        assertArrayEquals(new double[] {-0.5, 1, 0, -1, 0.5}, FiniteDifferences.weights(3, FIVE), 1e-14);
        assertArrayEquals(new double[] {1, -4, 6, -4, 1}, FiniteDifferences.weights(4, FIVE), 1e-13);
        // dilation 2: the same stencil over twice the spacing
        assertArrayEquals(new double[] {0.25, -0.5, 0.25}, FiniteDifferences.weights(2, new double[] {-2, 0, 2}), 1e-15);
    }

    @Test
    void theMixedStencilIsTheOuterProductInE2cnnsLayout() {
        double[] s = FiniteDifferences.monomial(1, 2, THREE);
        // (row i, column j) holds w_1(s_i) w_2(s_j)
        assertArrayEquals(new double[] {-0.5, 1, -0.5, 0, 0, 0, 0.5, -1, 0.5}, s, 1e-15);
        Rejections.assertRejected(IllegalArgumentException.class, () -> FiniteDifferences.weights(3, THREE),
                "order 3", "at least 4 points", "got 3");
    }

    @Test
    void gaussianDerivativesAreTheDerivativesOfTheGaussian() {
        double smoothing = 1.3;
        double eps = 1 / (smoothing * smoothing);
        double[] x = {0.0, 0.7, -1.2, 2.0};
        double[] y = {0.0, -0.4, 1.1, 1.5};
        double h = 1e-2;
        for (int a = 0; a <= 2; a++) {
            for (int b = 0; b <= 2; b++) {
                double[] got = GaussianDerivatives.monomial(a, b, x, y, smoothing);
                for (int p = 0; p < x.length; p++) {
                    double expected = derivative(a, b, x[p], y[p], eps, h);
                    assertEquals(expected, got[p], 1e-3 * Math.max(1, Math.abs(expected)), "d^" + a + "x d^" + b + "y at point " + p);
                }
            }
        }
    }

    /** Nested central differences of exp(-eps^2 (x^2 + y^2)) (truncation error about h^2 times the derivative). */
    private static double derivative(int a, int b, double x, double y, double eps, double h) {
        if (a > 0) {
            return (derivative(a - 1, b, x + h, y, eps, h) - derivative(a - 1, b, x - h, y, eps, h)) / (2 * h);
        }
        if (b > 0) {
            return (derivative(0, b - 1, x, y + h, eps, h) - derivative(0, b - 1, x, y - h, eps, h)) / (2 * h);
        }
        return Math.exp(-eps * eps * (x * x + y * y));
    }

    @Test
    void kernelSizeAccuracyAndOrderFollowE2cnnsRules() {
        // k = 3: accuracy 2 allows order 2 (boosted: 3 - 2 = 1 is odd); k = 5: order 4; k = 5, accuracy 3: order 2
        assertEquals(2, DiffopPolicy.defaults().maximumOrder(3));
        assertEquals(4, DiffopPolicy.defaults().maximumOrder(5));
        assertEquals(0, DiffopPolicy.defaults().maximumOrder(1));
        assertEquals(2, DiffopPolicy.builder().accuracy(3).build().maximumOrder(5));
        assertEquals(3, DiffopPolicy.requiredPoints(2, 2));
        assertEquals(5, DiffopPolicy.requiredPoints(2, 3));
        assertEquals(1, DiffopPolicy.builder().maximumOrder(4).maximumPower(1).build().maximumPower(5));
        assertEquals(1, DiffopPolicy.builder().maximumOrder(3).build().maximumPower(5));
        Rejections.assertRejected(IllegalArgumentException.class,
                () -> DiffopPolicy.builder().accuracy(2).maximumOrder(2).build(),
                "at most two of kernel size, maximum order and accuracy", "accuracy 2", "maximum order 2");
        Rejections.assertRejected(IllegalArgumentException.class,
                () -> DiffopPolicy.builder().accuracy(4).build().maximumOrder(3),
                "accuracy 4", "kernel size of at least 4", "got kernel size 3");
        Rejections.assertRejected(IllegalArgumentException.class, () -> DiffopPolicy.builder().smoothing(0),
                "smoothing", "positive", "got 0.0");
        Rejections.assertRejected(IllegalArgumentException.class, () -> DiffopPolicy.builder().accuracy(0),
                "accuracy", "at least 1", "got 0");
    }

    @Test
    void chebyshevSymbolsAreTheHarmonicsTimesRadiusPowers() {
        double x = 0.8;
        double y = -0.3;
        double r = Math.hypot(x, y);
        double phi = Math.atan2(y, x);
        for (int mu = -4; mu <= 4; mu++) {
            double scale = Math.pow(r, Math.abs(mu));
            assertEquals(scale * Math.cos(mu * phi), HomogeneousPolynomial.chebyshevT(mu).valueAt(x, y), 1e-14);
            assertEquals(scale * Math.sin(mu * phi), HomogeneousPolynomial.chebyshevU(mu).valueAt(x, y), 1e-14);
            // turned by theta: the value at phi - theta
            double theta = 0.7;
            assertEquals(scale * Math.cos(mu * (phi - theta)),
                    HomogeneousPolynomial.chebyshevT(mu).rotated(theta).valueAt(x, y), 1e-13);
        }
        assertEquals(Math.pow(r, 4), HomogeneousPolynomial.laplacianPower(2).valueAt(x, y), 1e-14);
    }

    @Test
    void anOrderTooHighForTheGridIsRefusedNamingTheElement() {
        GSpace c4 = GSpaces.rot2dOnR2(4);
        List<Representation> trivial = List.of(c4.trivialRepr());
        Rejections.assertRejected(IllegalArgumentException.class, () -> LayerBasis.of(c4, trivial, trivial, 3, 1,
                        new SteerableDiffopSampler(DiffopPolicy.builder().maximumOrder(4).build())),
                "order 4", "finite differences cannot discretize on 3 points", "kernel size of at least 5",
                "smoothing");
        // smoothing has no such limit
        Optional<SampledBasis> smooth = new SteerableDiffopSampler(DiffopPolicy.builder().maximumOrder(4)
                .smoothing(1.0).build()).sample(c4, c4.trivialRepr(), c4.trivialRepr(), 3, 1);
        assertTrue(smooth.isPresent() && smooth.get().dimension() > 0, "smoothed order-4 basis on 3 x 3");
    }
    @Test
    void rbfStencilsReproduceTheDerivativeOnPolynomialsUpToTheirOrder() {
        org.e2dl4j.math.kernel.SamplingGrid grid = new org.e2dl4j.math.kernel.SamplingGrid(5, 1);
        double[] x = new double[grid.size()];
        double[] y = new double[grid.size()];
        for (int p = 0; p < grid.size(); p++) {
            x[p] = grid.x(p);
            y[p] = grid.y(p);
        }
        for (RadialBasisFunction phi : RadialBasisFunction.values()) {
            for (int a = 0; a <= 2; a++) {
                for (int b = 0; a + b <= 3; b++) {
                    double[] w = RbfFiniteDifferences.monomial(a, b, x, y, phi);
                    for (int i = 0; i <= a + b; i++) {
                        for (int j = 0; i + j <= a + b; j++) {
                            double applied = 0;
                            for (int p = 0; p < w.length; p++) {
                                applied += w[p] * Math.pow(x[p], i) * Math.pow(y[p], j);
                            }
                            double expected = i == a && j == b ? factorial(a) * factorial(b) : 0;
                            assertEquals(expected, applied, 1e-8, phi + ": d^" + a + "x d^" + b + "y of x^" + i + " y^" + j);
                        }
                    }
                }
            }
        }
    }

    private static double factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    @Test
    void radialDerivativesAgreeWithTheHermiteFormAndWithCentralDifferences() {
        double[] u = {0.0, 0.6, -1.1};
        double[] v = {0.0, -0.9, 0.4};
        for (int a = 0; a <= 3; a++) {
            for (int b = 0; b <= 2; b++) {
                double[] hermite = GaussianDerivatives.monomial(a, b, u, v, 1.0);
                for (int p = 0; p < u.length; p++) {
                    assertEquals(hermite[p], RbfFiniteDifferences.derivative(a, b, u[p], v[p], RadialBasisFunction.GA),
                            1e-12, "ga d^" + a + "x d^" + b + "y at point " + p);
                }
            }
        }
        double h = 1e-3;
        for (RadialBasisFunction phi : new RadialBasisFunction[] {RadialBasisFunction.IQ, RadialBasisFunction.IMQ,
                RadialBasisFunction.MQ}) {
            for (int p = 0; p < u.length; p++) {
                double dx = (phi.derivative(0, sq(u[p] + h, v[p]), 1) - phi.derivative(0, sq(u[p] - h, v[p]), 1)) / (2 * h);
                assertEquals(dx, RbfFiniteDifferences.derivative(1, 0, u[p], v[p], phi), 1e-6, phi + " d/dx");
                double dyy = (phi.derivative(0, sq(u[p], v[p] + h), 1) - 2 * phi.derivative(0, sq(u[p], v[p]), 1)
                        + phi.derivative(0, sq(u[p], v[p] - h), 1)) / (h * h);
                assertEquals(dyy, RbfFiniteDifferences.derivative(0, 2, u[p], v[p], phi), 1e-5, phi + " d2/dy2");
            }
        }
    }

    private static double sq(double u, double v) {
        return u * u + v * v;
    }

    @Test
    void rbfOptionsAreCheckedTogether() {
        Rejections.assertRejected(IllegalArgumentException.class,
                () -> DiffopPolicy.builder().smoothing(1.0).rbffd(true).build(), "smoothing and RBF-FD",
                "at the same time");
        Rejections.assertRejected(IllegalArgumentException.class,
                () -> DiffopPolicy.builder().radialBasisFunction(RadialBasisFunction.IQ).build(), "iq",
                "only applies to RBF-FD", "set rbffd");
        Rejections.assertRejected(IllegalArgumentException.class, () -> RadialBasisFunction.of("phs3"),
                "unknown radial basis function 'phs3'", "ga, iq, imq, mq");
        assertEquals(RadialBasisFunction.IMQ, RadialBasisFunction.of("imq"));
    }
}
