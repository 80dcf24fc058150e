package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * The angular basis of the kernel constraint {@code k(g x) = psi_out(g) k(x) psi_in(g)^-1} for one pair of
 * irreps (psi_in, psi_out) of a subgroup of O(2): a list of {@link AngularHarmonic}s in e2cnn's order
 * (gamma outer, then s, then the aliasing offset t ascending).
 *
 * <p>With n the input and m the output frequency:
 * <ul>
 *   <li>2 x 2: {@code mu = m - n (-1)^s + t N}, gamma in {0, pi/2} (C_N, SO(2)) or gamma = 0 (D_N, O(2));</li>
 *   <li>2 x 1 and 1 x 2: {@code mu = n + m + t N}, gamma in {0, pi/2} (C_N, SO(2)) or
 *       gamma = f pi/2 with f the flip frequency of the 1-dimensional irrep (D_N, O(2));</li>
 *   <li>1 x 1: {@code mu = m - n + t N >= 0}, gamma in {0, pi/2} (C_N, SO(2)) or
 *       gamma = ((f_in + f_out) mod 2) pi/2 (D_N, O(2), flip), keeping {@code sin(0 phi)} out.</li>
 * </ul>
 * For finite groups the offsets t run over all integers with {@code |mu| <= maximumFrequency} (and
 * {@code |t| <= maximumOffset} when that is set); for SO(2) and O(2) t = 0 and the band limit alone cuts the
 * frequencies. The result is a pure function of its arguments.
 */
public final class IrrepsPairSolution {

    private final PlanarSymmetry symmetry;
    private final PlanarIrrep in;
    private final PlanarIrrep out;
    private final int inSize;
    private final int outSize;
    private final List<AngularHarmonic> harmonics;

    private IrrepsPairSolution(PlanarSymmetry symmetry, PlanarIrrep in, PlanarIrrep out, int inSize, int outSize,
                               List<AngularHarmonic> harmonics) {
        this.symmetry = symmetry;
        this.in = in;
        this.out = out;
        this.inSize = inSize;
        this.outSize = outSize;
        this.harmonics = Collections.unmodifiableList(harmonics);
    }

    /**
     * Solves the constraint for one irreps pair.
     *
     * @param symmetry         the solution family
     * @param rotationOrder    N of C_N / D_N (1 for the trivial group; ignored for SO(2), O(2) and the flip group)
     * @param in               the input irrep
     * @param out              the output irrep
     * @param maximumFrequency the largest |mu| of an aliased harmonic (finite groups), at least 0
     * @param maximumOffset    the largest |t| (finite groups), or empty for no limit
     * @return the solution; its harmonic list may be empty
     */
    public static IrrepsPairSolution of(PlanarSymmetry symmetry, int rotationOrder, PlanarIrrep in, PlanarIrrep out,
                                        int maximumFrequency, OptionalInt maximumOffset) {
        if (!symmetry.isContinuous() && symmetry != PlanarSymmetry.FLIP && rotationOrder < 1) {
            throw new IllegalArgumentException("rotation order of " + symmetry + " must be at least 1, got "
                    + rotationOrder);
        }
        if (maximumFrequency < 0) {
            throw new IllegalArgumentException("maximum frequency must be >= 0, got " + maximumFrequency);
        }
        if (maximumOffset.isPresent() && maximumOffset.getAsInt() < 0) {
            throw new IllegalArgumentException("maximum offset must be >= 0, got " + maximumOffset.getAsInt());
        }
        int inSize = in.size(symmetry, rotationOrder);
        int outSize = out.size(symmetry, rotationOrder);
        Solver solver = new Solver(symmetry, rotationOrder, maximumFrequency, maximumOffset);
        List<AngularHarmonic> list = switch (symmetry) {
            case CYCLIC -> solver.rotations(in, out, inSize, outSize);
            case SO2 -> solver.rotations(in, out, inSize, outSize);
            case DIHEDRAL, O2 -> solver.flipsAndRotations(in, out, inSize, outSize);
            case FLIP -> solver.flips(in, out);
        };
        return new IrrepsPairSolution(symmetry, in, out, inSize, outSize, list);
    }

    public PlanarSymmetry symmetry() {
        return symmetry;
    }

    public PlanarIrrep in() {
        return in;
    }

    public PlanarIrrep out() {
        return out;
    }

    /** Dimension of the input irrep (columns of each harmonic block). */
    public int inSize() {
        return inSize;
    }

    /** Dimension of the output irrep (rows of each harmonic block). */
    public int outSize() {
        return outSize;
    }

    /** The harmonics in e2cnn's order; unmodifiable. */
    public List<AngularHarmonic> harmonics() {
        return harmonics;
    }

    /** Number of harmonics. */
    public int dimension() {
        return harmonics.size();
    }

