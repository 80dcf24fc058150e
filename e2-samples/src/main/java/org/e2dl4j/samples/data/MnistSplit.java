package org.e2dl4j.samples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A training and a test set in MNIST's format, with a line saying where they came from.
 *
 * @param train  the training images
 * @param test   the test images (same size and classes as {@code train})
 * @param source where the images came from, for reports
 */
public record MnistSplit(LabelledImages train, LabelledImages test, String source) {

    /** The number of classes of MNIST and Fashion-MNIST. */
    public static final int MNIST_CLASSES = 10;

    /** Classpath folder of the embedded subset (see DATA.md there). */
    public static final String EMBEDDED_FOLDER = "/org/e2dl4j/samples/data/mnist-subset/";

    /** The standard IDX file names (without ".gz") of the training and test images and labels. */
    public static final List<String> IDX_FILE_NAMES = List.of(
            "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

    /** Checks that both sets share the image size and classes. */
    public MnistSplit {
        if (train.height() != test.height() || train.width() != test.width() || train.classes() != test.classes()) {
            throw new IllegalArgumentException("MNIST split from " + source + ": training images are " + train.height() + " x "
                    + train.width() + " with " + train.classes() + " classes but test images are " + test.height() + " x "
                    + test.width() + " with " + test.classes() + " classes");
        }
    }

    /**
     * The subset of MNIST shipped inside this artifact: the first 400 training and the first 100 test
     * digits of each class, in file order (4,000 and 1,000 digits, 28 x 28).
     */
    public static MnistSplit embedded() {
        return new MnistSplit(embeddedSet("train"), embeddedSet("t10k"), "embedded MNIST subset (4,000 train / 1,000 test)");
    }

    /**
     * The four standard IDX files of MNIST or a data set in its format (Fashion-MNIST, ...) in
     * {@code directory}, each plain or gzip-compressed ({@code NAME} or {@code NAME.gz}). The number of
     * classes is the largest label plus one (at least 10).
     */
    public static MnistSplit fromDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("MNIST data: expected a directory holding " + IDX_FILE_NAMES
                    + " (each optionally .gz), got " + directory + ", which is not a directory");
        }
        IdxArray trainImages = IdxReader.read(locate(directory, IDX_FILE_NAMES.get(0)));
        IdxArray trainLabels = IdxReader.read(locate(directory, IDX_FILE_NAMES.get(1)));
        IdxArray testImages = IdxReader.read(locate(directory, IDX_FILE_NAMES.get(2)));
        IdxArray testLabels = IdxReader.read(locate(directory, IDX_FILE_NAMES.get(3)));
        int classes = Math.max(MNIST_CLASSES, Math.max(maximum(trainLabels), maximum(testLabels)) + 1);
        return new MnistSplit(
                LabelledImages.fromIdx(trainImages, trainLabels, classes, directory + "/" + IDX_FILE_NAMES.get(0)),
                LabelledImages.fromIdx(testImages, testLabels, classes, directory + "/" + IDX_FILE_NAMES.get(2)),
                "IDX files in " + directory);
    }

    /** The first {@code trainCount} training and {@code testCount} test images. */
    public MnistSplit first(int trainCount, int testCount) {
        if (trainCount > train.count() || testCount > test.count()) {
            throw new IllegalArgumentException("MNIST split from " + source + ": asked for " + trainCount + " training and "
                    + testCount + " test images, it holds " + train.count() + " and " + test.count());
        }
        return new MnistSplit(train.first(trainCount), test.first(testCount), source);
    }

    private static LabelledImages embeddedSet(String prefix) {
        IdxArray images = embeddedArray(prefix + "-images-idx3-ubyte.gz");
        IdxArray labels = embeddedArray(prefix + "-labels-idx1-ubyte.gz");
        return LabelledImages.fromIdx(images, labels, MNIST_CLASSES, "embedded " + prefix);
    }

    private static IdxArray embeddedArray(String name) {
        String resource = EMBEDDED_FOLDER + name;
        try (InputStream in = MnistSplit.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("embedded MNIST subset: resource " + resource + " is missing from the classpath");
            }
            return IdxReader.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded MNIST subset: cannot read " + resource, e);
        }
    }

    private static Path locate(Path directory, String name) {
        Optional<Path> found = List.of(directory.resolve(name), directory.resolve(name + ".gz")).stream()
                .filter(Files::isRegularFile).findFirst();
        return found.orElseThrow(() -> new IllegalArgumentException("MNIST data: expected " + name + " or " + name
                + ".gz in " + directory + ", found neither (the directory must hold " + IDX_FILE_NAMES + ")"));
    }

    private static int maximum(IdxArray labels) {
        int max = 0;
        for (int i = 0; i < labels.size(); i++) {
            max = Math.max(max, labels.unsignedAt(i));
        }
        return max;
    }
}
