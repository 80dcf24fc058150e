package org.e2dl4j.math.diffop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

import org.e2dl4j.math.kernel.AngularHarmonic;
import org.e2dl4j.math.kernel.IrrepsPairSolution;
import org.e2dl4j.math.kernel.PlanarIrrep;
import org.e2dl4j.math.kernel.PlanarSymmetry;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;

/**
 * The analytic basis of G-equivariant PDOs between two representations, up to a maximum order (e2cnn's
 * {@code TensorBasis} of a {@code SteerableDiffopBasis} and a {@code LaplaceProfile}, filtered by order).
 *
 * <p>For every (input irrep, output irrep) pair, each angular solution of the kernel constraint
 * ({@link IrrepsPairSolution}, frequencies up to the maximum order) becomes a block of homogenized Chebyshev
 * polynomials: {@code cos(mu phi + gamma)} and {@code sin(mu phi + gamma)} turn into {@code T_mu} / {@code U_mu}
 * (gamma = 0) or {@code -U_mu} / {@code T_mu} (gamma = pi/2), except that a 1 x 1 block with gamma = pi/2 is
 * {@code +U_mu}, as e2cnn writes it. For groups with reflections the block is turned by the reflection axis. The
 * block is lifted through the changes of basis ({@code B P A^-1}) and composed with the powers
 * {@code 0 .. maximumPower} of the Laplacian; elements of order {@code |mu| + 2 power} above the maximum are left
 * out. Coefficients below 1e-8 are set to zero after each step, as e2cnn does. Immutable.
 */
final class AnalyticDiffopBasis {

    private static final double TINY = 1e-8;

    private final int outSize;
    private final int inSize;
    private final int maximumOrder;
    private final List<DiffopElement> elements;
    /** Per element, the {@code outSize x inSize} polynomials, row-major. */
    private final List<HomogeneousPolynomial[]> symbols;

    private AnalyticDiffopBasis(int outSize, int inSize, int maximumOrder, List<DiffopElement> elements,
                                List<HomogeneousPolynomial[]> symbols) {
        this.outSize = outSize;
        this.inSize = inSize;
        this.maximumOrder = maximumOrder;
        this.elements = Collections.unmodifiableList(elements);
        this.symbols = Collections.unmodifiableList(symbols);
    }

    static AnalyticDiffopBasis of(PlanarSymmetry symmetry, int rotationOrder, double axis, Representation in,
                                  Representation out, int maximumOrder, int maximumPower, OptionalInt maximumOffset,
                                  boolean finiteDifferences) {
        List<IrreducibleRepresentation> inIrreps = in.irreps();
        List<IrreducibleRepresentation> outIrreps = out.irreps();
        List<DiffopElement> elements = new ArrayList<>();
        List<HomogeneousPolynomial[]> symbols = new ArrayList<>();
        int index = 0;
        int inStart = 0;
        for (int ii = 0; ii < inIrreps.size(); ii++) {
            IrreducibleRepresentation inIrrep = inIrreps.get(ii);
            int outStart = 0;
            for (int oo = 0; oo < outIrreps.size(); oo++) {
                IrreducibleRepresentation outIrrep = outIrreps.get(oo);
                IrrepsPairSolution solution = IrrepsPairSolution.of(symmetry, rotationOrder, planar(inIrrep),
                        planar(outIrrep), maximumOrder, maximumOffset);
                for (AngularHarmonic h : solution.harmonics()) {
                    HomogeneousPolynomial[] block = block(h, outIrrep.size(), inIrrep.size());
                    if (symmetry.hasReflections() && axis != 0.0) {
                        for (int c = 0; c < block.length; c++) {
                            block[c] = block[c].rotated(axis);
                        }
                    }
                    tidy(block);
                    HomogeneousPolynomial[] lifted = lift(block, in, out, inStart, outStart, inIrrep.size(),
                            outIrrep.size(), Math.abs(h.frequency()));
                    for (int power = 0; power <= maximumPower; power++, index++) {
                        DiffopElement e = new DiffopElement(inIrrep.name(), ii, outIrrep.name(), oo, inIrrep.size(),
                                outIrrep.size(), h, power, finiteDifferences && Math.abs(h.frequency()) + 2 * power == 0,
                                index);
                        if (e.order() > maximumOrder) {
                            continue;
                        }
                        HomogeneousPolynomial laplacian = HomogeneousPolynomial.laplacianPower(power);
                        HomogeneousPolynomial[] symbol = new HomogeneousPolynomial[lifted.length];
                        for (int c = 0; c < lifted.length; c++) {
                            symbol[c] = lifted[c].times(laplacian);
                        }
                        tidy(symbol);
                        elements.add(e);
                        symbols.add(symbol);
                    }
                }
                outStart += outIrrep.size();
            }
            inStart += inIrrep.size();
        }
        return new AnalyticDiffopBasis(out.size(), in.size(), maximumOrder, elements, symbols);
    }