    /**
     * Writes the {@code outSize x inSize} block of harmonic {@code h} at one point, row-major into
     * {@code dest[destOffset ..]}, from {@code cos(|mu| phi)} and {@code sin(|mu| phi)} at that point.
     *
     * @param h          the harmonic index
     * @param cosAbsMu   cos(|mu| phi) at the point
     * @param sinAbsMu   sin(|mu| phi) at the point
     * @param atOrigin   whether the point is the origin (non-zero frequencies vanish there)
     * @param dest       output array (modified)
     * @param destOffset where the block starts
     */
    void evaluate(int h, double cosAbsMu, double sinAbsMu, boolean atOrigin, double[] dest, int destOffset) {
        AngularHarmonic harmonic = harmonics.get(h);
        int mu = harmonic.frequency();
        int cells = outSize * inSize;
        if (atOrigin && mu != 0) {
            for (int c = 0; c < cells; c++) {
                dest[destOffset + c] = 0.0;
            }
            return;
        }
        double sinMu = mu < 0 ? -sinAbsMu : sinAbsMu;
        // x = mu phi + gamma; gamma = pi/2 turns (cos, sin) into (-sin, cos)
        double cosX = harmonic.quarterPhase() ? -sinMu : cosAbsMu;
        double sinX = harmonic.quarterPhase() ? cosAbsMu : sinMu;
        if (outSize == 2 && inSize == 2) {
            double sign = harmonic.s().orElseThrow() == 1 ? -1.0 : 1.0;
            dest[destOffset] = cosX;
            dest[destOffset + 1] = -sign * sinX;
            dest[destOffset + 2] = sinX;
            dest[destOffset + 3] = sign * cosX;
        } else if (outSize == 1 && inSize == 2) {
            dest[destOffset] = cosX;
            dest[destOffset + 1] = sinX;
        } else if (outSize == 2) {
            dest[destOffset] = cosX;
            dest[destOffset + 1] = sinX;
        } else {
            dest[destOffset] = cosX;
        }
    }

    /** Enumerates the harmonics of one family; holds the frequency limits. */
    private static final class Solver {
        private final PlanarSymmetry symmetry;
        private final int order;
        private final int maximumFrequency;
        private final OptionalInt maximumOffset;
        private final List<AngularHarmonic> result = new ArrayList<>();

        Solver(PlanarSymmetry symmetry, int order, int maximumFrequency, OptionalInt maximumOffset) {
            this.symmetry = symmetry;
            this.order = order;
            this.maximumFrequency = maximumFrequency;
            this.maximumOffset = maximumOffset;
        }

        List<AngularHarmonic> rotations(PlanarIrrep inIrrep, PlanarIrrep outIrrep, int inSize, int outSize) {
            int n = inIrrep.frequency();
            int m = outIrrep.frequency();
            for (boolean quarter : new boolean[] {false, true}) {
                if (inSize == 2 && outSize == 2) {
                    for (int s = 0; s <= 1; s++) {
                        addAliases(m - (s == 0 ? n : -n), quarter, OptionalInt.of(s), false);
                    }
                } else if (inSize == 2 || outSize == 2) {
                    addAliases(n + m, quarter, OptionalInt.empty(), false);
                } else {
                    addAliases(m - n, quarter, OptionalInt.empty(), true);
                }
            }
            return result;
        }

        List<AngularHarmonic> flipsAndRotations(PlanarIrrep inIrrep, PlanarIrrep outIrrep, int inSize, int outSize) {
            int n = inIrrep.frequency();
            int m = outIrrep.frequency();
            if (inSize == 2 && outSize == 2) {
                for (int s = 0; s <= 1; s++) {
                    addAliases(m - (s == 0 ? n : -n), false, OptionalInt.of(s), false);
                }
            } else if (inSize == 2) {
                addAliases(n + m, outIrrep.flipFrequency() == 1, OptionalInt.empty(), false);
            } else if (outSize == 2) {
                addAliases(n + m, inIrrep.flipFrequency() == 1, OptionalInt.empty(), false);
            } else {
                boolean quarter = (inIrrep.flipFrequency() + outIrrep.flipFrequency()) % 2 == 1;
                addAliases(m - n, quarter, OptionalInt.empty(), true);
            }
            return result;
        }

        List<AngularHarmonic> flips(PlanarIrrep inIrrep, PlanarIrrep outIrrep) {
            boolean quarter = (inIrrep.frequency() + outIrrep.frequency()) % 2 == 1;
            int low = 0;
            int high = maximumFrequency;
            if (maximumOffset.isPresent()) {
                high = Math.min(high, maximumOffset.getAsInt());
            }
            for (int t = low; t <= high; t++) {
                add(t, quarter, OptionalInt.empty(), OptionalInt.of(t), true);
            }
            return result;
        }

        /** Adds mu = base + t N for every admissible offset t (or just mu = base for continuous groups). */
        private void addAliases(int base, boolean quarter, OptionalInt s, boolean nonNegative) {
            if (symmetry.isContinuous()) {
                add(base, quarter, s, OptionalInt.empty(), nonNegative);
                return;
            }
            double lowest = nonNegative ? 0 : -maximumFrequency;
            double minOffset = (lowest - base) / order;
            double maxOffset = (double) (maximumFrequency - base) / order;
            if (maximumOffset.isPresent()) {
                minOffset = Math.max(minOffset, -maximumOffset.getAsInt());
                maxOffset = Math.min(maxOffset, maximumOffset.getAsInt());
            }
            for (int t = (int) Math.ceil(minOffset); t <= (int) Math.floor(maxOffset); t++) {
                add(base + t * order, quarter, s, OptionalInt.of(t), nonNegative);
            }
        }

        private void add(int mu, boolean quarter, OptionalInt s, OptionalInt offset, boolean scalarPair) {
            // a 1 x 1 solution sin(0 phi) vanishes everywhere and is not a basis element
            if (scalarPair && mu == 0 && quarter) {
                return;
            }
            result.add(new AngularHarmonic(mu, quarter, s, offset, result.size()));
        }
    }
}
