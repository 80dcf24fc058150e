package org.e2dl4j.picture;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * e2cnn's picture of equivariance: an input turned through a full turn, fed to a steerable network and to a
 * conventional CNN (any two {@link FieldNetwork}s, e.g. randomly initialized ones), each of which outputs one
 * scalar field and one vector field. The steerable network's fields turn with the input, so its stabilized view
 * (the output turned back) stands still, up to the resampling of the input between multiples of 90 degrees; the
 * conventional network's changes.
 *
 * <p>Draws: the {@link Frame}s of a turn (for {@link FrameRenderer}), or a sheet of rendered frames, one per angle.
 */
public final class FeatureFieldPicture {

    private final FieldNetwork steerable;
    private final FieldNetwork conventional;

    /**
     * @param steerable    the equivariant network
     * @param conventional the network to compare it with
     */
    public FeatureFieldPicture(FieldNetwork steerable, FieldNetwork conventional) {
        this.steerable = Objects.requireNonNull(steerable, "steerable");
        this.conventional = Objects.requireNonNull(conventional, "conventional");
    }

    /**
     * A full turn in {@code count} equal steps: frame i shows the input turned by {@code 2 pi i / count}.
     *
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public List<Frame> turn(DiskImage input, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("FeatureFieldPicture: a turn needs at least one frame, got " + count);
        }
        Turn turn = new Turn(input);
        List<Frame> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(turn.frame(2 * Math.PI * i / count));
        }
        return frames;
    }

    /**
     * The frames of a grey-scale image turned by each of the angles, drawn by {@link FrameRenderer#forSide} and
     * stacked top to bottom: e.g. {@code render(pixels, 29, 0, 30)} shows that the stabilized view at 30 degrees
     * is the output at 0 degrees.
     *
     * @param pixels      row-major, row 0 on top, {@code side * side} values (any scale: the networks have no
     *                    bias, so scaling the input only rescales the fields, and the colours follow the upright
     *                    output); zeroed outside the inscribed disk
     * @param side        pixels per side, odd
     * @param degrees     the first angle, in degrees (counter-clockwise)
     * @param moreDegrees further angles
     * @throws IllegalArgumentException if the image is not a valid {@link DiskImage}
     */
    public BufferedImage render(float[] pixels, int side, double degrees, double... moreDegrees) {
        Turn turn = new Turn(DiskImage.of(pixels, side));
        FrameRenderer renderer = FrameRenderer.forSide(side);
        List<BufferedImage> frames = new ArrayList<>();
        frames.add(renderer.render(turn.frame(Math.toRadians(degrees))));
        for (double d : moreDegrees) {
            frames.add(renderer.render(turn.frame(Math.toRadians(d))));
        }
        return stacked(frames);
    }

    private static BufferedImage stacked(List<BufferedImage> frames) {
        int height = frames.stream().mapToInt(BufferedImage::getHeight).sum();
        int width = frames.stream().mapToInt(BufferedImage::getWidth).max().orElseThrow();
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        int y = 0;
        for (BufferedImage frame : frames) {
            g.drawImage(frame, 0, y, null);
            y += frame.getHeight();
        }
        g.dispose();
        return sheet;
    }

    /** The upright input and both networks' references, computed once for all frames of a turn. */
    private final class Turn {
        private final DiskImage upright;
        private final FeatureFields steerableReference;
        private final FeatureFields conventionalReference;

        Turn(DiskImage upright) {
            this.upright = Objects.requireNonNull(upright, "input");
            this.steerableReference = steerable.apply(upright);
            this.conventionalReference = conventional.apply(upright);
        }

        Frame frame(double angle) {
            DiskImage turned = upright.rotated(angle);
            return new Frame(angle, turned, response(steerable, steerableReference, turned, angle),
                    response(conventional, conventionalReference, turned, angle));
        }

        private FieldResponse response(FieldNetwork network, FeatureFields reference, DiskImage turned, double angle) {
            FeatureFields output = network.apply(turned);
            return new FieldResponse(network.label(), reference, output, output.stabilized(angle));
        }
    }
}
