package org.e2dl4j.picture;

/**
 * A separable Gaussian blur of a square image, {@code exp(-d^2 / (2 sigma^2))} truncated at 3 sigma and
 * normalized, with zeros beyond the border. Immutable.
 */
final class GaussianBlur {

    private final double[] weights;
    private final int reach;

    private GaussianBlur(double sigma) {
        this.reach = (int) Math.ceil(3 * sigma);
        this.weights = new double[2 * reach + 1];
        double sum = 0;
        for (int i = -reach; i <= reach; i++) {
            weights[i + reach] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += weights[i + reach];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
    }

    /**
     * The blur of width {@code sigma} pixels.
     *
     * @throws IllegalArgumentException if sigma is not positive
     */
    static GaussianBlur of(double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("GaussianBlur: sigma must be positive, got " + sigma);
        }
        return new GaussianBlur(sigma);
    }

    /** The blurred copy of a row-major {@code side} x {@code side} image. */
    float[] apply(float[] pixels, int side) {
        float[] rows = new float[pixels.length];
        float[] out = new float[pixels.length];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double v = 0;
                for (int i = Math.max(-reach, -c); i <= Math.min(reach, side - 1 - c); i++) {
                    v += weights[i + reach] * pixels[r * side + c + i];
                }
                rows[r * side + c] = (float) v;
            }
        }
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double v = 0;
                for (int i = Math.max(-reach, -r); i <= Math.min(reach, side - 1 - r); i++) {
                    v += weights[i + reach] * rows[(r + i) * side + c];
                }
                out[r * side + c] = (float) v;
            }
        }
        return out;
    }
}
