package org.e2dl4j.nn.norm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.InnerBatchNorm;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An {@link InnerBatchNorm} becomes a stock {@code BatchNormalization} (NCHW, variance stored as such, not as
 * log-std) whose per-channel running mean, running variance, scale and bias are those of the channel's field:
 * in inference both compute {@code gamma_f (x_c - mean_f) / sqrt(var_f + eps) + beta_f}. Without affine
 * parameters the stock layer's gamma and beta are locked to 1 and 0. A layer that keeps no running statistics
 * normalizes every batch by its own statistics, which no stock layer does: its export is refused.
 */
public final class InnerBatchNormExportRule implements ExportRule {

    @Override
    public Class<InnerBatchNorm> configClass() {
        return InnerBatchNorm.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        InnerBatchNorm c = (InnerBatchNorm) layer.conf().getLayer();
        if (!c.tracksRunningStats()) {
            throw new IllegalArgumentException("cannot export " + c.describe() + " (layer index " + layer.getIndex()
                    + "): without running statistics (trackRunningStats false) it normalizes each batch by that"
                    + " batch's statistics in inference too, which no stock DL4J layer does");
        }
        int[] blockOf = c.blockLayout().blockOfChannel();
        Map<String, INDArray> table = layer.paramTable();
        Map<String, INDArray> params = new LinkedHashMap<>();
        if (c.isAffine()) {
            params.put(BatchNormParamInitializer.GAMMA, perChannel(table.get(BatchNormParamInitializer.GAMMA), blockOf));
            params.put(BatchNormParamInitializer.BETA, perChannel(table.get(BatchNormParamInitializer.BETA), blockOf));
        }
        params.put(BatchNormParamInitializer.MEAN, perChannel(table.get(BatchNormParamInitializer.MEAN), blockOf));
        params.put(BatchNormParamInitializer.VAR, perChannel(table.get(BatchNormParamInitializer.VAR), blockOf));
        int channels = c.getInType().size();
        BatchNormalization stock = new BatchNormalization.Builder().nIn(channels).nOut(channels).eps(c.getEps())
                .decay(1 - c.getMomentum()).useLogStd(false).lockGammaBeta(!c.isAffine()).gamma(1.0).beta(0.0)
                .build();
        return List.of(ExportedLayer.replacing(c, stock, params));
    }

    /** Field values repeated on the field's channels. */
    private static INDArray perChannel(INDArray perField, int[] blockOf) {
        double[] values = perField.toDoubleVector();
        double[] expanded = new double[blockOf.length];
        for (int ch = 0; ch < blockOf.length; ch++) {
            expanded[ch] = values[blockOf[ch]];
        }
        return Nd4j.createFromArray(expanded).castTo(perField.dataType());
    }
}
