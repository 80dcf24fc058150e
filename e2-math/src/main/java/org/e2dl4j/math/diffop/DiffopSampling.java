package org.e2dl4j.math.diffop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import org.e2dl4j.math.SizeLimits;
import org.e2dl4j.math.kernel.BasisNormalization;
import org.e2dl4j.math.kernel.SampledBasis;
import org.e2dl4j.math.kernel.SamplingGrid;

/**
 * Discretizes an {@link AnalyticDiffopBasis} on the grid as e2cnn's R2Diffop does: each entry
 * {@code P = sum_k c_k x^(n-k) y^k} of an element (turned by the angle offset, if any) becomes
 * {@code sum_k c_k S_(n-k,k)} with S the stencil of {@code d^n / (dx^(n-k) dy^k)} ({@link FiniteDifferences},
 * {@link GaussianDerivatives} or {@link RbfFiniteDifferences}); each element is then normalized and dropped if it vanishes on the grid
 * ({@link BasisNormalization}).
 */
final class DiffopSampling {

    private DiffopSampling() {
    }

    static Optional<SampledBasis> sample(AnalyticDiffopBasis analytic, SamplingGrid grid, DiffopPolicy policy) {
        OptionalDouble angleOffset = policy.angleOffset();
        List<DiffopElement> all = analytic.elements();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        int points = grid.size();
        int outSize = analytic.outSize();
        int inSize = analytic.inSize();
        int elementSize = outSize * inSize * points;
        SizeLimits.checkDoubles(SizeLimits.product(all.size(), outSize, inSize, points), SizeLimits.SAMPLED_VALUES,
                "the sampled PDO basis of a " + outSize + " x " + inSize + " block on the " + grid + " grid ("
                        + all.size() + " elements x " + outSize + " x " + inSize + " x " + points + " points)");
        if (policy.finiteDifferences()) {
            checkFiniteDifferences(analytic, grid, angleOffset);
        }
        Stencils stencils = new Stencils(grid, policy);
        double[] data = new double[all.size() * elementSize];
        List<DiffopElement> kept = new ArrayList<>(all.size());
        int stored = 0;
        for (int e = 0; e < all.size(); e++) {
            HomogeneousPolynomial[] symbol = analytic.symbol(e);
            int base = stored * elementSize;
            double squares = 0;
            for (int c = 0; c < symbol.length; c++) {
                HomogeneousPolynomial p = angleOffset.isPresent() ? symbol[c].rotated(angleOffset.getAsDouble())
                        : symbol[c];
                int n = p.degree();
                for (int k = 0; k <= n; k++) {
                    double coefficient = p.coefficient(k);
                    if (coefficient == 0.0) {
                        continue;
                    }
                    double[] stencil = stencils.monomial(n - k, k);
                    for (int q = 0; q < points; q++) {
                        data[base + c * points + q] += coefficient * stencil[q];
                    }
                }
                for (int q = 0; q < points; q++) {
                    double v = data[base + c * points + q];
                    squares += v * v;
                }
            }
            double scale = 1.0 / BasisNormalization.normalizer(squares, all.get(e).outIrrepSize());
            if (BasisNormalization.vanishes(squares * scale * scale)) {
                Arrays.fill(data, base, base + elementSize, 0.0);
                continue;
            }
            for (int v = base; v < base + elementSize; v++) {
                data[v] *= scale;
            }
            kept.add(all.get(e));
            stored++;
        }
        if (stored == 0) {
            return Optional.empty();
        }
        double[] values = stored == all.size() ? data : Arrays.copyOf(data, stored * elementSize);
        return Optional.of(SampledBasis.of(outSize, inSize, grid, values, kept));
    }

    /**
     * Refuses a basis with a derivative along an axis of order k or more: finite differences on k points cannot
     * discretize it (e2cnn fails its assertion there). The message names the element needing the most points.
     */
    private static void checkFiniteDifferences(AnalyticDiffopBasis analytic, SamplingGrid grid,
                                               OptionalDouble angleOffset) {
        int points = grid.kernelSize();
        int needed = 0;
        DiffopElement worst = null;
        for (int e = 0; e < analytic.elements().size(); e++) {
            for (HomogeneousPolynomial symbol : analytic.symbol(e)) {
                HomogeneousPolynomial p = angleOffset.isPresent() ? symbol.rotated(angleOffset.getAsDouble()) : symbol;
                int n = p.degree();
                for (int k = 0; k <= n; k++) {
                    if (p.coefficient(k) != 0.0 && Math.max(n - k, k) + 1 > needed) {
                        needed = Math.max(n - k, k) + 1;
                        worst = analytic.elements().get(e);
                    }
                }
            }
        }
        if (needed > points) {
            throw new IllegalArgumentException("the PDO basis element " + worst.id() + " (order " + worst.order()
                    + ") takes derivatives of order " + (needed - 1) + " along an axis, which finite differences"
                    + " cannot discretize on " + points + " points (the " + grid + " grid); use a kernel size of at"
                    + " least " + (analytic.maximumOrder() + 1) + " for maximum order " + analytic.maximumOrder()
                    + ", a maximum order below " + points + " or smoothing");
        }
    }

    /** The monomial stencils of one grid and discretization, computed once each. */
    private static final class Stencils {
        private final DiffopPolicy policy;
        private final double[] axis;
        private final double[] x;
        private final double[] y;
        private final Map<Long, double[]> cache = new HashMap<>();

        Stencils(SamplingGrid grid, DiffopPolicy policy) {
            this.policy = policy;
            int k = grid.kernelSize();
            axis = new double[k];
            for (int col = 0; col < k; col++) {
                axis[col] = grid.x(col);
            }
            x = new double[grid.size()];
            y = new double[grid.size()];
            for (int p = 0; p < grid.size(); p++) {
                x[p] = grid.x(p);
                y[p] = grid.y(p);
            }
        }

        double[] monomial(int a, int b) {
            return cache.computeIfAbsent(((long) a << 32) | b, key -> {
                if (policy.smoothing().isPresent()) {
                    return GaussianDerivatives.monomial(a, b, x, y, policy.smoothing().getAsDouble());
                }
                if (policy.rbffd()) {
                    return RbfFiniteDifferences.monomial(a, b, x, y, policy.radialBasisFunction());
                }
                return FiniteDifferences.monomial(a, b, axis);
            });
        }
    }
}
