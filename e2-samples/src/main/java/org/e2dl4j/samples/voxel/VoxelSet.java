package org.e2dl4j.samples.voxel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A named set of labelled voxel grids (one channel, side {@code n}), for training or for one column of the
 * table. Grids are {@code [d][h][w]} flattened row-major; as features they are {@code [N, 1, n, n, n]} (NCDHW)
 * float arrays, the labels one-hot {@code [N, classes]}.
 */
public final class VoxelSet {

    private final String name;
    private final int side;
    private final int classes;
    private final List<float[]> grids;
    private final int[] labels;

    /**
     * @param name    the set's name (a column of the table)
     * @param side    the grids' side
     * @param classes the number of classes
     * @param grids   the grids, {@code side^3} voxels each
     * @param labels  one label in {@code [0, classes)} per grid
     */
    public VoxelSet(String name, int side, int classes, List<float[]> grids, int[] labels) {
        if (grids.size() != labels.length) {
            throw new IllegalArgumentException("voxel set " + name + ": expected one label per grid, got " + grids.size()
                    + " grids and " + labels.length + " labels");
        }
        for (int i = 0; i < grids.size(); i++) {
            if (grids.get(i).length != side * side * side) {
                throw new IllegalArgumentException("voxel set " + name + ": grid " + i + " has " + grids.get(i).length
                        + " voxels, expected " + side + "^3 = " + side * side * side);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("voxel set " + name + ": label of grid " + i + " is " + labels[i]
                        + ", expected one in [0, " + classes + ")");
            }
        }
        this.name = name;
        this.side = side;
        this.classes = classes;
        this.grids = List.copyOf(grids);
        this.labels = labels.clone();
    }

    /** The set's name. */
    public String name() {
        return name;
    }

    /** The grids' side. */
    public int side() {
        return side;
    }

    /** The number of classes. */
    public int classes() {
        return classes;
    }

    /** The number of grids. */
    public int count() {
        return grids.size();
    }

    /** Grid {@code i} (a copy). */
    public float[] grid(int i) {
        return grids.get(i).clone();
    }

    /** The label of grid {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Every grid turned by every rotation of {@code rotations}: grid by grid, rotations in the list's order. */
    public VoxelSet turned(String newName, List<CubeRotation> rotations) {
        List<float[]> turned = new ArrayList<>();
        int[] turnedLabels = new int[grids.size() * rotations.size()];
        for (int i = 0; i < grids.size(); i++) {
            for (int r = 0; r < rotations.size(); r++) {
                turned.add(rotations.get(r).apply(grids.get(i), side));
                turnedLabels[i * rotations.size() + r] = labels[i];
            }
        }
        return new VoxelSet(newName, side, classes, turned, turnedLabels);
    }

    /** The grids {@code from, ..., to - 1} as features {@code [to - from, 1, n, n, n]}. */
    public INDArray features(int from, int to) {
        return features(IntStream.range(from, to).toArray());
    }

    /** Mini-batches of the grids in order; the last may be smaller. */
    public DataSetIterator batches(int batchSize) {
        return batchesInOrder(IntStream.range(0, count()).toArray(), batchSize);
    }

    /** Mini-batches of the grids in an order shuffled by {@code random}; the last may be smaller. */
    public DataSetIterator shuffledBatches(int batchSize, Random random) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, count()).boxed().toList());
        Collections.shuffle(order, random);
        return batchesInOrder(order.stream().mapToInt(Integer::intValue).toArray(), batchSize);
    }

    /** The number of mini-batches of {@code batchSize} in one pass. */
    public int batchCount(int batchSize) {
        return (count() + batchSize - 1) / batchSize;
    }

    private DataSetIterator batchesInOrder(int[] order, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("voxel set " + name + ": expected a positive batch size, got " + batchSize);
        }
        List<DataSet> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            int[] batch = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            INDArray oneHot = Nd4j.zeros(DataType.FLOAT, batch.length, classes);
            for (int i = 0; i < batch.length; i++) {
                oneHot.putScalar(i, labels[batch[i]], 1);
            }
            batches.add(new DataSet(features(batch), oneHot));
        }
        return new ExistingDataSetIterator(batches);
    }

    private INDArray features(int[] indices) {
        int voxels = side * side * side;
        float[] flat = new float[indices.length * voxels];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(grids.get(indices[i]), 0, flat, i * voxels, voxels);
        }
        return Nd4j.create(flat, new long[] {indices.length, 1, side, side, side}, 'c');
    }
}
