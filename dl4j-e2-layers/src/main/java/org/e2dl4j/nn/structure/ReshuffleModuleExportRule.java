package org.e2dl4j.nn.structure;

import java.util.List;

import org.e2dl4j.nn.ReshuffleModule;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;

/**
 * Exports a {@link ReshuffleModule} as a frozen bias-free 1 x 1 stock {@code ConvolutionLayer} whose filter is
 * its channel permutation; it vanishes when no channel moves.
 */
public final class ReshuffleModuleExportRule implements ExportRule {

    @Override
    public Class<ReshuffleModule> configClass() {
        return ReshuffleModule.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        return ((ReshuffleModuleLayer) layer).export();
    }
}
