package org.e2dl4j.nn.conv;

import org.e2dl4j.math.kernel.PairBasis;
import org.e2dl4j.math.kernel.SampledBasis;

/**
 * One (input representation, output representation) pair of a steerable layer, as the filter expansion
 * needs it: where the pair's fields sit, where its weights sit, and its sampled basis.
 *
 * @param outStarts    first output channel of each occurrence of the output representation
 * @param inStarts     first input channel of each occurrence of the input representation (within one group)
 * @param outSize      size o of the output representation
 * @param inSize       size i of the input representation
 * @param weightOffset index of the pair's first weight; its weights are laid out [outOcc][inOcc][element]
 * @param dimension    number of basis elements
 * @param basis        the sampled basis, row-major [element][o][i][kernel point] (points row-major over the
 *                     spatial axes: row * k + column on the plane, (depth * k + row) * k + column in space)
 */
record ExpansionBlock(int[] outStarts, int[] inStarts, int outSize, int inSize, int weightOffset, int dimension,
                      double[] basis) {

    /** The block of one pair of a layer basis. */
    static ExpansionBlock of(PairBasis pair) {
        SampledBasis b = pair.basis();
        return new ExpansionBlock(pair.outFieldStarts(), pair.inFieldStarts(), b.outSize(), b.inSize(),
                pair.weightOffset(), b.dimension(), b.data());
    }
}
