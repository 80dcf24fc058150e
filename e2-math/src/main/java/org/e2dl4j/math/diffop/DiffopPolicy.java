package org.e2dl4j.math.diffop;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * e2cnn's R2Diffop basis options: {@code accuracy} or {@code maximumOrder} (at most one of them beside the kernel
 * size), {@code maximumPower} of the Laplacian, {@code maximumOffset} of aliased frequencies, {@code angleOffset}
 * (the operators turned by that angle) and the discretization: finite differences (default) or, with
 * {@code smoothing}, derivatives of a Gaussian, or, with {@code rbffd}, RBF-FD stencils of a
 * {@link RadialBasisFunction} (default {@code ga}).
 *
 * <p>The kernel size k, the accuracy a and the maximum order n are tied by {@code k ~ a + n}: with finite
 * differences on points symmetric about 0 an order-n derivative on k points is accurate to order k - n, boosted by
 * one when k - n is odd (e2cnn's {@code required_points}, {@code largest_possible_order}). Without a maximum order
 * it is the largest one the accuracy (default 2, or 1 for k = 1) allows on k points. Immutable.
 */
public final class DiffopPolicy {

    private static final DiffopPolicy DEFAULTS = builder().build();

    private final OptionalInt accuracy;
    private final OptionalInt maximumOrder;
    private final OptionalInt maximumPower;
    private final OptionalInt maximumOffset;
    private final OptionalDouble angleOffset;
    private final OptionalDouble smoothing;
    private final boolean rbffd;
    private final RadialBasisFunction radialBasisFunction;

    private DiffopPolicy(Builder b) {
        this.accuracy = b.accuracy;
        this.maximumOrder = b.maximumOrder;
        this.maximumPower = b.maximumPower;
        this.maximumOffset = b.maximumOffset;
        this.angleOffset = b.angleOffset;
        this.smoothing = b.smoothing;
        this.rbffd = b.rbffd;
        this.radialBasisFunction = b.radialBasisFunction == null ? RadialBasisFunction.GA : b.radialBasisFunction;
    }

    /** e2cnn's defaults: accuracy 2, finite differences, no angle offset. */
    public static DiffopPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The number of points on one axis that an order-n derivative needs for accuracy a (e2cnn's
     * {@code required_points}): n + a, less one when a - 1 is odd.
     */
    public static int requiredPoints(int order, int accuracy) {
        int points = order + accuracy;
        return (accuracy - 1) % 2 != 0 ? points - 1 : points;
    }

    /**
     * The largest order whose derivatives k points discretize with accuracy a (e2cnn's
     * {@code largest_possible_order}): k - a, plus one when k - a - 1 is odd.
     *
     * @throws IllegalArgumentException if {@code a > k}
     */
    public static int largestPossibleOrder(int points, int accuracy) {
        int order = points - accuracy;
        if (order < 0) {
            throw new IllegalArgumentException("accuracy " + accuracy + " needs a kernel size of at least " + accuracy
                    + ", got kernel size " + points);
        }
        return (points - (order + 1)) % 2 != 0 ? order + 1 : order;
    }

    /**
     * The maximum derivative order on a k x k grid: the one set, or the largest the accuracy allows.
     *
     * @throws IllegalArgumentException if the accuracy needs a larger kernel
     */
    public int maximumOrder(int kernelSize) {
        if (maximumOrder.isPresent()) {
            return maximumOrder.getAsInt();
        }
        int a = accuracy.orElse(kernelSize > 1 ? 2 : 1);
        return largestPossibleOrder(kernelSize, a);
    }

    /** The largest power of the Laplacian: {@code min(maximumPower, maximumOrder / 2)}. */
    public int maximumPower(int kernelSize) {
        int half = maximumOrder(kernelSize) / 2;
        return maximumPower.isPresent() ? Math.min(maximumPower.getAsInt(), half) : half;
    }

    public OptionalInt accuracy() {
        return accuracy;
    }

    public OptionalInt maximumOrder() {
        return maximumOrder;
    }

    public OptionalInt maximumPower() {
        return maximumPower;
    }

    public OptionalInt maximumOffset() {
        return maximumOffset;
    }

    public OptionalDouble angleOffset() {
        return angleOffset;
    }

    /** The width of the Gaussian whose derivatives are the stencils; empty for finite differences. */
    public OptionalDouble smoothing() {
        return smoothing;
    }

    /** Whether the stencils are RBF-FD ones. */
    public boolean rbffd() {
        return rbffd;
    }

    /** The radial basis function of RBF-FD stencils (Gaussian by default). */
    public RadialBasisFunction radialBasisFunction() {
        return radialBasisFunction;
    }

    /** Whether the stencils are plain finite differences (neither smoothing nor RBF-FD). */
    public boolean finiteDifferences() {
        return smoothing.isEmpty() && !rbffd;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiffopPolicy p && accuracy.equals(p.accuracy) && maximumOrder.equals(p.maximumOrder)
                && maximumPower.equals(p.maximumPower) && maximumOffset.equals(p.maximumOffset)
                && angleOffset.equals(p.angleOffset) && smoothing.equals(p.smoothing) && rbffd == p.rbffd
                && radialBasisFunction == p.radialBasisFunction;
    }

    @Override
    public int hashCode() {
        return Objects.hash(accuracy, maximumOrder, maximumPower, maximumOffset, angleOffset, smoothing, rbffd,
                radialBasisFunction);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("DiffopPolicy[");
        accuracy.ifPresent(a -> s.append("accuracy ").append(a).append(", "));
        maximumOrder.ifPresent(n -> s.append("maximum order ").append(n).append(", "));
        maximumPower.ifPresent(n -> s.append("maximum power ").append(n).append(", "));
        maximumOffset.ifPresent(n -> s.append("maximum offset ").append(n).append(", "));
        angleOffset.ifPresent(a -> s.append("angle offset ").append(a).append(", "));
        s.append(smoothing.isPresent() ? "Gaussian derivatives, smoothing " + smoothing.getAsDouble()
                : rbffd ? "RBF-FD " + radialBasisFunction.abbreviation() : "finite differences");
        return s.append(']').toString();
    }

    /** Builder; every option unset by default. */
    public static final class Builder {
        private OptionalInt accuracy = OptionalInt.empty();
        private OptionalInt maximumOrder = OptionalInt.empty();
        private OptionalInt maximumPower = OptionalInt.empty();
        private OptionalInt maximumOffset = OptionalInt.empty();
        private OptionalDouble angleOffset = OptionalDouble.empty();
        private OptionalDouble smoothing = OptionalDouble.empty();
        private boolean rbffd;
        private RadialBasisFunction radialBasisFunction;

        private Builder() {
        }

        /** The accuracy of the finite differences, at least 1 (default 2); not with a maximum order. */
        public Builder accuracy(int accuracy) {
            if (accuracy < 1) {
                throw new IllegalArgumentException("accuracy must be at least 1, got " + accuracy);
            }
            this.accuracy = OptionalInt.of(accuracy);
            return this;
        }

        /** The largest derivative order, at least 0; not with an accuracy. */
        public Builder maximumOrder(int order) {
            if (order < 0) {
                throw new IllegalArgumentException("maximum order must be at least 0, got " + order);
            }
            this.maximumOrder = OptionalInt.of(order);
            return this;
        }

        /** The largest power of the Laplacian, at least 0 (default: half the maximum order). */
        public Builder maximumPower(int power) {
            if (power < 0) {
                throw new IllegalArgumentException("maximum power must be at least 0, got " + power);
            }
            this.maximumPower = OptionalInt.of(power);
            return this;
        }

        /** The largest aliasing offset |t| of finite groups, at least 0 (default unlimited). */
        public Builder maximumOffset(int offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("maximum offset must be at least 0, got " + offset);
            }
            this.maximumOffset = OptionalInt.of(offset);
            return this;
        }

        /** Turns every operator by this angle in radians (finite). */
        public Builder angleOffset(double angle) {
            if (!Double.isFinite(angle)) {
                throw new IllegalArgumentException("angle offset must be a finite angle in radians, got " + angle);
            }
            this.angleOffset = OptionalDouble.of(angle);
            return this;
        }

        /** Discretizes with derivatives of a Gaussian of this width (positive, finite) instead of finite differences. */
        public Builder smoothing(double smoothing) {
            if (!(smoothing > 0) || !Double.isFinite(smoothing)) {
                throw new IllegalArgumentException("smoothing must be a positive finite width, got " + smoothing);
            }
            this.smoothing = OptionalDouble.of(smoothing);
            return this;
        }

        /** Discretizes with RBF-FD stencils instead of finite differences (default false). */
        public Builder rbffd(boolean rbffd) {
            this.rbffd = rbffd;
            return this;
        }

        /** The radial basis function of RBF-FD (default {@code ga}); only with {@link #rbffd(boolean)}. */
        public Builder radialBasisFunction(RadialBasisFunction phi) {
            this.radialBasisFunction = Objects.requireNonNull(phi, "radial basis function");
            return this;
        }

        /**
         * @throws IllegalArgumentException if both an accuracy and a maximum order are set (with the kernel size
         *                                  they would fix three of the three quantities that k ~ a + n ties), if
         *                                  smoothing and RBF-FD are both asked for, or if a radial basis function
         *                                  is given without RBF-FD
         */
        public DiffopPolicy build() {
            if (smoothing.isPresent() && rbffd) {
                throw new IllegalArgumentException("smoothing and RBF-FD cannot be used at the same time; got smoothing "
                        + smoothing.getAsDouble() + " and rbffd");
            }
            if (radialBasisFunction != null && !rbffd) {
                throw new IllegalArgumentException("a radial basis function (" + radialBasisFunction.abbreviation()
                        + ") only applies to RBF-FD stencils; set rbffd");
            }
            if (accuracy.isPresent() && maximumOrder.isPresent()) {
                throw new IllegalArgumentException("at most two of kernel size, maximum order and accuracy can be set;"
                        + " got accuracy " + accuracy.getAsInt() + " and maximum order " + maximumOrder.getAsInt()
                        + " beside the kernel size");
            }
            return new DiffopPolicy(this);
        }
    }
}
