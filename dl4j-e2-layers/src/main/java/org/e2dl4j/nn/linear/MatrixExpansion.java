package org.e2dl4j.nn.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.math.kernel.PairBasis;
import org.e2dl4j.math.kernel.SampledBasis;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Expands the weights of a {@link Linear} layer into its [out, in] matrix and dL/dmatrix back into dL/dweights, with
 * ND4J ops over the per-pair bases. For a pair with nOut x nIn occurrences of an (o x i) block and basis
 * B [dim, o*i]:
 * <pre>
 *   forward:  P_pair = W_pair [nOut*nIn, dim] x B;  matrix = gather(P_1 | P_2 | ... | 0, source)
 *   backward: G = gather(dL/dmatrix, target);  dW_pair = G_pair [nOut*nIn, o*i] x B^T
 * </pre>
 * where {@code target[j]} is the matrix entry that product entry j fills and {@code source} its inverse (entries
 * that no pair connects read the trailing zero). The bases and index arrays are built once, outside workspaces,
 * in the layer's data type.
 */
final class MatrixExpansion {

    private final int outChannels;
    private final int inChannels;
    private final List<Block> blocks = new ArrayList<>();
    private final INDArray source;
    private final INDArray target;
    private final long products;

    /** One pair: its weight range, its basis [dim, o*i] and its range in the concatenated products. */
    private record Block(long weightOffset, long rows, int dimension, INDArray basis, long productOffset) {
    }

    @SuppressWarnings("try")
    MatrixExpansion(LayerBasis basis, DataType dataType) {
        this.outChannels = basis.outChannels();
        this.inChannels = basis.inChannels();
        int[] sourceOf = new int[outChannels * inChannels];
        List<Integer> targets = new ArrayList<>();
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            for (PairBasis pair : basis.pairs()) {
                SampledBasis b = pair.basis();
                int o = b.outSize();
                int i = b.inSize();
                INDArray values = Nd4j.createFromArray(b.data()).castTo(dataType).reshape('c', b.dimension(), (long) o * i);
                blocks.add(new Block(pair.weightOffset(), (long) pair.outCount() * pair.inCount(), b.dimension(), values,
                        targets.size()));
                for (int outStart : pair.outFieldStarts()) {
                    for (int inStart : pair.inFieldStarts()) {
                        for (int oo = 0; oo < o; oo++) {
                            for (int ii = 0; ii < i; ii++) {
                                targets.add((outStart + oo) * inChannels + inStart + ii);
                            }
                        }
                    }
                }
            }
            this.products = targets.size();
            Arrays.fill(sourceOf, targets.size());
            int[] t = new int[targets.size()];
            for (int j = 0; j < t.length; j++) {
                t[j] = targets.get(j);
                sourceOf[t[j]] = j;
            }
            this.source = Nd4j.createFromArray(sourceOf);
            this.target = Nd4j.createFromArray(t);
        }
    }

    /** The [out, in] matrix {@code sum_w weight_w basis_w} for the weight vector {@code w}, a new array. */
    INDArray expand(INDArray w) {
        INDArray vector = w.reshape(w.length());
        INDArray all = Nd4j.zeros(vector.dataType(), products + 1);
        for (Block b : blocks) {
            INDArray coefficients = vector.get(NDArrayIndex.interval(b.weightOffset(),
                    b.weightOffset() + b.rows() * b.dimension())).reshape('c', b.rows(), b.dimension());
            INDArray product = coefficients.mmul(b.basis());
            all.get(NDArrayIndex.interval(b.productOffset(), b.productOffset() + product.length()))
                    .assign(product.reshape(product.length()));
        }
        return gather(all, source).reshape('c', outChannels, inChannels);
    }

    /** Writes dL/dweights into {@code gradWeights} for dL/dmatrix {@code gradMatrix} [out, in]. */
    void backprop(INDArray gradMatrix, INDArray gradWeights) {
        INDArray picked = gather(gradMatrix.dup('c').reshape(gradMatrix.length()), target);
        INDArray grad = gradWeights.reshape(gradWeights.length());
        for (Block b : blocks) {
            long width = b.basis().size(1);
            INDArray g = picked.get(NDArrayIndex.interval(b.productOffset(), b.productOffset() + b.rows() * width))
                    .reshape('c', b.rows(), width);
            INDArray dw = g.mmul(b.basis().transpose());
            grad.get(NDArrayIndex.interval(b.weightOffset(), b.weightOffset() + b.rows() * b.dimension()))
                    .assign(dw.reshape(dw.length()));
        }
    }

    private static INDArray gather(INDArray vector, INDArray indices) {
        INDArray out = Nd4j.createUninitialized(vector.dataType(), indices.length());
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(vector, indices).addOutputs(out)
                .addIntegerArguments(0).build());
        return out;
    }
}
