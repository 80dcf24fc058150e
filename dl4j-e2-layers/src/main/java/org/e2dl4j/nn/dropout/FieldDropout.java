package org.e2dl4j.nn.dropout;

import java.util.List;

import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;

/**
 * Dropout of whole fields (e2cnn's {@code FieldDropout}): in training each field at each pixel of each sample is
 * kept, scaled by {@code 1 / (1 - p)}, or zeroed with probability p, all its channels together; in inference it is
 * the identity. Any field type. Equivariant in inference (the identity), and in distribution in training: the
 * mask is i.i.d. over fields and pixels and acts on whole fields, so it commutes in law with rho(g) and with the
 * pixel permutations. Input and output type equal.
 *
 * <pre>
 *   new FieldDropout.Builder(FieldType.regular(gs, 16)).p(0.3).build()
 * </pre>
 * Exported networks are for inference, where this layer computes the identity: {@link Export} drops it.
 */
public class FieldDropout extends EquivariantDropout {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected FieldDropout() {
    }

    protected FieldDropout(Builder b) {
        super(b);
    }

    @Override
    public int[] unitOfChannel() {
        FieldType type = getInType();
        int[] unit = new int[type.size()];
        for (int f = 0; f < type.fieldCount(); f++) {
            java.util.Arrays.fill(unit, type.fieldStart(f), type.fieldEnd(f), f);
        }
        return unit;
    }

    /**
     * A {@link FieldDropout} vanishes on export: exported networks are for inference, where it is the identity (DL4J
     * has no stock layer that drops groups of channels together).
     */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        return List.of();
    }

    /** Builds a {@link FieldDropout}; option {@code p} (default 0.5). */
    public static class Builder extends EquivariantDropout.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public FieldDropout build() {
            return checked(new FieldDropout(this));
        }
    }
}
