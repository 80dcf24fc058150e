package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Samples the kept elements of an {@link AnalyticKernelBasis} on the grid, as e2cnn's
 * {@code SingleBlockBasisExpansion}: lift each irreps block through the changes of basis, normalize element b by
 * {@code n_b = sqrt(sum_x trace(K_b(x) K_b(x)^T) / size(output irrep))} (0 below 1e-15 before the root, 1 below
 * 1e-6 after it), then drop the elements with {@code sum K_b^2 <= 1e-2} (those vanishing on the grid).
 */
final class KernelSampling {

    private static final double NORM_FLOOR = 1e-15;
    private static final double ROOT_FLOOR = 1e-6;
    private static final double VANISHING = 1e-2;

    private KernelSampling() {
    }

    /** The sampled basis, or empty when no element is kept or all kept elements vanish on the grid. */
    static Optional<SampledBasis> sample(AnalyticKernelBasis analytic, BitSet mask, SamplingGrid grid) {
        if (mask.isEmpty()) {
            return Optional.empty();
        }
        List<BasisElement> all = analytic.elements();
        IrrepDecomposition in = analytic.in();
        IrrepDecomposition out = analytic.out();
        int points = grid.size();
        int outSize = out.size();
        int inSize = in.size();
        int elementSize = outSize * inSize * points;

        int maxFrequency = 0;
        for (int b = mask.nextSetBit(0); b >= 0; b = mask.nextSetBit(b + 1)) {
            maxFrequency = Math.max(maxFrequency, Math.abs(all.get(b).frequency()));
        }
        HarmonicTable table = new HarmonicTable(grid, analytic.angleOrigin(), maxFrequency);
        GaussianRadialProfile radial = analytic.radial();
        double[] radialValues = new double[radial.rings() * points];
        for (int ring = 0; ring < radial.rings(); ring++) {
            for (int p = 0; p < points; p++) {
                radialValues[ring * points + p] = radial.value(ring, grid.radius(p));
            }
        }
        boolean[] origin = new boolean[points];
        for (int p = 0; p < points; p++) {
            origin[p] = grid.isOrigin(p);
        }

        double[] data = new double[mask.cardinality() * elementSize];
        List<BasisElement> kept = new ArrayList<>(mask.cardinality());
        double[] block = new double[4 * points];
        double[] cell = new double[4];
        int stored = 0;
        for (int b = mask.nextSetBit(0); b >= 0; b = mask.nextSetBit(b + 1)) {
            BasisElement e = all.get(b);
            IrrepsPairSolution solution = analytic.solutionOf(e);
            int h = e.innerIndex();
            int mu = Math.abs(e.frequency());
            int rows = e.outIrrepSize();
            int cols = e.inIrrepSize();
            int cells = rows * cols;
            int radialBase = e.ringIndex() * points;
            for (int p = 0; p < points; p++) {
                solution.evaluate(h, table.cos(p, mu), table.sin(p, mu), origin[p], cell, 0);
                double r = radialValues[radialBase + p];
                for (int c = 0; c < cells; c++) {
                    block[c * points + p] = r * cell[c];
                }
            }
            int base = stored * elementSize;
            lift(block, rows, cols, out, out.irrepStart(e.outIrrepIndex()), in, in.irrepStart(e.inIrrepIndex()),
                    points, data, base);
            if (normalize(data, base, elementSize, rows)) {
                kept.add(e);
                stored++;
            } else {
                Arrays.fill(data, base, base + elementSize, 0.0);
            }
        }
        if (stored == 0) {
            return Optional.empty();
        }
        double[] values = stored == mask.cardinality() ? data : Arrays.copyOf(data, stored * elementSize);
        return Optional.of(new SampledBasis(outSize, inSize, grid, values, kept));
    }

    /**
     * {@code K[o][i][p] = sum_{a,c} Q_out[o][outStart + a] block[a][c][p] Q_in^-1[inStart + c][i]}.
     */
    private static void lift(double[] block, int rows, int cols, IrrepDecomposition out, int outStart,
                             IrrepDecomposition in, int inStart, int points, double[] dest, int destBase) {
        int outSize = out.size();
        int inSize = in.size();
        for (int o = 0; o < outSize; o++) {
            for (int i = 0; i < inSize; i++) {
                int target = destBase + (o * inSize + i) * points;
                for (int a = 0; a < rows; a++) {
                    double qo = out.q(o, outStart + a);
                    if (qo == 0.0) {
                        continue;
                    }
                    for (int c = 0; c < cols; c++) {
                        double coefficient = qo * in.qInv(inStart + c, i);
                        if (coefficient == 0.0) {
                            continue;
                        }
                        int source = (a * cols + c) * points;
                        for (int p = 0; p < points; p++) {
                            dest[target + p] += coefficient * block[source + p];
                        }
                    }
                }
            }
        }
    }

    /** Normalizes one element in place; returns whether it survives (does not vanish on the grid). */
    private static boolean normalize(double[] data, int base, int length, int outIrrepSize) {
        double sum = 0;
        for (int k = base; k < base + length; k++) {
            sum += data[k] * data[k];
        }
        double norm = sum / outIrrepSize;
        if (norm < NORM_FLOOR) {
            norm = 0;
        }
        norm = Math.sqrt(norm);
        if (norm < ROOT_FLOOR || Double.isNaN(norm)) {
            norm = 1;
        }
        double squares = 0;
        for (int k = base; k < base + length; k++) {
            data[k] /= norm;
            squares += data[k] * data[k];
        }
        return squares > VANISHING;
    }
}
