package org.e2dl4j.nn.conv;

import java.util.Objects;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.e2dl4j.math.diffop.DiffopPolicy;
import org.e2dl4j.math.diffop.RadialBasisFunction;
import org.e2dl4j.math.diffop.SteerableDiffopSampler;
import org.e2dl4j.math.kernel.PairBasisSampler;
import org.e2dl4j.nn.FieldType;

/**
 * G-steerable partial differential operator on the plane (e2cnn's {@code R2Diffop}; Jenner and Weiler 2021) as
 * a DL4J layer: {@code y = D x + b} with {@code D = sum_w weight_w D_w} over the basis of PDOs
 * {@code D = P(d/dx, d/dy)} whose symbols satisfy {@code P(g v) = rho_out(g) P(v) rho_in(g)^-1}, discretized on the
 * k x k grid (finite differences; derivatives of a Gaussian with {@code smoothing}; or RBF-FD stencils with
 * {@code rbffd}, of the {@code radialBasisFunction} "ga", "iq", "imq" or "mq"). The basis elements, their
 * order and normalization are e2cnn's, so e2cnn's weights mean the same operator; the layer then runs exactly as
 * {@link R2Conv} (the filter is expanded from the basis only when the parameters change) and exports to a stock
 * {@code ConvolutionLayer}.
 *
 * <pre>
 *   new R2Diffop.Builder(FieldType.trivial(gs, 1), FieldType.regular(gs, 8), 5).padding(2).build()
 * </pre>
 * Kernel size k, accuracy a and maximum order n are tied by {@code k ~ a + n} (see {@link DiffopPolicy}): set at
 * most one of {@code accuracy} and {@code maximumOrder}; without either the accuracy is 2. For a given order the
 * smallest kernel is {@code DiffopPolicy.requiredPoints(order, accuracy)}. R2Conv's kernel-basis options (rings,
 * sigma, frequency cut-off, basis filter) do not apply and are refused.
 */
public class R2Diffop extends AbstractR2Conv {

    private static final long serialVersionUID = 1L;

    private Integer accuracy;
    private Integer maximumOrder;
    private Integer maximumPower;
    private Integer maximumOffset;
    private Double angleOffset;
    private Double smoothing;
    private boolean rbffd;
    private String radialBasisFunction;

    /** For Jackson. */
    public R2Diffop() {
    }

    private R2Diffop(Builder b) {
        super(b);
        this.accuracy = b.accuracy;
        this.maximumOrder = b.maximumOrder;
        this.maximumPower = b.maximumPower;
        this.maximumOffset = b.maximumOffset;
        this.angleOffset = b.angleOffset;
        this.smoothing = b.smoothing;
        this.rbffd = b.rbffd;
        this.radialBasisFunction = b.radialBasisFunction;
    }

    @Override
    public ConvolutionKind kind() {
        return ConvolutionKind.CONVOLUTION;
    }

