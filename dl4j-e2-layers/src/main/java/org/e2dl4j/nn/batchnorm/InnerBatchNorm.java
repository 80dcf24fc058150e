package org.e2dl4j.nn.batchnorm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalization of permutation fields (e2cnn's {@code InnerBatchNorm}): for field f with channels x_c,
 * <pre>
 *   y_c = gamma_f (x_c - mu_f) / sqrt(sigma_f^2 + eps) + beta_f
 * </pre>
 * with the mean mu_f and biased variance sigma_f^2 pooled over the batch, the space and all channels of the
 * field, which the group permutes among themselves, so the statistics are invariant and the map equivariant.
 * The running variance is unbiased ({@code n = N H W |f|}), as PyTorch's. Only representations that support
 * pointwise nonlinearities (trivial, regular, quotient) are accepted. Input and output type equal; any spatial size.
 *
 * <pre>
 *   new InnerBatchNorm.Builder(FieldType.regular(gs, 16)).build()
 * </pre>
 * Options: see {@link EquivariantBatchNorm}, plus {@code trackRunningStats} (default true; when false, inference
 * also uses batch statistics and there is nothing to export). {@link Export} turns a trained layer into a stock
 * {@code BatchNormalization} with each field's running statistics, scale and bias repeated on its channels,
 * computing the inference-mode map.
 */
public class InnerBatchNorm extends EquivariantBatchNorm {

    private static final long serialVersionUID = 1L;

    private boolean trackRunningStats = true;

    /** For Jackson. */
    protected InnerBatchNorm() {
    }

    protected InnerBatchNorm(Builder b) {
        super(b);
        this.trackRunningStats = b.trackRunningStats;
    }

    /** Every field a permutation representation (one that supports pointwise nonlinearities). */
    @Override
    protected void validate() {
        super.validate();
        requireFields(Nonlinearity.POINTWISE, true, "InnerBatchNorm pools statistics over the channels of a field,"
                + " which is equivariant only for permutation representations (trivial, regular, quotient);"
                + " use NormBatchNorm or GNormBatchNorm for other fields");
    }

    @Override
    public BlockLayout blockLayout() {
        return BlockLayout.ofFields(getInType(), true, VarianceRule.BATCH, Representation::size);
    }

    @Override
    public boolean tracksRunningStats() {
        return trackRunningStats;
    }

    public boolean isTrackRunningStats() {
        return trackRunningStats;
    }

    public void setTrackRunningStats(boolean trackRunningStats) {
        this.trackRunningStats = trackRunningStats;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && trackRunningStats == ((InnerBatchNorm) o).trackRunningStats;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), trackRunningStats);
    }

    /**
     * An {@link InnerBatchNorm} becomes a stock {@code BatchNormalization} (NCHW, variance stored as such, not as
     * log-std) whose per-channel running mean, running variance, scale and bias are those of the channel's field:
     * in inference both compute {@code gamma_f (x_c - mean_f) / sqrt(var_f + eps) + beta_f}. Without affine
     * parameters the stock layer's gamma and beta are locked to 1 and 0. A layer that keeps no running statistics
     * normalizes every batch by its own statistics, which no stock layer does: its export is refused.
     */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        if (!tracksRunningStats()) {
            return StockExport.refused("without running statistics (trackRunningStats false) it normalizes each batch"
                    + " by that batch's statistics in inference too, which no stock DL4J layer does");
        }
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        int[] blockOf = blockLayout().blockOfChannel();
        Map<String, INDArray> table = layer.paramTable();
        Map<String, INDArray> params = new LinkedHashMap<>();
        if (isAffine()) {
            params.put(BatchNormParamInitializer.GAMMA, perChannel(table.get(BatchNormParamInitializer.GAMMA), blockOf));
            params.put(BatchNormParamInitializer.BETA, perChannel(table.get(BatchNormParamInitializer.BETA), blockOf));
        }
        params.put(BatchNormParamInitializer.MEAN, perChannel(table.get(BatchNormParamInitializer.MEAN), blockOf));
        params.put(BatchNormParamInitializer.VAR, perChannel(table.get(BatchNormParamInitializer.VAR), blockOf));
        int channels = getInType().size();
        if (getInType().gspace().dimensionality() == 3) {
            INDArray mean = params.get(BatchNormParamInitializer.MEAN);
            INDArray gamma = isAffine() ? params.get(BatchNormParamInitializer.GAMMA)
                    : Nd4j.ones(mean.dataType(), channels);
            INDArray beta = isAffine() ? params.get(BatchNormParamInitializer.BETA)
                    : Nd4j.zeros(mean.dataType(), channels);
            return List.of(VolumeBatchNormExport.of(getLayerName(), gamma, beta, mean,
                    params.get(BatchNormParamInitializer.VAR), getEps()));
        }
        BatchNormalization stock = new BatchNormalization.Builder().nIn(channels).nOut(channels).eps(getEps())
                .decay(1 - getMomentum()).useLogStd(false).lockGammaBeta(!isAffine()).gamma(1.0).beta(0.0)
                .build();
        return List.of(ExportedLayer.replacing(this, stock, params));
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

    /** Builds an {@link InnerBatchNorm} on a field type of permutation fields. */
    public static class Builder extends EquivariantBatchNorm.Builder<Builder> {
        private boolean trackRunningStats = true;

        public Builder(FieldType inType) {
            super(inType);
        }

        /** Whether to keep running statistics for inference (default true). */
        public Builder trackRunningStats(boolean track) {
            this.trackRunningStats = track;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public InnerBatchNorm build() {
            return checked(new InnerBatchNorm(this));
        }
    }
}
