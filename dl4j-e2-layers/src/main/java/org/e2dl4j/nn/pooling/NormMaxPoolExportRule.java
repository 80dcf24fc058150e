package org.e2dl4j.nn.pooling;

import java.util.List;

import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.NormMaxPool;

/** Refuses to export a {@link NormMaxPool}: no stock DL4J layer picks window positions by a field's norm. */
public final class NormMaxPoolExportRule implements ExportRule {

    @Override
    public Class<NormMaxPool> configClass() {
        return NormMaxPool.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        NormMaxPool c = (NormMaxPool) layer.conf().getLayer();
        throw new IllegalArgumentException("cannot export " + c.describe() + " on " + c.getInType() + ": it selects, per"
                + " window, the position where each field's Euclidean norm is largest, and no stock DL4J layer"
                + " selects values by a norm computed over several channels; keep the layer (and this library) in the"
                + " network, or use PointwiseMaxPool on permutation fields");
    }
}
