package org.e2dl4j.nn.batchnorm;

/**
 * Which variance a batch normalization divides by in training, for a block with biased batch variance
 * {@code sigma^2} (second moment about the block mean, over n samples), Bessel factor {@code k = n / (n - 1)},
 * running variance {@code r} and momentum {@code m}. In inference every rule divides by {@code r}; every rule
 * updates the running variance to {@code (1 - m) r + m k sigma^2}.
 */
public enum VarianceRule {

    /** {@code sigma^2}: PyTorch's BatchNorm, e2cnn's {@code InnerBatchNorm}. */
    BATCH,

    /** {@code k sigma^2}: e2cnn's {@code GNormBatchNorm}. */
    BATCH_UNBIASED,

    /**
     * {@code (1 - m) r + m k sigma^2}, the running variance after this batch's update: e2cnn's
     * {@code NormBatchNorm} and {@code InducedNormBatchNorm}.
     */
    RUNNING_BLEND;

    /** The factor c1 in {@code v = c0 + c1 sigma^2} for Bessel factor k and momentum m. */
    double batchWeight(double k, double momentum) {
        return switch (this) {
            case BATCH -> 1;
            case BATCH_UNBIASED -> k;
            case RUNNING_BLEND -> momentum * k;
        };
    }

    /** The factor c0' in {@code c0 = c0' r}: how much of the running variance enters in training. */
    double runningWeight(double momentum) {
        return this == RUNNING_BLEND ? 1 - momentum : 0;
    }
}