    /**
     * R2Conv's checks, then: no kernel-basis settings, and valid PDO options (accuracy at least 1 and at most the
     * kernel size, not together with a maximum order; orders, powers and offsets at least 0; a positive smoothing;
     * a finite angle offset; not smoothing and RBF-FD together; a known radial basis function, with RBF-FD only)
     * whose basis finite differences can discretize on the grid.
     */
    @Override
    protected void validate() {
        if (!BasisSettings.defaults().equals(getBasisSettings())) {
            throw new IllegalArgumentException(who() + ": R2Conv's kernel-basis settings (rings, sigma, frequency"
                    + " cut-off, basis filter) do not apply to PDOs, got " + getBasisSettings());
        }
        try {
            policy().maximumOrder(getKernelSize() < 1 ? 1 : getKernelSize());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + ": " + e.getMessage(), e);
        }
        super.validate();
    }

    /** The PDO basis options of this layer. */
    public DiffopPolicy policy() {
        DiffopPolicy.Builder b = DiffopPolicy.builder();
        if (accuracy != null) {
            b.accuracy(accuracy);
        }
        if (maximumOrder != null) {
            b.maximumOrder(maximumOrder);
        }
        if (maximumPower != null) {
            b.maximumPower(maximumPower);
        }
        if (maximumOffset != null) {
            b.maximumOffset(maximumOffset);
        }
        if (angleOffset != null) {
            b.angleOffset(angleOffset);
        }
        if (smoothing != null) {
            b.smoothing(smoothing);
        }
        b.rbffd(rbffd);
        if (radialBasisFunction != null) {
            b.radialBasisFunction(RadialBasisFunction.of(radialBasisFunction));
        }
        return b.build();
    }

    /** The discretized steerable PDOs of {@link #policy()}. */
    @Override
    protected PairBasisSampler pairBasisSampler() {
        return new SteerableDiffopSampler(policy());
    }

    /** A stock {@code ConvolutionLayer} of the same geometry. */
    @Override
    protected ConvolutionLayer stockLayer(boolean hasBias) {
        return R2Conv.stockConvolution(this, hasBias);
    }

    public Integer getAccuracy() {
        return accuracy;
    }

    public void setAccuracy(Integer accuracy) {
        this.accuracy = accuracy;
        resetLayerBasis();
    }

    public Integer getMaximumOrder() {
        return maximumOrder;
    }

    public void setMaximumOrder(Integer maximumOrder) {
        this.maximumOrder = maximumOrder;
        resetLayerBasis();
    }

    public Integer getMaximumPower() {
        return maximumPower;
    }

    public void setMaximumPower(Integer maximumPower) {
        this.maximumPower = maximumPower;
        resetLayerBasis();
    }

    public Integer getMaximumOffset() {
        return maximumOffset;
    }

    public void setMaximumOffset(Integer maximumOffset) {
        this.maximumOffset = maximumOffset;
        resetLayerBasis();
    }

    public Double getAngleOffset() {
        return angleOffset;
    }

    public void setAngleOffset(Double angleOffset) {
        this.angleOffset = angleOffset;
        resetLayerBasis();
    }

    public Double getSmoothing() {
        return smoothing;
    }

    public void setSmoothing(Double smoothing) {
        this.smoothing = smoothing;
        resetLayerBasis();
    }

    public boolean isRbffd() {
        return rbffd;
    }

    public void setRbffd(boolean rbffd) {
        this.rbffd = rbffd;
        resetLayerBasis();
    }

    public String getRadialBasisFunction() {
        return radialBasisFunction;
    }

    public void setRadialBasisFunction(String radialBasisFunction) {
        this.radialBasisFunction = radialBasisFunction;
        resetLayerBasis();
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        R2Diffop d = (R2Diffop) o;
        return Objects.equals(accuracy, d.accuracy) && Objects.equals(maximumOrder, d.maximumOrder)
                && Objects.equals(maximumPower, d.maximumPower) && Objects.equals(maximumOffset, d.maximumOffset)
                && Objects.equals(angleOffset, d.angleOffset) && Objects.equals(smoothing, d.smoothing)
                && rbffd == d.rbffd && Objects.equals(radialBasisFunction, d.radialBasisFunction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), accuracy, maximumOrder, maximumPower, maximumOffset, angleOffset,
                smoothing, rbffd, radialBasisFunction);
    }

    @Override
    public String toString() {
        String base = super.toString();
        return base.substring(0, base.length() - 1) + ", " + policy() + ")";
    }

    /**
     * Builder: {@code new R2Diffop.Builder(in, out, kernelSize)}; the geometry options are
     * {@link AbstractR2Conv.Builder}'s, the PDO options e2cnn's.
     */
    @SuppressWarnings("unchecked")
    public static class Builder extends AbstractR2Conv.Builder<Builder> {
        private Integer accuracy;
        private Integer maximumOrder;
        private Integer maximumPower;
        private Integer maximumOffset;
        private Double angleOffset;
        private Double smoothing;
        private boolean rbffd;
        private String radialBasisFunction;

        /**
         * @param in         input field type
         * @param out        output field type, on the same G-space
         * @param kernelSize k of the k x k stencil
         */
        public Builder(FieldType in, FieldType out, int kernelSize) {
            super(in, out, kernelSize);
        }

        /** The accuracy of the discretization, at least 1 (default 2); fixes the maximum order with the kernel size. */
        public Builder accuracy(int accuracy) {
            this.accuracy = accuracy;
            return this;
        }

        /** The largest derivative order (default: the largest the accuracy allows on the kernel). */
        public Builder maximumOrder(int order) {
            this.maximumOrder = order;
            return this;
        }

        /** The largest power of the Laplacian (default: half the maximum order). */
        public Builder maximumPower(int power) {
            this.maximumPower = power;
            return this;
        }

        /** The largest aliasing offset of finite groups (default unlimited). */
        @Override
        public Builder maximumOffset(int offset) {
            this.maximumOffset = offset;
            return this;
        }

        /** Turns every operator by this angle in radians (default none). */
        public Builder angleOffset(double angle) {
            this.angleOffset = angle;
            return this;
        }

        /**
         * Discretizes with derivatives of a Gaussian of this width instead of finite differences (e2cnn suggests
         * about kernelSize / 4).
         */
        public Builder smoothing(double smoothing) {
            this.smoothing = smoothing;
            return this;
        }

        /** Discretizes with RBF-FD stencils instead of finite differences (default false; not with smoothing). */
        public Builder rbffd(boolean rbffd) {
            this.rbffd = rbffd;
            return this;
        }

        /** The radial basis function of RBF-FD: "ga" (default), "iq", "imq" or "mq"; only with rbffd. */
        public Builder radialBasisFunction(String abbreviation) {
            this.radialBasisFunction = abbreviation;
            return this;
        }

        @Override
        public R2Diffop build() {
            return checked(new R2Diffop(this));
        }
    }
}
