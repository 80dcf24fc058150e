package org.e2dl4j.nn.nonlinear;

import org.e2dl4j.nn.ReLU;

/** {@link ReLU} exports to a stock {@code ActivationLayer} (see {@link PointwiseExportRule}). */
public final class ReLUExportRule extends PointwiseExportRule {

    @Override
    public Class<ReLU> configClass() {
        return ReLU.class;
    }
}
