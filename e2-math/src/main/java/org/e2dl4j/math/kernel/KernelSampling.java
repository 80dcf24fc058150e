package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.e2dl4j.math.SizeLimits;

/**
 * Samples the kept elements of an {@link AnalyticKernelBasis} on the grid, as e2cnn's
 * {@code SingleBlockBasisExpansion}: lift each irreps block through the changes of basis, normalize each element
 * and drop those vanishing on the grid ({@link BasisNormalization}).
 */
final class KernelSampling {

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
        SizeLimits.checkDoubles(SizeLimits.product(mask.cardinality(), outSize, inSize, points),
                SizeLimits.SAMPLED_VALUES, "the sampled basis of a " + outSize + " x " + inSize + " block on the "
                        + grid + " grid (" + mask.cardinality() + " elements x " + outSize + " x " + inSize + " x "
                        + points + " points)");
        SizeLimits.checkDoubles(SizeLimits.product(analytic.radial().rings(), points), SizeLimits.SAMPLED_VALUES,
                "the radial profiles of " + analytic.radial().rings() + " rings on the " + grid + " grid");

        int maxFrequency = 0;
        for (int b = mask.nextSetBit(0); b >= 0; b = mask.nextSetBit(b + 1)) {
            maxFrequency = Math.max(maxFrequency, Math.abs(all.get(b).frequency()));
        }
        double[] angles = new double[points];
        for (int p = 0; p < points; p++) {
            angles[p] = grid.angle(p);
        }
        HarmonicTable table = new HarmonicTable(angles, analytic.angleOrigin(), maxFrequency);
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
        // the angular part of an element, lifted through the changes of basis, is shared by all rings
        double[][] liftedAngular = new double[all.size() / radial.rings()][];
        // per angular part and grid point: sum over (o, i) of its squares, so that an element's squared norm is
        // sum_p radial(p)^2 * pointSquares[p] without a pass over the element
        double[][] pointSquares = new double[liftedAngular.length][];
        double[] block = new double[4 * points];
        double[] partial = new double[2 * inSize * points];
        double[] cell = new double[4];
        int stored = 0;
        for (int b = mask.nextSetBit(0); b >= 0; b = mask.nextSetBit(b + 1)) {
            BasisElement e = all.get(b);
            int angularIndex = e.angularIndex();
            if (liftedAngular[angularIndex] == null) {
                liftedAngular[angularIndex] = liftAngular(analytic, e, table, origin, block, partial, cell);
                pointSquares[angularIndex] = pointSquares(liftedAngular[angularIndex], points);
            }
            double[] angular = liftedAngular[angularIndex];
            int radialBase = e.ringIndex() * points;
            double squares = 0;
            for (int p = 0; p < points; p++) {
                double r = radialValues[radialBase + p];
                squares += r * r * pointSquares[angularIndex][p];
            }
            double scale = 1.0 / BasisNormalization.normalizer(squares, e.outIrrepSize());
            if (BasisNormalization.vanishes(squares * scale * scale)) {
                continue;
            }
            int base = stored * elementSize;
            for (int row = 0; row < outSize * inSize; row++) {
                int offset = row * points;
                for (int p = 0; p < points; p++) {
                    data[base + offset + p] = angular[offset + p] * (radialValues[radialBase + p] * scale);
                }
            }
            kept.add(e);
            stored++;
        }
        if (stored == 0) {
            return Optional.empty();
        }
        double[] values = stored == mask.cardinality() ? data : Arrays.copyOf(data, stored * elementSize);
        return Optional.of(new SampledBasis(outSize, inSize, grid, values, kept));
    }

    /**
     * The angular harmonic of an element placed in its irreps block and lifted through both changes of basis,
     * {@code A[o][i][p] = sum_{a,c} Q_out[o][outStart + a] H[a][c](phi_p) Q_in^-1[inStart + c][i]}, computed as
     * {@code T = H Q_in^-1} then {@code Q_out T}. The scratch arrays hold at least {@code 4 points},
     * {@code 2 inSize points} and 4 values.
     */
    static double[] liftAngular(AnalyticKernelBasis analytic, BasisElement e, HarmonicTable table,
                                        boolean[] origin, double[] block, double[] partial, double[] cell) {
        IrrepDecomposition in = analytic.in();
        IrrepDecomposition out = analytic.out();
        IrrepsPairSolution solution = analytic.solutionOf(e);
        int points = origin.length;
        int rows = e.outIrrepSize();
        int cols = e.inIrrepSize();
        int mu = Math.abs(e.frequency());
        for (int p = 0; p < points; p++) {
            solution.evaluate(e.innerIndex(), table.cos(p, mu), table.sin(p, mu), origin[p], cell, 0);
            for (int c = 0; c < rows * cols; c++) {
                block[c * points + p] = cell[c];
            }
        }
        int inSize = in.size();
        int outSize = out.size();
        int inStart = in.irrepStart(e.inIrrepIndex());
        int outStart = out.irrepStart(e.outIrrepIndex());
        Arrays.fill(partial, 0, rows * inSize * points, 0.0);
        for (int a = 0; a < rows; a++) {
            for (int c = 0; c < cols; c++) {
                int source = (a * cols + c) * points;
                for (int i = 0; i < inSize; i++) {
                    double q = in.qInv(inStart + c, i);
                    if (q == 0.0) {
                        continue;
                    }
                    int target = (a * inSize + i) * points;
                    for (int p = 0; p < points; p++) {
                        partial[target + p] += q * block[source + p];
                    }
                }
            }
        }
        double[] lifted = new double[outSize * inSize * points];
        for (int o = 0; o < outSize; o++) {
            for (int a = 0; a < rows; a++) {
                double q = out.q(o, outStart + a);
                if (q == 0.0) {
                    continue;
                }
                int source = a * inSize * points;
                int target = o * inSize * points;
                for (int k = 0; k < inSize * points; k++) {
                    lifted[target + k] += q * partial[source + k];
                }
            }
        }
        return lifted;
    }

    /** {@code sum_{o,i} A[o][i][p]^2} for every grid point p. */
    private static double[] pointSquares(double[] lifted, int points) {
        double[] squares = new double[points];
        for (int row = 0; row < lifted.length / points; row++) {
            for (int p = 0; p < points; p++) {
                double v = lifted[row * points + p];
                squares[p] += v * v;
            }
        }
        return squares;
    }
}
