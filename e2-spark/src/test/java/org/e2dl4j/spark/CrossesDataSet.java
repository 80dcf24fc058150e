package org.e2dl4j.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Synthetic two-class images, 1 x 9 x 9, NCHW: class 0 is a "+" (3x3 upright cross), class 1 an
 * "x" (3x3 diagonal cross), at a random position, plus Gaussian noise. Both shapes are invariant
 * under 90-degree rotations and flips, so a rotation-invariant network can separate them.
 */
final class CrossesDataSet {

    static final int SIZE = 9;
    private static final double NOISE = 0.2;

    private CrossesDataSet() {
    }

    /** {@code batches} minibatches of {@code batchSize} examples, reproducible from {@code seed}. */
    static List<DataSet> minibatches(int batches, int batchSize, long seed) {
        Random rnd = new Random(seed);
        List<DataSet> result = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            float[] pixels = new float[batchSize * SIZE * SIZE];
            float[] labels = new float[batchSize * 2];
            for (int n = 0; n < batchSize; n++) {
                int label = rnd.nextInt(2);
                labels[n * 2 + label] = 1f;
                int row = 1 + rnd.nextInt(SIZE - 2);
                int col = 1 + rnd.nextInt(SIZE - 2);
                int offset = n * SIZE * SIZE;
                for (int p = 0; p < SIZE * SIZE; p++) {
                    pixels[offset + p] = (float) (NOISE * rnd.nextGaussian());
                }
                pixels[offset + row * SIZE + col] += 1f;
                for (int d = -1; d <= 1; d += 2) {
                    if (label == 0) {
                        pixels[offset + (row + d) * SIZE + col] += 1f;
                        pixels[offset + row * SIZE + col + d] += 1f;
                    } else {
                        pixels[offset + (row + d) * SIZE + col + d] += 1f;
                        pixels[offset + (row + d) * SIZE + col - d] += 1f;
                    }
                }
            }
            result.add(new DataSet(
                    Nd4j.create(pixels, new long[]{batchSize, 1, SIZE, SIZE}, DataType.FLOAT),
                    Nd4j.create(labels, new long[]{batchSize, 2}, DataType.FLOAT)));
        }
        return result;
    }
}
