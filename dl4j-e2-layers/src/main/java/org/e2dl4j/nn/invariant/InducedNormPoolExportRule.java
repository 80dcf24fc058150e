package org.e2dl4j.nn.invariant;

import java.util.List;

import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.InducedNormPool;

/** Refuses to export an {@link InducedNormPool}: no stock DL4J layer computes the norms of its sub-fields. */
public final class InducedNormPoolExportRule implements ExportRule {

    @Override
    public Class<InducedNormPool> configClass() {
        return InducedNormPool.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        throw NormPoolExportRule.refusal((EquivariantLayer) layer.conf().getLayer(),
                "the largest norm of each field's sub-fields");
    }
}
