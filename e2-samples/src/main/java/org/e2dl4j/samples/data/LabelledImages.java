package org.e2dl4j.samples.data;

import java.util.Arrays;
import java.util.Random;

/**
 * An immutable set of single-channel images of one size with class labels: image {@code i} is a
 * row-major {@code height x width} array of intensities in [0, 1], its label in {@code [0, classes)}.
 */
public final class LabelledImages {

    private final int height;
    private final int width;
    private final int classes;
    private final float[] pixels;
    private final int[] labels;

    private LabelledImages(int height, int width, int classes, float[] pixels, int[] labels) {
        this.height = height;
        this.width = width;
        this.classes = classes;
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * Images and labels from parallel arrays (both copied).
     *
     * @param pixels  {@code labels.length * height * width} intensities in [0, 1], image after image
     * @param labels  one label per image, each in {@code [0, classes)}
     */
    public static LabelledImages of(int height, int width, int classes, float[] pixels, int[] labels) {
        if (height <= 0 || width <= 0 || classes < 2) {
            throw new IllegalArgumentException("labelled images: expected positive height and width and at least 2 classes, got "
                    + height + " x " + width + " and " + classes + " classes");
        }
        if ((long) labels.length * height * width != pixels.length) {
            throw new IllegalArgumentException("labelled images: " + labels.length + " images of " + height + " x " + width
                    + " need " + ((long) labels.length * height * width) + " pixels, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labelled images: expected labels in [0, " + classes + "), got "
                        + labels[i] + " for image " + i);
            }
        }
        for (int i = 0; i < pixels.length; i++) {
            if (!(pixels[i] >= 0f && pixels[i] <= 1f)) {
                throw new IllegalArgumentException("labelled images: expected intensities in [0, 1], got " + pixels[i]
                        + " in image " + (i / (height * width)));
            }
        }
        return new LabelledImages(height, width, classes, pixels.clone(), labels.clone());
    }

    /**
     * The images of an IDX image array {@code [n, height, width]} (bytes scaled by 1/255) with the labels
     * of an IDX label array {@code [n]}.
     */
    public static LabelledImages fromIdx(IdxArray images, IdxArray labels, int classes, String source) {
        if (images.rank() != 3) {
            throw new IllegalArgumentException(source + ": expected an image array [count, height, width], got shape "
                    + Arrays.toString(images.shape()));
        }
        if (labels.rank() != 1 || labels.dimension(0) != images.dimension(0)) {
            throw new IllegalArgumentException(source + ": expected a label array [" + images.dimension(0)
                    + "] matching the images, got shape " + Arrays.toString(labels.shape()));
        }
        float[] pixels = new float[images.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = images.unsignedAt(i) / 255f;
        }
        int[] labelValues = new int[labels.size()];
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = labels.unsignedAt(i);
        }
        return of(images.dimension(1), images.dimension(2), classes, pixels, labelValues);
    }

    public int count() {
        return labels.length;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The number of classes; labels lie in {@code [0, classes)}. */
    public int classes() {
        return classes;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Image {@code index} as a fresh row-major array. */
    public float[] image(int index) {
        int size = height * width;
        return Arrays.copyOfRange(pixels, index * size, (index + 1) * size);
    }

    /** Copies image {@code index} into {@code target} from {@code offset} on ({@code target} is modified). */
    void copyImage(int index, float[] target, int offset) {
        int size = height * width;
        System.arraycopy(pixels, index * size, target, offset, size);
    }

    /** The first {@code n} images, in order. */
    public LabelledImages first(int n) {
        if (n <= 0 || n > count()) {
            throw new IllegalArgumentException("labelled images: asked for the first " + n + " of " + count() + " images");
        }
        int size = height * width;
        return new LabelledImages(height, width, classes, Arrays.copyOf(pixels, n * size), Arrays.copyOf(labels, n));
    }

    /**
     * The images with {@code rows} zero rows added at the bottom and {@code columns} zero columns on the
     * right, as e2cnn's example pads MNIST from 28 x 28 to 29 x 29 (so the image has a centre pixel).
     */
    public LabelledImages paddedBottomRight(int rows, int columns) {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("padding: expected non-negative rows and columns, got " + rows + ", " + columns);
        }
        int newHeight = height + rows;
        int newWidth = width + columns;
        float[] padded = new float[count() * newHeight * newWidth];
        for (int i = 0; i < count(); i++) {
            for (int r = 0; r < height; r++) {
                System.arraycopy(pixels, (i * height + r) * width, padded, (i * newHeight + r) * newWidth, width);
            }
        }
        return new LabelledImages(newHeight, newWidth, classes, padded, labels);
    }

    /** Every image rotated by {@code rotation} (the images must be square). */
    public LabelledImages rotated(ImageRotation rotation) {
        int side = squareSide();
        int size = side * side;
        float[] rotated = new float[pixels.length];
        for (int i = 0; i < count(); i++) {
            System.arraycopy(rotation.apply(image(i), side), 0, rotated, i * size, size);
        }
        return new LabelledImages(height, width, classes, rotated, labels);
    }

    /**
     * Every image rotated by its own angle, drawn uniformly from [0, 2 pi) by {@code new Random(seed)} in
     * image order, resampled bilinearly: the same seed gives the same set.
     */
    public LabelledImages rotatedRandomly(long seed) {
        int side = squareSide();
        int size = side * side;
        Random random = new Random(seed);
        float[] rotated = new float[pixels.length];
        for (int i = 0; i < count(); i++) {
            ImageRotation rotation = ImageRotation.byAngle(2 * Math.PI * random.nextDouble());
            System.arraycopy(rotation.apply(image(i), side), 0, rotated, i * size, size);
        }
        return new LabelledImages(height, width, classes, rotated, labels);
    }

    private int squareSide() {
        if (height != width) {
            throw new IllegalStateException("rotation: expected square images, got " + height + " x " + width);
        }
        return height;
    }
}
