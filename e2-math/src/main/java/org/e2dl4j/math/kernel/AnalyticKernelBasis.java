package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The analytic (continuous) steerable kernel basis of one representation pair before sampling: every Gaussian
 * ring times every angular solution, where the angular basis stacks the irreps-pair solutions block-diagonally
 * (input irrep position outer, output irrep position inner) and is lifted by the change of basis
 * {@code K = Q_out K_irreps Q_in^-1}. Element order is e2cnn's: ring outer, angular inner.
 */
final class AnalyticKernelBasis {

    private final PlanarSymmetry symmetry;
    private final double axis;
    private final IrrepDecomposition in;
    private final IrrepDecomposition out;
    private final GaussianRadialProfile radial;
    private final List<BasisElement> elements;
    /** Per angular index: the irreps solution and the harmonic in it. */
    private final IrrepsPairSolution[] angularSolution;

    AnalyticKernelBasis(PlanarSymmetry symmetry, int rotationOrder, double axis, IrrepDecomposition in,
                        IrrepDecomposition out, GaussianRadialProfile radial, int maximumFrequency,
                        OptionalInt maximumOffset) {
        this.symmetry = symmetry;
        this.axis = axis;
        this.in = in;
        this.out = out;
        this.radial = radial;
        Map<List<PlanarIrrep>, IrrepsPairSolution> solved = new HashMap<>();
        List<IrrepsPairSolution> perAngular = new ArrayList<>();
        List<int[]> positions = new ArrayList<>();
        for (int ii = 0; ii < in.irrepCount(); ii++) {
            for (int oo = 0; oo < out.irrepCount(); oo++) {
                PlanarIrrep inIrrep = in.irrep(ii);
                PlanarIrrep outIrrep = out.irrep(oo);
                IrrepsPairSolution solution = solved.computeIfAbsent(List.of(inIrrep, outIrrep),
                        k -> IrrepsPairSolution.of(symmetry, rotationOrder, inIrrep, outIrrep, maximumFrequency,
                                maximumOffset));
                for (int h = 0; h < solution.dimension(); h++) {
                    perAngular.add(solution);
                    positions.add(new int[] {ii, oo, h});
                }
            }
        }
        this.angularSolution = perAngular.toArray(new IrrepsPairSolution[0]);
        int angularDimension = angularSolution.length;
        List<BasisElement> list = new ArrayList<>(radial.rings() * angularDimension);
        for (int ring = 0; ring < radial.rings(); ring++) {
            for (int a = 0; a < angularDimension; a++) {
                int[] pos = positions.get(a);
                IrrepsPairSolution solution = angularSolution[a];
                list.add(new BasisElement(in.irrepName(pos[0]), pos[0], out.irrepName(pos[1]), pos[1],
                        solution.inSize(), solution.outSize(), ring, radial.radius(ring), radial.sigma(ring), a,
                        solution.harmonics().get(pos[2]), ring * angularDimension + a));
            }
        }
        this.elements = Collections.unmodifiableList(list);
    }

    /** The reflection axis the angles are measured from (0 for rotation-only groups). */
    double angleOrigin() {
        return symmetry.hasReflections() ? axis : 0.0;
    }

    IrrepDecomposition in() {
        return in;
    }

    IrrepDecomposition out() {
        return out;
    }

    GaussianRadialProfile radial() {
        return radial;
    }

    /** All analytic elements, in order. */
    List<BasisElement> elements() {
        return elements;
    }

    /** The irreps-pair solution behind an element. */
    IrrepsPairSolution solutionOf(BasisElement element) {
        return angularSolution[element.angularIndex()];
    }

    /** The elements the plan's band limit and filter keep. */
    BitSet mask(SamplingPlan plan) {
        BitSet mask = new BitSet(elements.size());
        for (int b = 0; b < elements.size(); b++) {
            if (plan.admits(elements.get(b))) {
                mask.set(b);
            }
        }
        return mask;
    }
}
