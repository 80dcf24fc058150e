package org.e2dl4j.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * Reads the e2cnn reference data in {@code shared/reference}, found by walking up from the working
 * directory, and decodes its config encoding (see its README).
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    /** The {@code shared/reference} directory. */
    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("reference");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no shared/reference directory above " + Path.of("").toAbsolutePath());
    }

    public static JsonNode read(String relative) {
        try {
            return new ObjectMapper().readTree(directory().resolve(relative).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read reference file " + relative, e);
        }
    }

    /** The G-space of a config's {@code gspace} entry. */
    public static GSpace gspace(JsonNode spec) {
        String kind = spec.get("kind").asText();
        int n = spec.has("N") ? spec.get("N").asInt() : 0;
        int maxFreq = spec.has("maximum_frequency") ? spec.get("maximum_frequency").asInt()
                : GSpaces.DEFAULT_MAXIMUM_FREQUENCY;
        switch (kind) {
            case "rot2d":
                return GSpaces.rot2dOnR2(n, maxFreq);
            case "fliprot2d":
                return GSpaces.flipRot2dOnR2(n, maxFreq);
            case "flip2d":
                return GSpaces.flip2dOnR2();
            case "trivial":
                return GSpaces.trivialOnR2();
            default:
                throw new IllegalArgumentException("unknown reference gspace kind " + kind);
        }
    }

    /** The field type of a config's list of [repr key, multiplicity]. */
    public static FieldType fieldType(GSpace gs, JsonNode fields) {
        List<Representation> reprs = new ArrayList<>();
        for (JsonNode f : fields) {
            String key = f.get(0).asText();
            Representation r;
            if (key.equals("trivial")) {
                r = gs.trivialRepr();
            } else if (key.equals("regular")) {
                r = gs.regularRepr();
            } else if (key.startsWith("irrep:")) {
                String[] parts = key.substring(6).split(",");
                int[] id = new int[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    id[i] = Integer.parseInt(parts[i]);
                }
                r = gs.irrep(id);
            } else {
                throw new IllegalArgumentException("reference field key not supported by this test: " + key);
            }
            for (int m = 0; m < f.get(1).asInt(); m++) {
                reprs.add(r);
            }
        }
        return new FieldType(gs, reprs);
    }
}
