package org.e2dl4j.nn.nonlinear;

import org.e2dl4j.nn.PointwiseNonLinearity;

/** {@link PointwiseNonLinearity} exports to a stock {@code ActivationLayer} (see {@link PointwiseExportRule}). */
public final class PointwiseNonLinearityExportRule extends PointwiseExportRule {

    @Override
    public Class<PointwiseNonLinearity> configClass() {
        return PointwiseNonLinearity.class;
    }
}
