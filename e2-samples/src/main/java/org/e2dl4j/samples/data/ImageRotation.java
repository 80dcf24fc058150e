package org.e2dl4j.samples.data;

/**
 * A rotation of square single-channel images about their centre.
 *
 * <p>Orientation convention (e2cnn's, the one of the whole project): row 0 is on top, x points right
 * and y up, and a positive angle turns the image counter-clockwise as displayed, so a quarter turn moves
 * the top-centre pixel to the left-centre. The centre of rotation is the point {@code ((n-1)/2, (n-1)/2)}
 * of an {@code n x n} image: a pixel centre when {@code n} is odd (29 for padded MNIST), the corner
 * between four pixels when {@code n} is even.
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
            int last = side - 1;
            float[] out = new float[image.length];
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int source = switch (turns) {
                        case 0 -> r * side + c;
                        case 1 -> c * side + (last - r);
                        case 2 -> (last - r) * side + (last - c);
                        default -> (last - c) * side + r;
                    };
                    out[r * side + c] = image[source];
                }
            }
            return out;
        }
    }

    /**
     * A rotation by any angle: the output pixel at plane point {@code p} (relative to the centre, y up)
     * takes the bilinear interpolation of the input at {@code R(-angle) p}; points outside read zero.
     */
    record Bilinear(double angle) implements ImageRotation {

        /** @param angle the angle in radians, finite */
        public Bilinear {
            if (!Double.isFinite(angle)) {
                throw new IllegalArgumentException("rotation angle: expected a finite number of radians, got " + angle);
            }
        }

        @Override
        public float[] apply(float[] image, int side) {
            checkSquare(image, side);
            double centre = (side - 1) / 2.0;
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            float[] out = new float[image.length];
            for (int r = 0; r < side; r++) {
                double y = centre - r;
                for (int c = 0; c < side; c++) {
                    double x = c - centre;
                    double sourceX = cos * x + sin * y;
                    double sourceY = -sin * x + cos * y;
                    out[r * side + c] = sample(image, side, centre - sourceY, centre + sourceX);
                }
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
