package org.e2dl4j.math.kernel;

import java.util.Collections;
import java.util.List;

/**
 * A basis of G-equivariant kernels for one (input representation, output representation) pair, sampled on the
 * k x k grid ({@link SamplingGrid}), normalized and filtered as e2cnn does. Element b is the OIYX filter
 * {@code data[b][o][i][p]} (row-major, {@code p = row * k + col}, row 0 on top), i.e. the cross-correlation
 * weight of {@code out x in} channels. Each element satisfies {@code K(g x) = rho_out(g) K(x) rho_in(g)^-1}
 * on every grid-preserving g.
 *
 * <p>Immutable and shared between layers through the cache; {@link #data()} returns a copy.
 */
public final class SampledBasis {

    private final int outSize;
    private final int inSize;
    private final SamplingGrid grid;
    private final double[] data;
    private final List<PairElement> elements;

    SampledBasis(int outSize, int inSize, SamplingGrid grid, double[] data, List<? extends PairElement> elements) {
        if (data.length != elements.size() * outSize * inSize * grid.size()) {
            throw new IllegalArgumentException("data holds " + data.length + " values, expected "
                    + elements.size() + " x " + outSize + " x " + inSize + " x " + grid.size());
        }
        this.outSize = outSize;
        this.inSize = inSize;
        this.grid = grid;
        this.data = data;
        this.elements = Collections.unmodifiableList(List.copyOf(elements));
    }

    /**
     * A sampled basis of another family of stencils (e.g. steerable PDOs), laid out as {@link #data()}.
     *
     * @param data     {@code [element][out][in][grid point]}, taken over (not copied)
     * @param elements the attributes of the elements, in basis order
     * @throws IllegalArgumentException if the data does not hold {@code elements x outSize x inSize x k^2} values
     */
    public static SampledBasis of(int outSize, int inSize, SamplingGrid grid, double[] data,
                                  List<? extends PairElement> elements) {
        return new SampledBasis(outSize, inSize, grid, data, elements);
    }

    /** Number of basis elements. */
    public int dimension() {
        return elements.size();
    }

    /** Dimension of the output representation. */
    public int outSize() {
        return outSize;
    }

    /** Dimension of the input representation. */
    public int inSize() {
        return inSize;
    }

    /** k. */
    public int kernelSize() {
        return grid.kernelSize();
    }

    /** The sampling grid. */
    public SamplingGrid grid() {
        return grid;
    }

    /** Number of values of one element: {@code outSize * inSize * k^2}. */
    public int elementSize() {
        return outSize * inSize * grid.size();
    }

    /** The value of element b at output channel o, input channel i, grid point p. */
    public double get(int b, int o, int i, int p) {
        return data[((b * outSize + o) * inSize + i) * grid.size() + p];
    }

    /** All values, laid out {@code [element][out][in][grid point]} (a copy). */
    public double[] data() {
        return data.clone();
    }

    /** The attributes of the elements, in basis order. */
    public List<PairElement> elements() {
        return elements;
    }

    /** The backing array, for in-package readers that do not modify it. */
    double[] values() {
        return data;
    }

    @Override
    public String toString() {
        return "SampledBasis[" + dimension() + " elements, " + outSize + " x " + inSize + " on " + grid + "]";
    }
}
