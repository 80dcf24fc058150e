package org.e2dl4j.samples.picture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;

import org.e2dl4j.picture.AnimatedGif;
import org.e2dl4j.picture.E2Drawing;
import org.e2dl4j.picture.FeatureFieldPicture;
import org.e2dl4j.picture.Frame;
import org.e2dl4j.picture.FrameRenderer;
import org.e2dl4j.picture.StabilizedErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The picture's command line: turns the {@link E2Drawing} through a full turn before the {@link PictureNetworks},
 * renders every {@link Frame} and writes {@code frame-NNN.png}, {@code equivariance.gif} (looping) and
 * {@code stabilized-errors.csv} (per frame: degrees, then the steerable and the conventional network's relative
 * stabilized error) to the output folder.
 *
 * <pre>
 *   mvn -B -q -pl e2-samples exec:java@picture -Dexec.args="--out target/picture"
 * </pre>
 */
@Command(name = "equivariance-picture", mixinStandardHelpOptions = true,
        description = "Renders the feature fields of a steerable and a conventional CNN for an input turned through"
                + " a full turn: PNG frames, an animated GIF and the stabilized errors.")
public final class EquivariancePicture implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EquivariancePicture.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", required = true, description = "output folder (created if missing)")
    private Path out;

    @Option(names = "--frames", defaultValue = "48",
            description = "frames per turn, a multiple of 4 so that the quarter turns are frames (default: ${DEFAULT-VALUE})")
    private int frames;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random weights (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--size", defaultValue = "65", description = "input grid side, odd (default: ${DEFAULT-VALUE})")
    private int size;

    @Option(names = "--cell", description = "pixels per grid cell in the frames (default: about 200-pixel panels)")
    private Integer cell;

    @Option(names = "--delay", defaultValue = "80", description = "ms per GIF frame (default: ${DEFAULT-VALUE})")
    private int delay;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EquivariancePicture()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (frames < 4 || frames % 4 != 0) {
            throw new ParameterException(spec.commandLine(), "--frames must be a positive multiple of 4 (so the"
                    + " quarter turns are frames), got " + frames);
        }
        if (size < 15 || size % 2 == 0) {
            throw new ParameterException(spec.commandLine(), "--size must be odd and at least 15, got " + size);
        }
        if (delay < 10 || delay > 655_350) {
            throw new ParameterException(spec.commandLine(), "--delay must be in [10, 655350] ms, got " + delay);
        }
        if (cell != null && cell < 1) {
            throw new ParameterException(spec.commandLine(), "--cell must be at least 1, got " + cell);
        }
        Files.createDirectories(out);
        FeatureFieldPicture picture = PictureNetworks.picture(seed);
        FrameRenderer renderer = cell == null ? FrameRenderer.forSide(size) : FrameRenderer.withCell(cell);
        List<Frame> turn = picture.turn(E2Drawing.draw(size), frames);
        List<BufferedImage> images = new ArrayList<>();
        try (Writer csv = Files.newBufferedWriter(out.resolve("stabilized-errors.csv"), StandardCharsets.UTF_8)) {
            csv.write("degrees,steerable,conventional\n");
            for (int i = 0; i < turn.size(); i++) {
                Frame frame = turn.get(i);
                BufferedImage image = renderer.render(frame);
                ImageIO.write(image, "png", out.resolve(String.format(Locale.ROOT, "frame-%03d.png", i)).toFile());
                images.add(image);
                csv.write(String.format(Locale.ROOT, "%.4f,%.6e,%.6e%n", frame.degrees(),
                        frame.steerable().stabilizedError(), frame.conventional().stabilizedError()));
            }
        }
        AnimatedGif.write(images, delay, out.resolve("equivariance.gif"));
        StabilizedErrors errors = StabilizedErrors.of(turn);
        LOG.info("{} frames of {} x {} written to {}", frames, size, size, out.toAbsolutePath());
        LOG.info(errors.summary());
        return 0;
    }
}
