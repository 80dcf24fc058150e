package org.e2dl4j.nn.dropout;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

/**
 * Dropout of single channels (e2cnn's {@code PointwiseDropout}): in training each value is kept, scaled by
 * {@code 1 / (1 - p)}, or zeroed with probability p, independently; in inference it is the identity. Only fields
 * whose representation supports pointwise nonlinearities (permutation representations: trivial, regular,
 * quotient) are accepted, since only there does an i.i.d. channel mask commute in law with rho(g). Input and
 * output type equal.
 *
 * <p>{@link Export} turns it into a stock {@code DropoutLayer} with retain probability {@code 1 - p} (the identity
 * in inference).
 */
public class PointwiseDropout extends EquivariantDropout {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected PointwiseDropout() {
    }

    protected PointwiseDropout(Builder b) {
        super(b);
    }

    /** Every field a permutation representation (one that supports pointwise nonlinearities). */
    @Override
    protected void validate() {
        super.validate();
        FieldType type = getInType();
        for (int f = 0; f < type.fieldCount(); f++) {
            Representation r = type.representations().get(f);
            if (!r.supports(Nonlinearity.POINTWISE)) {
                throw new IllegalArgumentException(who() + ": field " + f + " of " + type + " has representation '"
                        + r.name() + "', which does not support pointwise nonlinearities (it supports "
                        + r.supportedNonlinearities().stream().map(Nonlinearity::e2cnnName).sorted().toList()
                        + "); dropping single channels is equivariant only for permutation representations (trivial,"
                        + " regular, quotient): use FieldDropout");
            }
        }
    }

    @Override
    public int[] unitOfChannel() {
        int[] unit = new int[getInType().size()];
        java.util.Arrays.setAll(unit, c -> c);
        return unit;
    }

    /**
     * A {@link PointwiseDropout} becomes a stock {@code DropoutLayer} with retain probability {@code 1 - p}: the
     * identity in inference, elementwise inverted dropout in training, as the original.
     */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        DropoutLayer stock = new DropoutLayer.Builder(1 - getP()).name(getLayerName()).build();
        return List.of(new ExportedLayer(stock, Map.of()));
    }

    /** Builds a {@link PointwiseDropout}; option {@code p} (default 0.5). */
    public static class Builder extends EquivariantDropout.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public PointwiseDropout build() {
            return checked(new PointwiseDropout(this));
        }
    }
}
