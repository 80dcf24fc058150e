package org.e2dl4j.nn.structure;

import java.util.List;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The identity map of a field type (e2cnn's {@code IdentityModule}): {@code y = x}, input and output type
 * equal, any spatial size. Useful as a placeholder in a branch; vanishes on {@link Export}.
 */
public class IdentityModule extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected IdentityModule() {
    }

    protected IdentityModule(Builder b) {
        super(b);
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new IdentityModuleLayer(conf, networkDataType);
    }

    /** An {@link IdentityModule} vanishes on export: the exported network connects around it. */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        return List.of();
    }

    /** Builds an {@link IdentityModule} on the given field type. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public IdentityModule build() {
            return checked(new IdentityModule(this));
        }
    }
}
