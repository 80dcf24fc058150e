package org.e2dl4j.nn.batchnorm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each parameter of an equivariant batch normalization sits in the layer's flat parameter vector, in the
 * order "gamma" (B scales), "beta" (T biases), "mean" (T running means), "var" (B running variances), for B
 * blocks of which T are centred; an absent parameter has offset -1. Immutable.
 *
 * @param gamma offset of the scales, or -1 without affine parameters
 * @param beta  offset of the biases, or -1 without affine parameters or centred blocks
 * @param mean  offset of the running means, or -1 without running statistics or centred blocks
 * @param var   offset of the running variances, or -1 without running statistics
 * @param total number of parameters
 */
record ParamOffsets(int gamma, int beta, int mean, int var, int total) {

    /** The layout for a configuration. */
    static ParamOffsets of(EquivariantBatchNorm conf) {
        BlockLayout blocks = conf.blockLayout();
        int b = blocks.blockCount();
        int t = blocks.centredCount();
        int at = 0;
        int gamma = -1;
        int beta = -1;
        int mean = -1;
        int var = -1;
        if (conf.isAffine()) {
            gamma = at;
            at += b;
            if (t > 0) {
                beta = at;
                at += t;
            }
        }
        if (conf.tracksRunningStats()) {
            if (t > 0) {
                mean = at;
                at += t;
            }
            var = at;
            at += b;
        }
        return new ParamOffsets(gamma, beta, mean, var, at);
    }

    /** Key and [offset, length] of each present parameter, in order. */
    Map<String, int[]> ranges(BlockLayout blocks) {
        int b = blocks.blockCount();
        int t = blocks.centredCount();
        Map<String, int[]> r = new LinkedHashMap<>();
        if (gamma >= 0) {
            r.put(BatchNormParamInitializer.GAMMA, new int[] {gamma, b});
        }
        if (beta >= 0) {
            r.put(BatchNormParamInitializer.BETA, new int[] {beta, t});
        }
        if (mean >= 0) {
            r.put(BatchNormParamInitializer.MEAN, new int[] {mean, t});
        }
        if (var >= 0) {
            r.put(BatchNormParamInitializer.VAR, new int[] {var, b});
        }
        return r;
    }
}
