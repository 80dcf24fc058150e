package org.e2dl4j.math.diffop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.e2dl4j.math.SizeLimits;
import org.e2dl4j.math.kernel.BasisNormalization;
import org.e2dl4j.math.kernel.SampledBasis;
import org.e2dl4j.math.kernel.SamplingGrid;

/**
 * Discretizes an {@link AnalyticDiffopBasis} on the grid as e2cnn's R2Diffop does: each entry
 * {@code P = sum_k c_k x^(n-k) y^k} of an element (turned by the angle offset, if any) becomes
 * {@code sum_k c_k S_(n-k,k)} with S the stencil of {@code d^n / (dx^(n-k) dy^k)} ({@link FiniteDifferences}
 * or {@link GaussianDerivatives}); each element is then normalized and dropped if it vanishes on the grid
 * ({@link BasisNormalization}).
 */
final class DiffopSampling {

    private DiffopSampling() {
    }

    static Optional<SampledBasis> sample(AnalyticDiffopBasis analytic, SamplingGrid grid, OptionalDouble angleOffset,
                                         OptionalDouble smoothing) {
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
        Stencils stencils = new Stencils(grid, smoothing);
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
                    double[] stencil = stencils.monomial(n - k, k, all.get(e));
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

    /** The monomial stencils of one grid and discretization, computed once each. */
    private static final class Stencils {
        private final SamplingGrid grid;
        private final OptionalDouble smoothing;
        private final double[] axis;
        private final double[] x;
        private final double[] y;
        private final java.util.Map<Long, double[]> cache = new java.util.HashMap<>();

        Stencils(SamplingGrid grid, OptionalDouble smoothing) {
            this.grid = grid;
            this.smoothing = smoothing;
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

        double[] monomial(int a, int b, DiffopElement element) {
            return cache.computeIfAbsent(((long) a << 32) | b, key -> {
                if (smoothing.isPresent()) {
                    return GaussianDerivatives.monomial(a, b, x, y, smoothing.getAsDouble());
                }
                int needed = Math.max(a, b) + 1;
                if (needed > axis.length) {
                    throw new IllegalArgumentException("the PDO basis element " + element.id() + " (order "
                            + element.order() + ") takes derivatives of order " + (needed - 1) + " along an axis,"
                            + " which finite differences cannot discretize on " + axis.length + " points (the " + grid
                            + " grid); use a kernel size of at least " + needed + ", a maximum order below "
                            + axis.length + " or smoothing");
                }
                return FiniteDifferences.monomial(a, b, axis);
            });
        }
    }
}
