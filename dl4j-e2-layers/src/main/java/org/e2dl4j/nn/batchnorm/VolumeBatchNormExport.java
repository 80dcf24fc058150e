package org.e2dl4j.nn.batchnorm;

import java.util.Map;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.nn.ExportedLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The stock form of a batch norm with running statistics on NCDHW volumes: in inference it is the per-channel affine
 * map {@code y_c = s_c x_c + t_c} with {@code s = gamma / sqrt(var + eps)} and {@code t = beta - s mean}, here a
 * frozen 1 x 1 x 1 {@code Convolution3D} with the diagonal filter s and bias t. (DL4J 1.0.0-M2.1's
 * {@code BatchNormalization} computes on rank-2 and rank-4 activations only.)
 */
final class VolumeBatchNormExport {

    private VolumeBatchNormExport() {
    }

    /** The exported layer for per-channel gamma, beta, running mean and variance (each [C]). */
    static ExportedLayer of(String name, INDArray gamma, INDArray beta, INDArray mean, INDArray variance, double eps) {
        int channels = (int) mean.length();
        INDArray scale = gamma.reshape(channels).div(Transforms.sqrt(variance.reshape(channels).add(eps), false));
        INDArray shift = beta.reshape(channels).sub(scale.mul(mean.reshape(channels)));
        INDArray filter = Nd4j.diag(scale).reshape('c', channels, channels, 1, 1, 1);
        Convolution3D conv = new Convolution3D.Builder(1, 1, 1).nIn(channels).nOut(channels).hasBias(true)
                .activation(Activation.IDENTITY).convolutionMode(ConvolutionMode.Truncate)
                .dataFormat(Convolution3D.DataFormat.NCDHW).weightInit(WeightInit.ZERO).updater(new NoOp())
                .biasUpdater(new NoOp()).name(name).build();
        return ExportedLayer.fixed(conv, Map.of("W", filter, "b", shift));
    }
}
