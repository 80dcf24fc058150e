package org.e2dl4j.nn.nonlinear;

import org.e2dl4j.nn.ELU;

/** {@link ELU} exports to a stock {@code ActivationLayer} (see {@link PointwiseExportRule}). */
public final class ELUExportRule extends PointwiseExportRule {

    @Override
    public Class<ELU> configClass() {
        return ELU.class;
    }
}
