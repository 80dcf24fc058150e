package org.e2dl4j.samples.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.datasets.iterator.impl.MnistDataSetIterator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

/**
 * MNIST through DL4J's own {@link MnistDataSetIterator}, which downloads the full data set into
 * {@code ~/.deeplearning4j} on first use (needs network access).
 */
public final class Dl4jMnist {

    private static final int SIDE = 28;
    private static final int BATCH = 1000;

    private Dl4jMnist() {
    }

    /** The first {@code trainCount} training and {@code testCount} test digits, in DL4J's file order. */
    public static MnistSplit load(int trainCount, int testCount) throws IOException {
        return new MnistSplit(read(trainCount, true), read(testCount, false), "DL4J MnistDataSetIterator (full MNIST)");
    }

    private static LabelledImages read(int count, boolean train) throws IOException {
        MnistDataSetIterator iterator = new MnistDataSetIterator(BATCH, count, false, train, false, 0L);
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        while (iterator.hasNext()) {
            DataSet batch = iterator.next();
            INDArray features = batch.getFeatures();
            INDArray classes = batch.getLabels().argMax(1);
            for (int i = 0; i < features.rows(); i++) {
                images.add(features.getRow(i).toFloatVector());
                labels.add(classes.getInt(i));
            }
        }
        iterator.close();
        float[] pixels = new float[images.size() * SIDE * SIDE];
        int[] labelArray = new int[labels.size()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * SIDE * SIDE, SIDE * SIDE);
            labelArray[i] = labels.get(i);
        }
        return LabelledImages.of(SIDE, SIDE, MnistSplit.MNIST_CLASSES, pixels, labelArray);
    }
}
