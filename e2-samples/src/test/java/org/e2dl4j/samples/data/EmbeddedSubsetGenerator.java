package org.e2dl4j.samples.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the embedded MNIST subset from the original IDX files: of each set, the first {@code k} digits of
 * every class in file order ({@code k} = 400 for training, 100 for test), kept in file order, written as
 * gzip IDX files. See {@code src/main/resources/org/e2dl4j/samples/data/mnist-subset/DATA.md}.
 *
 * <p>Arguments: the directory with the four original IDX files, the output directory.
 */
public final class EmbeddedSubsetGenerator {

    static final int TRAIN_PER_CLASS = 400;
    static final int TEST_PER_CLASS = 100;

    private EmbeddedSubsetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: EmbeddedSubsetGenerator MNIST_IDX_DIR OUTPUT_DIR, got "
                    + args.length + " arguments");
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        writeSubset(source, "train", TRAIN_PER_CLASS, target);
        writeSubset(source, "t10k", TEST_PER_CLASS, target);
    }

    private static void writeSubset(Path source, String prefix, int perClass, Path target) throws IOException {
        IdxArray images = IdxReader.read(locate(source, prefix + "-images-idx3-ubyte"));
        IdxArray labels = IdxReader.read(locate(source, prefix + "-labels-idx1-ubyte"));
        List<Integer> chosen = firstPerClass(labels, perClass);
        int height = images.dimension(1);
        int width = images.dimension(2);
        int size = height * width;
        int[] pixelValues = new int[chosen.size() * size];
        int[] labelValues = new int[chosen.size()];
        for (int i = 0; i < chosen.size(); i++) {
            int index = chosen.get(i);
            labelValues[i] = labels.unsignedAt(index);
            for (int p = 0; p < size; p++) {
                pixelValues[i * size + p] = images.unsignedAt(index * size + p);
            }
        }
        IdxWriter.writeGzip(target.resolve(prefix + "-images-idx3-ubyte.gz"), new int[] {chosen.size(), height, width}, pixelValues);
        IdxWriter.writeGzip(target.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[] {chosen.size()}, labelValues);
    }

    /** The indices of the first {@code perClass} digits of each class 0..9, in file order. */
    static List<Integer> firstPerClass(IdxArray labels, int perClass) {
        int[] taken = new int[MnistSplit.MNIST_CLASSES];
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int label = labels.unsignedAt(i);
            if (taken[label] < perClass) {
                taken[label]++;
                chosen.add(i);
            }
        }
        for (int c = 0; c < taken.length; c++) {
            if (taken[c] < perClass) {
                throw new IllegalArgumentException("subset: class " + c + " has only " + taken[c] + " digits, need " + perClass);
            }
        }
        return chosen;
    }

    private static Path locate(Path directory, String name) {
        Path plain = directory.resolve(name);
        return Files.isRegularFile(plain) ? plain : directory.resolve(name + ".gz");
    }
}
