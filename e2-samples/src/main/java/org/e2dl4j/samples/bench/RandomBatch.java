package org.e2dl4j.samples.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The benchmarks' input: {@code n} uniform random 1 x 29 x 29 float images (seed 3), image i labelled i mod 10. */
public final class RandomBatch {

    private RandomBatch() {
    }

    /** The batch of {@code n} images. */
    public static DataSet of(int n) {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, n, 1, BenchmarkNetworks.SIDE, BenchmarkNetworks.SIDE);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, BenchmarkNetworks.CLASSES);
        for (int i = 0; i < n; i++) {
            y.putScalar(i, i % BenchmarkNetworks.CLASSES, 1f);
        }
        return new DataSet(x, y);
    }
}
