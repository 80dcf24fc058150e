package org.e2dl4j.nn.dropout;

import java.util.List;

import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldDropout;

/**
 * A {@link FieldDropout} vanishes on export: exported networks are for inference, where it is the identity (DL4J
 * has no stock layer that drops groups of channels together).
 */
public final class FieldDropoutExportRule implements ExportRule {

    @Override
    public Class<FieldDropout> configClass() {
        return FieldDropout.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        return List.of();
    }
}
