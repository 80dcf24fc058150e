package org.e2dl4j.nn.invariant;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Norm pooling (e2cnn's {@code NormPool}): each field becomes one scalar, its Euclidean norm,
 * {@code y_f(p) = |x_f(p)|}. Every representation the library builds is orthogonal, so
 * {@code |rho(g) x_f| = |x_f|}: the output is invariant in the fiber and transforms as trivial fields; the output
 * type is one trivial field per input field. Any field type is accepted (as in e2cnn). The gradient at a zero
 * field is 0.
 *
 * <pre>
 *   new NormPool.Builder(FieldType.irrep(gspace, 8, 1)).build()
 * </pre>
 * No stock DL4J layer computes a field norm: {@link Export} refuses networks containing it.
 */
public class NormPool extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected NormPool() {
    }

    protected NormPool(Builder b) {
        super(b);
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** One trivial field per input field. */
    @Override
    public FieldType outType() {
        return FieldType.trivial(getInType().gspace(), getInType().fieldCount());
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new NormPoolLayer(conf, networkDataType);
    }

    /** Refuses to export a {@link NormPool}: no stock DL4J layer computes the Euclidean norm of a group of channels. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.refused(NormPool.normRefusal("the Euclidean norm of each field"));
    }

    /** Why a layer whose output needs field norms has no stock equivalent. */
    static String normRefusal(String what) {
        return "it computes " + what + ", and no stock DL4J layer or activation computes a square root of a sum of"
                + " squares; keep the layer (and this library) in the network, or replace it by GroupPooling on"
                + " permutation fields";
    }

    /** Builds a {@link NormPool} on the given field type. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public NormPool build() {
            return checked(new NormPool(this));
        }
    }
}
