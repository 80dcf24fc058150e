package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.e2dl4j.math.SizeLimits;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;

/**
 * Samples the 3D steerable kernel basis of one representation pair on the k x k x k grid, as escnn's R3Conv does:
 * for every degree J up to the plan's maximum frequency, every (input irrep, output irrep) pair of the two
 * decompositions and every intertwiner of {@link HarmonicIntertwiners} (cached by {@link KernelBasisCache}), the
 * angular kernel {@code sum_m Y_J^m(x) K[m]} lifted through the changes of basis, times each Gaussian ring whose
 * band limit admits J; each element normalized and dropped when it vanishes on the grid ({@link BasisNormalization}).
 * Elements are ordered by J, then input irrep, output irrep, intertwiner, ring.
 */
final class SphericalKernelSampling {

    private SphericalKernelSampling() {
    }

    /** The sampled basis, or empty when no element survives. */
    static Optional<SampledBasis> sample(GSpace gspace, Representation in, Representation out, SamplingPlan plan) {
        SamplingGrid grid = plan.grid();
        GaussianRadialProfile radial = plan.radialProfile();
        double[] cutoffs = plan.ringCutoffs();
        int maximumDegree = plan.maximumFrequency();
        int points = grid.size();
        int inSize = in.size();
        int outSize = out.size();
        SizeLimits.checkDoubles(SizeLimits.product(radial.rings(), points), SizeLimits.SAMPLED_VALUES,
                "the radial profiles of " + radial.rings() + " rings on the " + grid + " grid");
        double[][] radialValues = new double[radial.rings()][points];
        for (int ring = 0; ring < radial.rings(); ring++) {
            for (int p = 0; p < points; p++) {
                radialValues[ring][p] = radial.value(ring, grid.radius(p));
            }
        }
        List<IrreducibleRepresentation> inIrreps = in.irreps();
        List<IrreducibleRepresentation> outIrreps = out.irreps();
        int[] inStarts = starts(inIrreps);
        int[] outStarts = starts(outIrreps);
        double[][] qOut = out.changeOfBasis();
        double[][] qInInv = in.changeOfBasisInv();

        // the candidates (degree, irreps pair, intertwiner, admitted rings) first, so that the values are written
        // once into an array of the final size (elements vanishing on the grid are rare)
        List<Candidate> candidates = new ArrayList<>();
        long bound = 0;
        for (int degree = 0; degree <= maximumDegree; degree++) {
            List<Integer> rings = new ArrayList<>();
            for (int ring = 0; ring < radial.rings(); ring++) {
                if (degree <= cutoffs[ring]) {
                    rings.add(ring);
                }
            }
            if (rings.isEmpty()) {
                continue;
            }
            for (int ii = 0; ii < inIrreps.size(); ii++) {
                for (int oo = 0; oo < outIrreps.size(); oo++) {
                    List<double[]> solutions = KernelBasisCache.intertwiners(gspace, inIrreps.get(ii),
                            outIrreps.get(oo), degree);
                    for (int s = 0; s < solutions.size(); s++) {
                        candidates.add(new Candidate(degree, ii, oo, s, solutions.get(s), rings));
                        bound += rings.size();
                    }
                }
            }
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        int elementSize = outSize * inSize * points;
        SizeLimits.checkDoubles(SizeLimits.product(bound, elementSize), SizeLimits.SAMPLED_VALUES,
                "the sampled basis of a " + outSize + " x " + inSize + " block on the " + grid + " grid (" + bound
                        + " elements x " + outSize + " x " + inSize + " x " + points + " points)");
        double[] data = new double[(int) bound * elementSize];
        List<SphericalBasisElement> kept = new ArrayList<>();
        double[][] harmonics = null;
        int harmonicsDegree = -1;
        for (Candidate c : candidates) {
            if (c.degree != harmonicsDegree) {
                harmonics = SphericalHarmonicTable.sample(c.degree, grid);
                harmonicsDegree = c.degree;
            }
            IrreducibleRepresentation psiIn = inIrreps.get(c.inIrrep);
            IrreducibleRepresentation psiOut = outIrreps.get(c.outIrrep);
            double[] angular = lift(c.solution, harmonics, qOut, outStarts[c.outIrrep], psiOut.size(), qInInv,
                    inStarts[c.inIrrep], psiIn.size(), points);
            double[] pointSquares = pointSquares(angular, points);
            for (int ring : c.rings) {
                double[] b = radialValues[ring];
                double squares = 0;
                for (int p = 0; p < points; p++) {
                    squares += b[p] * b[p] * pointSquares[p];
                }
                double scale = 1.0 / BasisNormalization.normalizer(squares, psiOut.size());
                if (BasisNormalization.vanishes(squares * scale * scale)) {
                    continue;
                }
                int base = kept.size() * elementSize;
                for (int row = 0; row < outSize * inSize; row++) {
                    int offset = row * points;
                    for (int p = 0; p < points; p++) {
                        data[base + offset + p] = angular[offset + p] * (b[p] * scale);
                    }
                }
                kept.add(new SphericalBasisElement(psiIn.name(), c.inIrrep, psiOut.name(), c.outIrrep,
                        psiIn.size(), psiOut.size(), c.degree, c.innerIndex, ring, radial.radius(ring),
                        radial.sigma(ring)));
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        double[] values = kept.size() == bound ? data : Arrays.copyOf(data, kept.size() * elementSize);
        return Optional.of(new SampledBasis(outSize, inSize, grid, values, kept));
    }

    /** One intertwiner of one irreps pair and degree, with the rings whose band limit admits the degree. */
    private record Candidate(int degree, int inIrrep, int outIrrep, int innerIndex, double[] solution,
                             List<Integer> rings) {
    }

    private static int[] starts(List<IrreducibleRepresentation> irreps) {
        int[] starts = new int[irreps.size()];
        int position = 0;
        for (int k = 0; k < starts.length; k++) {
            starts[k] = position;
            position += irreps.get(k).size();
        }
        return starts;
    }

    /**
     * {@code A[o][i][p] = sum_m Y[m][p] (Q_out[:, block] K[m] Q_in^-1[block, :])[o][i]}: the angular kernel of one
     * intertwiner {@code K[m][a][c]} at every grid point, lifted into the representation pair.
     */
    private static double[] lift(double[] solution, double[][] harmonics, double[][] qOut, int outStart, int rows,
                                 double[][] qInInv, int inStart, int cols, int points) {
        int outSize = qOut.length;
        int inSize = qInInv.length;
        int n = harmonics.length;
        double[] lifted = new double[outSize * inSize * points];
        double[] partial = new double[rows * inSize];
        double[] block = new double[outSize * inSize];
        for (int m = 0; m < n; m++) {
            // partial = K[m] Q_in^-1[block, :], block = Q_out[:, block] partial
            Arrays.fill(partial, 0.0);
            for (int a = 0; a < rows; a++) {
                for (int c = 0; c < cols; c++) {
                    double k = solution[(m * rows + a) * cols + c];
                    if (k == 0.0) {
                        continue;
                    }
                    double[] q = qInInv[inStart + c];
                    for (int i = 0; i < inSize; i++) {
                        partial[a * inSize + i] += k * q[i];
                    }
                }
            }
            Arrays.fill(block, 0.0);
            for (int o = 0; o < outSize; o++) {
                for (int a = 0; a < rows; a++) {
                    double q = qOut[o][outStart + a];
                    if (q == 0.0) {
                        continue;
                    }
                    for (int i = 0; i < inSize; i++) {
                        block[o * inSize + i] += q * partial[a * inSize + i];
                    }
                }
            }
            double[] y = harmonics[m];
            for (int cell = 0; cell < block.length; cell++) {
                double v = block[cell];
                if (v == 0.0) {
                    continue;
                }
                int offset = cell * points;
                for (int p = 0; p < points; p++) {
                    lifted[offset + p] += v * y[p];
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
