package org.e2dl4j.samples.data;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.gspace.GridConvention;

/**
 * A rotation of square single-channel images about their centre, by the action of the rotation group on
 * the pixel grid that e2-math defines ({@link GSpace#gridPermutation}, {@link GSpace#sourceCoordinates}).
 *
 * <p>Orientation: {@link GridConvention}'s (e2cnn's): row 0 is on top, x points right and y up, and a
 * positive angle turns the image counter-clockwise as displayed, so a quarter turn moves the top-centre
 * pixel to the left-centre. The centre of rotation is a pixel centre when the side is odd (29 for padded
 * MNIST), the corner between four pixels when it is even.
 *
 * <p>Images are row-major {@code float[n*n]} arrays; {@link #apply} never modifies its argument.
 */
public sealed interface ImageRotation permits ImageRotation.QuarterTurns, ImageRotation.Bilinear {

    /** The rotation by {@code k} quarter turns (any integer; taken modulo 4), an exact pixel permutation. */
    static ImageRotation quarterTurns(int k) {
        return new QuarterTurns(Math.floorMod(k, 4));
    }

    /** The rotation by {@code radians}, resampled with bilinear interpolation and zeros outside the image. */
    static ImageRotation byAngle(double radians) {
        return new Bilinear(radians);
    }

    /** The rotation angle in radians. */
    double angle();

    /**
     * The rotated copy of an {@code side x side} image.
     *
     * @throws IllegalArgumentException if {@code image.length != side * side}
     */
    float[] apply(float[] image, int side);

    /**
     * {@code k} counter-clockwise quarter turns, {@code k} in [0, 4): one turn maps output pixel
     * {@code (r, c)} to source pixel {@code (c, n-1-r)}.
     */
    record QuarterTurns(int turns) implements ImageRotation {

        private static final GSpace C4 = GSpaces.rot2dOnR2(4);

        /** @param turns the number of quarter turns, in [0, 4) */
        public QuarterTurns {
            if (turns < 0 || turns > 3) {
                throw new IllegalArgumentException("quarter turns: expected 0..3, got " + turns);
            }
        }

        @Override
        public double angle() {
            return turns * Math.PI / 2;
        }

        @Override
        public float[] apply(float[] image, int side) {
            checkSquare(image, side);
            int[] source = C4.gridPermutation(GroupElement.finite(0, turns, 4), side, side);
            float[] out = new float[image.length];
            for (int p = 0; p < out.length; p++) {
                out[p] = image[source[p]];
            }
            return out;
        }
    }

    /**
     * A rotation by any angle: the output pixel at plane point {@code p} (relative to the centre, y up)
     * takes the bilinear interpolation of the input at {@code R(-angle) p}; points outside read zero.
     */
    record Bilinear(double angle) implements ImageRotation {

        private static final GSpace SO2 = GSpaces.rot2dOnR2(-1);

        /** @param angle the angle in radians, finite */
        public Bilinear {
            if (!Double.isFinite(angle)) {
                throw new IllegalArgumentException("rotation angle: expected a finite number of radians, got " + angle);
            }
        }

        @Override
        public float[] apply(float[] image, int side) {
            checkSquare(image, side);
            double[][] source = SO2.sourceCoordinates(GroupElement.continuous(0, angle), side, side);
            float[] out = new float[image.length];
            for (int p = 0; p < out.length; p++) {
                out[p] = sample(image, side, source[p][0], source[p][1]);
            }
            return out;
        }

        private static float sample(float[] image, int side, double row, double col) {
            int r0 = (int) Math.floor(row);
            int c0 = (int) Math.floor(col);
            double fr = row - r0;
            double fc = col - c0;
            return (float) ((1 - fr) * ((1 - fc) * at(image, side, r0, c0) + fc * at(image, side, r0, c0 + 1))
                    + fr * ((1 - fc) * at(image, side, r0 + 1, c0) + fc * at(image, side, r0 + 1, c0 + 1)));
        }

        private static double at(float[] image, int side, int r, int c) {
            return r < 0 || c < 0 || r >= side || c >= side ? 0.0 : image[r * side + c];
        }
    }

    private static void checkSquare(float[] image, int side) {
        if (side <= 0 || image.length != side * side) {
            throw new IllegalArgumentException("image rotation: expected a square image of " + side + " x " + side
                    + " = " + ((long) side * side) + " pixels, got " + image.length);
        }
    }
}
