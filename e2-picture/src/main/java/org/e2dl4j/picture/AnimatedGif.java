package org.e2dl4j.picture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes frames as an animated GIF that loops forever, with javax.imageio's GIF writer: each frame carries a
 * graphic control extension (its delay), the first one also the NETSCAPE2.0 application extension (loop count
 * 0 = forever). The writer reduces each RGB frame to its own 256-colour palette.
 *
 * <p>Draws: nothing itself; it animates images already drawn (e.g. by {@link FrameRenderer}).
 */
public final class AnimatedGif {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private AnimatedGif() {
    }

    /**
     * Writes the frames to {@code file}, showing each for {@code delayMillis} (rounded to GIF's 1/100 s).
     *
     * @throws IllegalArgumentException if there are no frames or the delay is not in [10, 655350] ms
     * @throws IOException              if the file cannot be written
     */
    public static void write(List<BufferedImage> frames, int delayMillis, Path file) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("AnimatedGif: needs at least one frame");
        }
        if (delayMillis < 10 || delayMillis > 655_350) {
            throw new IllegalArgumentException("AnimatedGif: the delay must be in [10, 655350] ms, got " + delayMillis);
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this JDK has no GIF ImageWriter");
        }
        ImageWriter writer = writers.next();
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = frames.get(i);
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
                        param);
                metadata.setFromTree(FORMAT, extensions(metadata, (delayMillis + 5) / 10, i == 0));
                writer.writeToSequence(new IIOImage(frame, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode extensions(IIOMetadata metadata, int delayHundredths, boolean loop) {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayHundredths));
        control.setAttribute("transparentColorIndex", "0");
        if (loop) {
            IIOMetadataNode application = new IIOMetadataNode("ApplicationExtension");
            application.setAttribute("applicationID", "NETSCAPE");
            application.setAttribute("authenticationCode", "2.0");
            application.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(application);
        }
        return root;
    }

    /** The child of that name, created if absent. */
    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
