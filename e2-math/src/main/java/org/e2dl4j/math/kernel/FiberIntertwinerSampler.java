package org.e2dl4j.math.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;

/**
 * The equivariant maps between two fibers, the kernels of a base space that is a single point (escnn's
 * {@code build_fiber_intertwiner_basis}): a basis of {@code Hom_G(rho_in, rho_out)}, the matrices W with
 * {@code W rho_in(g) = rho_out(g) W} for every g. By Schur's lemma the irreps of the two decompositions are only
 * connected to equal irreps, by the endomorphisms of that irrep: the identity for a real irrep, the identity and the
 * quarter turn {@code J = [[0, -1], [1, 0]]} for a 2-dimensional irrep of C_N or SO(2) (complex type). Each element
 * is {@code Q_out E Q_in^-1} with E one such endomorphism in the block (output irrep, input irrep), normalized as
 * escnn does ({@code trace(W W^T) = d_out}, the output irrep's size) and listed in escnn's order: input irreps outer,
 * output irreps inner, the identity before J.
 *
 * <p>Sampled on the 1 x 1 grid, so {@link LayerBasis} lays the basis out over the fields of a layer as it lays out
 * convolution kernels: call it with kernel size 1 and dilation 1. Each element's {@link BasisElement} has radius 0 and
 * the frequency-0 harmonic that draws its endomorphism (phase pi/2 for J). Stateless.
 */
public final class FiberIntertwinerSampler implements PairBasisSampler {

    /** The shared instance. */
    public static final FiberIntertwinerSampler INSTANCE = new FiberIntertwinerSampler();

    /** escnn keeps an element only if its squared norm passes this. */
    private static final double MIN_SQUARED_NORM = 1e-2;

    private FiberIntertwinerSampler() {
    }

    /**
     * @throws IllegalArgumentException if a representation is not one of the G-space's group, or the stencil is not
     *                                  the single point (kernel size 1, dilation 1)
     */
    @Override
    public Optional<SampledBasis> sample(GSpace gspace, Representation in, Representation out, int kernelSize,
                                         int dilation) {
        if (kernelSize != 1 || dilation != 1) {
            throw new IllegalArgumentException("fiber intertwiners live on a single point: expected kernel size 1 and"
                    + " dilation 1, got kernel size " + kernelSize + " and dilation " + dilation);
        }
        for (Representation r : List.of(in, out)) {
            if (!r.group().equals(gspace.fibergroup())) {
                throw new IllegalArgumentException("representation " + r.name() + " of " + r.group().name()
                        + " does not belong to the G-space " + gspace.name());
            }
        }
        List<double[]> values = new ArrayList<>();
        List<BasisElement> elements = new ArrayList<>();
        List<IrreducibleRepresentation> inIrreps = in.irreps();
        List<IrreducibleRepresentation> outIrreps = out.irreps();
        int inOffset = 0;
        int candidate = 0;
        for (int ii = 0; ii < inIrreps.size(); ii++) {
            IrreducibleRepresentation psi = inIrreps.get(ii);
            int outOffset = 0;
            for (int oo = 0; oo < outIrreps.size(); oo++) {
                IrreducibleRepresentation phi = outIrreps.get(oo);
                if (psi.equals(phi)) {
                    for (int s = 0; s < psi.sumOfSquaresConstituents(); s++) {
                        double[] w = element(in, out, inOffset, outOffset, psi.size(), s == 1);
                        double norm = normalize(w, out.size(), in.size(), phi.size());
                        if (norm > MIN_SQUARED_NORM) {
                            values.add(w);
                            AngularHarmonic h = new AngularHarmonic(0, s == 1,
                                    psi.size() == 2 ? OptionalInt.of(0) : OptionalInt.empty(), OptionalInt.empty(), s);
                            elements.add(new BasisElement(psi.name(), ii, phi.name(), oo, psi.size(), phi.size(), 0,
                                    0.0, 0.0, candidate, h, candidate));
                        }
                        candidate++;
                    }
                }
                outOffset += phi.size();
            }
            inOffset += psi.size();
        }
        if (elements.isEmpty()) {
            return Optional.empty();
        }
        int size = out.size() * in.size();
        double[] data = new double[elements.size() * size];
        for (int b = 0; b < values.size(); b++) {
            System.arraycopy(values.get(b), 0, data, b * size, size);
        }
        return Optional.of(new SampledBasis(out.size(), in.size(), new SamplingGrid(1, 1), data, elements));
    }

    /** {@code Q_out E Q_in^-1} row-major [out][in], E the identity or J on the d x d block at (outOffset, inOffset). */
    private static double[] element(Representation in, Representation out, int inOffset, int outOffset, int d,
                                    boolean quarterTurn) {
        double[][] qOut = out.changeOfBasis();
        double[][] qInInv = in.changeOfBasisInv();
        double[] w = new double[out.size() * in.size()];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                double e = quarterTurn ? (r == 1 && c == 0 ? 1 : r == 0 && c == 1 ? -1 : 0) : (r == c ? 1 : 0);
                if (e == 0) {
                    continue;
                }
                for (int o = 0; o < out.size(); o++) {
                    double left = e * qOut[o][outOffset + r];
                    if (left == 0) {
                        continue;
                    }
                    for (int i = 0; i < in.size(); i++) {
                        w[o * in.size() + i] += left * qInInv[inOffset + c][i];
                    }
                }
            }
        }
        return w;
    }

    /**
     * escnn's normalization in place: divides by {@code sqrt(trace(W W^T) / d_out)} (by 1 when that is below 1e-6);
     * returns the squared norm of the result.
     */
    private static double normalize(double[] w, int rows, int cols, int outIrrepSize) {
        double sum = 0;
        for (double v : w) {
            sum += v * v;
        }
        double variance = sum / outIrrepSize;
        double norm = Math.sqrt(variance < 1e-15 ? 0 : variance);
        if (norm < 1e-6) {
            norm = 1;
        }
        double squared = 0;
        for (int k = 0; k < rows * cols; k++) {
            w[k] /= norm;
            squared += w[k] * w[k];
        }
        return squared;
    }

    @Override
    public String toString() {
        return "the fiber intertwiners (no base space)";
    }
}