    private static PlanarIrrep planar(IrreducibleRepresentation irrep) {
        return new PlanarIrrep(irrep.flipFrequency(), irrep.frequency());
    }

    /** The irreps block of one angular solution as polynomials of degree |mu|, row-major. */
    private static HomogeneousPolynomial[] block(AngularHarmonic h, int rows, int cols) {
        int mu = h.frequency();
        HomogeneousPolynomial t = HomogeneousPolynomial.chebyshevT(mu);
        HomogeneousPolynomial u = HomogeneousPolynomial.chebyshevU(mu);
        HomogeneousPolynomial zero = HomogeneousPolynomial.zero(Math.abs(mu));
        boolean quarter = h.quarterPhase();
        HomogeneousPolynomial cos = quarter ? zero.combine(1, u, -1) : t;
        HomogeneousPolynomial sin = quarter ? t : u;
        if (rows == 2 && cols == 2) {
            double sign = h.s().orElseThrow() == 1 ? -1.0 : 1.0;
            return new HomogeneousPolynomial[] {cos, zero.combine(1, sin, -sign), sin, zero.combine(1, cos, sign)};
        }
        if (rows == 2 || cols == 2) {
            return new HomogeneousPolynomial[] {cos, sin};
        }
        return new HomogeneousPolynomial[] {quarter ? u : t};
    }

    /** {@code B P A^-1} with P the irreps block placed at (outStart, inStart). */
    private static HomogeneousPolynomial[] lift(HomogeneousPolynomial[] block, Representation in, Representation out,
                                                int inStart, int outStart, int cols, int rows, int degree) {
        double[][] b = out.changeOfBasis();
        double[][] aInv = in.changeOfBasisInv();
        int outSize = out.size();
        int inSize = in.size();
        HomogeneousPolynomial zero = HomogeneousPolynomial.zero(degree);
        // T = P A^-1: rows x inSize
        HomogeneousPolynomial[] partial = new HomogeneousPolynomial[rows * inSize];
        for (int a = 0; a < rows; a++) {
            for (int j = 0; j < inSize; j++) {
                HomogeneousPolynomial sum = zero;
                for (int c = 0; c < cols; c++) {
                    sum = sum.combine(1, block[a * cols + c], aInv[inStart + c][j]);
                }
                partial[a * inSize + j] = sum;
            }
        }
        HomogeneousPolynomial[] lifted = new HomogeneousPolynomial[outSize * inSize];
        for (int n = 0; n < outSize; n++) {
            for (int j = 0; j < inSize; j++) {
                HomogeneousPolynomial sum = zero;
                for (int a = 0; a < rows; a++) {
                    sum = sum.combine(1, partial[a * inSize + j], b[n][outStart + a]);
                }
                lifted[n * inSize + j] = sum;
            }
        }
        tidy(lifted);
        return lifted;
    }

    private static void tidy(HomogeneousPolynomial[] polynomials) {
        for (int c = 0; c < polynomials.length; c++) {
            polynomials[c] = polynomials[c].withoutBelow(TINY);
        }
    }

    int outSize() {
        return outSize;
    }

    int inSize() {
        return inSize;
    }

    /** The largest order of an element. */
    int maximumOrder() {
        return maximumOrder;
    }

    /** The elements of order at most the maximum, in e2cnn's order. */
    List<DiffopElement> elements() {
        return elements;
    }

    /** The {@code outSize x inSize} symbol of element e, row-major (not to be modified). */
    HomogeneousPolynomial[] symbol(int e) {
        return symbols.get(e);
    }
}
