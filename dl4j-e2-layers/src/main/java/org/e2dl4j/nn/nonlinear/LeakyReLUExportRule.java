package org.e2dl4j.nn.nonlinear;

import org.e2dl4j.nn.LeakyReLU;

/** {@link LeakyReLU} exports to a stock {@code ActivationLayer} (see {@link PointwiseExportRule}). */
public final class LeakyReLUExportRule extends PointwiseExportRule {

    @Override
    public Class<LeakyReLU> configClass() {
        return LeakyReLU.class;
    }
}
