package org.e2dl4j.nn.structure;

import java.util.List;

import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.IdentityModule;

/** An {@link IdentityModule} vanishes on export: the exported network connects around it. */
public final class IdentityModuleExportRule implements ExportRule {

    @Override
    public Class<IdentityModule> configClass() {
        return IdentityModule.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        return List.of();
    }
}
