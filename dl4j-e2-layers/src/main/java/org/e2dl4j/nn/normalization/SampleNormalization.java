package org.e2dl4j.nn.normalization;

import java.util.Objects;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The configuration shared by the normalizations that use each sample's own statistics ({@link FieldNorm},
 * {@link EquivariantInstanceNorm}, {@link EquivariantLayerNorm}): no batch statistics and no running statistics,
 * so training and inference compute the same map. For a statistic group g (see {@link StatisticsLayout}) the
 * output is {@code y = w_f (x - M xbar) / sqrt(v_g + eps) + Q_f b_f}: only the projection onto invariant vectors is
 * removed, the variance {@code v_g} is a mean of squared norms (invariant for orthogonal representations), the
 * weight w_f is one per field and the bias b_f acts only on the field's trivial irreps (columns of its change of
 * basis Q_f), so the map is equivariant. The gradient is the exact one of this map (escnn's FieldNorm detaches its
 * statistics from the autograd graph, so its backward pass treats them as constants; the outputs are the same).
 *
 * <p>Options: {@code eps} (default 1e-5, as escnn and torch), {@code affine} (default true): parameters "gamma"
 * (one weight per field, initially 1) and "beta" (one bias per trivial irrep, field by field, initially 0), in this
 * order, neither regularized as weights nor as biases (as DL4J's batch normalization). Every field must be
 * orthogonal (an orthogonal change of basis). Output type = input type; any spatial size. No stock DL4J layer
 * normalizes a sample by its own statistics, so the export is refused.
 */
public abstract class SampleNormalization extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private double eps = 1e-5;
    private boolean affine = true;

    /** For Jackson. */
    protected SampleNormalization() {
    }

    protected SampleNormalization(Builder<?> b) {
        super(b);
        this.eps = b.eps;
        this.affine = b.affine;
    }

    /** eps positive and finite; every field orthogonal (its change of basis Q has Q^-1 = Q^T). */
    @Override
    protected void validate() {
        super.validate();
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException(who() + ": eps must be positive and finite, got " + eps);
        }
        FieldType type = getInType();
        for (int f = 0; f < type.fieldCount(); f++) {
            Representation r = type.representations().get(f);
            if (!isOrthogonal(r)) {
                throw new IllegalArgumentException(who() + ": expected orthogonal fields, but field " + f + " of "
                        + type + " has representation " + r.name() + ", whose change of basis is not orthogonal: it"
                        + " does not preserve the Euclidean norm, so the field's variance would not be invariant");
            }
        }
    }

    /** Whether Q^-1 = Q^T to 1e-9 (the irreps themselves are orthogonal), so rho(g) is orthogonal. */
    private static boolean isOrthogonal(Representation r) {
        double[][] q = r.changeOfBasis();
        double[][] qInv = r.changeOfBasisInv();
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < q.length; j++) {
                if (Math.abs(q[i][j] - qInv[j][i]) > 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Which channels share their statistics and what is centred. */
    abstract StatisticsLayout statisticsLayout();

    /** Number of weights: one per field when affine. */
    public int weightCount() {
        return affine ? getInType().fieldCount() : 0;
    }

    /** Number of biases: one per trivial irrep when affine. */
    public int biasCount() {
        return affine ? StatisticsLayout.trivialCount(getInType()) : 0;
    }

    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    public ParamInitializer initializer() {
        return AffineParamInitializer.INSTANCE;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new SampleNormalizationLayer(conf, networkDataType);
    }

    /** Refused: stock DL4J 1.0.0-M2.1 has batch and local response normalization only. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.refused("it normalizes each sample by its own statistics, and stock DL4J has no instance or"
                + " layer normalization (only BatchNormalization and LocalResponseNormalization)");
    }

    /** The constant added to the variances. */
    public double getEps() {
        return eps;
    }

    public void setEps(double eps) {
        this.eps = eps;
    }

    /** Whether the layer has a learnable weight per field and bias per trivial irrep. */
    public boolean isAffine() {
        return affine;
    }

    public void setAffine(boolean affine) {
        this.affine = affine;
    }

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) {
            return false;
        }
        SampleNormalization n = (SampleNormalization) o;
        return Double.compare(eps, n.eps) == 0 && affine == n.affine;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), eps, affine);
    }

    /** The options shared by the per-sample normalizations' builders. */
    public abstract static class Builder<T extends Builder<T>> extends EquivariantLayer.Builder<T> {

        private double eps = 1e-5;
        private boolean affine = true;

        protected Builder(FieldType inType) {
            super(inType);
        }

        /** The constant added to the variances (default 1e-5). */
        @SuppressWarnings("unchecked")
        public T eps(double eps) {
            this.eps = eps;
            return (T) this;
        }

        /** Whether to learn a weight per field and a bias per trivial irrep (default true). */
        @SuppressWarnings("unchecked")
        public T affine(boolean affine) {
            this.affine = affine;
            return (T) this;
        }
    }
}
