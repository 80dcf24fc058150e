package org.e2dl4j.nn.structure;

import java.util.List;

import org.e2dl4j.nn.DisentangleModule;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;

/**
 * Exports a {@link DisentangleModule} as a frozen bias-free 1 x 1 stock {@code ConvolutionLayer} whose filter is
 * its channel permutation; it vanishes when no channel moves.
 */
public final class DisentangleModuleExportRule implements ExportRule {

    @Override
    public Class<DisentangleModule> configClass() {
        return DisentangleModule.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        return ((DisentangleModuleLayer) layer).export();
    }
}
