package org.e2dl4j.samples.train;

import java.util.List;

import org.e2dl4j.samples.data.ImageRotation;
import org.e2dl4j.samples.data.LabelledImages;

/**
 * The evaluation sets of the rotated-MNIST sample, all made from the same test digits: upright, turned
 * by exactly 90, 180 and 270 degrees (pixel permutations, counter-clockwise as displayed), and turned by
 * a random angle per digit (bilinear).
 */
public final class TestSets {

    /** The name of the upright set. */
    public static final String UPRIGHT = "upright";
    /** The name of the set with random angles. */
    public static final String RANDOM = "random angle";

    private TestSets() {
    }

    /**
     * The five evaluation sets in table order.
     *
     * @param test       square test images
     * @param angleSeed  seed of the random angles ({@link LabelledImages#rotatedRandomly})
     */
    public static List<NamedImages> of(LabelledImages test, long angleSeed) {
        return List.of(
                new NamedImages(UPRIGHT, test),
                new NamedImages("90 deg", test.rotated(ImageRotation.quarterTurns(1))),
                new NamedImages("180 deg", test.rotated(ImageRotation.quarterTurns(2))),
                new NamedImages("270 deg", test.rotated(ImageRotation.quarterTurns(3))),
                new NamedImages(RANDOM, test.rotatedRandomly(angleSeed)));
    }
}
