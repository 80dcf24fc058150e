package org.e2dl4j.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class ImageBatchIteratorTest {

    private static final LabelledImages DIGITS = MnistSplit.embedded().test().first(150).paddedBottomRight(1, 1);

    @Test
    void orderedBatchesHoldTheImagesAsNchwAndTheLabelsOneHot() {
        ImageBatchIterator batches = ImageBatchIterator.ordered(DIGITS, 64);

        List<DataSet> all = new ArrayList<>();
        while (batches.hasNext()) {
            all.add(batches.next());
        }

        assertEquals(3, all.size(), "batches of 64 from 150 digits");
        assertArrayEquals(new long[] {64, 1, 29, 29}, all.get(0).getFeatures().shape(), "shape of a full batch");
        assertArrayEquals(new long[] {22, 1, 29, 29}, all.get(2).getFeatures().shape(), "shape of the last batch");
        assertArrayEquals(new long[] {22, 10}, all.get(2).getLabels().shape(), "label shape of the last batch");
        INDArray features = all.get(1).getFeatures();
        INDArray labels = all.get(1).getLabels();
        int index = 64 + 5;
        assertArrayEquals(DIGITS.image(index), features.get(
                org.nd4j.linalg.indexing.NDArrayIndex.point(5)).reshape(29 * 29).toFloatVector(), "pixels of digit " + index);
        assertEquals(1.0, labels.getRow(5).sumNumber().doubleValue(), "one-hot row sum of digit " + index);
        assertEquals(1.0, labels.getDouble(5, DIGITS.label(index)), "one-hot entry at the label of digit " + index);
    }

    @Test
    void shuffledEpochsServeEveryImageOnceInAReproducibleNewOrder() {
        LabelledImages numbered = numberedImages(150);
        ImageBatchIterator batches = ImageBatchIterator.shuffled(numbered, 64, 11);
        ImageBatchIterator twin = ImageBatchIterator.shuffled(numbered, 64, 11);

        List<Integer> firstEpoch = epochOrder(batches);
        batches.reset();
        List<Integer> secondEpoch = epochOrder(batches);

        assertEquals(firstEpoch, epochOrder(twin), "first epoch of two iterators with seed 11");
        assertEquals(150, new HashSet<>(firstEpoch).size(), "distinct images served in epoch 1");
        assertEquals(150, new HashSet<>(secondEpoch).size(), "distinct images served in epoch 2");
        assertNotEquals(firstEpoch, secondEpoch, "orders of epochs 1 and 2");
        assertFalse(batches.hasNext(), "iterator exhausted after an epoch");
    }

    /** {@code n} 2x2 images, image i filled with (i + 1) / 1000 and labelled i mod 10. */
    private static LabelledImages numberedImages(int n) {
        float[] pixels = new float[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(pixels, i * 4, i * 4 + 4, (i + 1) / 1000f);
            labels[i] = i % 10;
        }
        return LabelledImages.of(2, 2, 10, pixels, labels);
    }

    /** The numbers of the images served until the iterator is exhausted, checking each label. */
    private static List<Integer> epochOrder(ImageBatchIterator batches) {
        List<Integer> order = new ArrayList<>();
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            for (int i = 0; i < batch.numExamples(); i++) {
                int number = Math.round(batch.getFeatures().getFloat(i, 0, 0, 0) * 1000) - 1;
                assertEquals(1.0, batch.getLabels().getDouble(i, number % 10), "one-hot label of image " + number);
                order.add(number);
            }
        }
        return order;
    }
}
