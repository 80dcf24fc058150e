package org.e2dl4j.nn.structure;

import java.util.List;

import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.RestrictionModule;

/** A {@link RestrictionModule} changes only the type of the data, so it vanishes on export. */
public final class RestrictionModuleExportRule implements ExportRule {

    @Override
    public Class<RestrictionModule> configClass() {
        return RestrictionModule.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        return List.of();
    }
}
