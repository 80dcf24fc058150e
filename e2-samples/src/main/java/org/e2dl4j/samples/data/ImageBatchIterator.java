package org.e2dl4j.samples.data;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches of {@link LabelledImages} for DL4J: features {@code [b, 1, height, width]} (NCHW, float)
 * and one-hot labels {@code [b, classes]}; the last batch may be smaller.
 *
 * <p>In shuffled mode the order is a fresh permutation at construction and at every {@link #reset()},
 * drawn from one {@code Random(seed)}, so a run is reproducible; otherwise images come in set order.
 */
public final class ImageBatchIterator implements DataSetIterator {

    private static final long serialVersionUID = 1L;

    private final transient LabelledImages images;
    private final int batchSize;
    private final transient Random shuffler;
    private final int[] order;
    private int cursor;
    private transient DataSetPreProcessor preProcessor;

    private ImageBatchIterator(LabelledImages images, int batchSize, Random shuffler) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("image batch iterator: expected a positive batch size, got " + batchSize);
        }
        this.images = images;
        this.batchSize = batchSize;
        this.shuffler = shuffler;
        this.order = new int[images.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffle();
    }

    /** Batches in set order (for evaluation). */
    public static ImageBatchIterator ordered(LabelledImages images, int batchSize) {
        return new ImageBatchIterator(images, batchSize, null);
    }

    /** Batches in an order reshuffled at every reset, reproducible from {@code seed} (for training). */
    public static ImageBatchIterator shuffled(LabelledImages images, int batchSize, long seed) {
        return new ImageBatchIterator(images, batchSize, new Random(seed));
    }

    /** The number of batches in one pass. */
    public int batchesPerEpoch() {
        return (order.length + batchSize - 1) / batchSize;
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("image batch iterator: all " + order.length + " images were served; call reset()");
        }
        int count = Math.min(num, order.length - cursor);
        int size = images.height() * images.width();
        float[] features = new float[count * size];
        float[] labels = new float[count * images.classes()];
        for (int i = 0; i < count; i++) {
            int index = order[cursor + i];
            images.copyImage(index, features, i * size);
            labels[i * images.classes() + images.label(index)] = 1f;
        }
        cursor += count;
        INDArray featureArray = Nd4j.create(features, new long[] {count, 1, images.height(), images.width()}, 'c');
        INDArray labelArray = Nd4j.create(labels, new long[] {count, images.classes()}, 'c');
        DataSet batch = new DataSet(featureArray, labelArray);
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public int inputColumns() {
        return images.height() * images.width();
    }

    @Override
    public int totalOutcomes() {
        return images.classes();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        cursor = 0;
        shuffle();
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < images.classes(); c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    private void shuffle() {
        if (shuffler == null) {
            return;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffler.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
