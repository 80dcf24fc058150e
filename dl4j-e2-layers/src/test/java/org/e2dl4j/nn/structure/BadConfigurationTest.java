package org.e2dl4j.nn.structure;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.replace;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;

import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;

/** Every check of the structural layers' configuration, on the builder path and on edited JSON. */
class BadConfigurationTest {

    private static final GSpace C8 = GSpaces.rot2dOnR2(8);
    private static final FieldType TYPE = FieldType.regular(C8, 1).plus(FieldType.trivial(C8, 1));

    @Test
    void maskSizeBelowOne() {
        assertRefusedOnBothPaths(() -> new MaskModule.Builder(TYPE, 0).name("m").build(),
                new MaskModule.Builder(TYPE, 9).name("m").build(), set("size", "0"), "MaskModule layer 'm'",
                "mask size S must be positive, got 0");
    }

    @Test
    void maskMarginAboveOneHundredPercent() {
        assertRefusedOnBothPaths(() -> new MaskModule.Builder(TYPE, 9).margin(200).name("m").build(),
                new MaskModule.Builder(TYPE, 9).name("m").build(), set("margin", "200.0"), "MaskModule layer 'm'",
                "[0, 100], got 200.0");
    }

    @Test
    void permutationThatRepeatsAField() {
        assertRefusedOnBothPaths(() -> new ReshuffleModule.Builder(TYPE, 0, 0).name("r").build(),
                new ReshuffleModule.Builder(TYPE, 1, 0).name("r").build(),
                replace("\"permutation\"\\s*:\\s*\\[\\s*1\\s*,\\s*0\\s*\\]", "\"permutation\" : [ 0, 0 ]"),
                "ReshuffleModule layer 'r'", "expected a permutation of the 2 fields", "[0, 0]");
    }

    @Test
    void negativeScaleFactor() {
        assertRefusedOnBothPaths(() -> new R2Upsampling.Builder(TYPE, -2).name("u").build(),
                new R2Upsampling.Builder(TYPE, 2).name("u").build(), set("scaleFactor", "-2"),
                "R2Upsampling layer 'u'", "scaleFactor must be a positive integer, got -2");
    }

    @Test
    void scaleFactorAndSizeTogether() {
        assertRefusedOnBothPaths(() -> new R2Upsampling.Builder(TYPE, 2).size(4, 4).name("u").build(),
                new R2Upsampling.Builder(TYPE, 2).name("u").build(), set("outHeight", "4"),
                "R2Upsampling layer 'u'", "exactly one", "got both");
    }

    @Test
    void nearestModeThatAlignsCorners() {
        assertRefusedOnBothPaths(() -> new R2Upsampling.Builder(TYPE, 2).mode("nearest").alignCorners(true).name("u")
                        .build(), new R2Upsampling.Builder(TYPE, 2).mode("nearest").name("u").build(),
                set("alignCorners", "true"), "R2Upsampling layer 'u'", "alignCorners applies to bilinear");
    }

    @Test
    void subgroupThatIsNoSubgroup() {
        assertRefusedOnBothPaths(() -> new RestrictionModule.Builder(TYPE, SubgroupId.rotations(3)).name("res")
                        .build(), new RestrictionModule.Builder(TYPE, SubgroupId.rotations(4)).name("res").build(),
                set("subgroup", "\"3\""), "RestrictionModule layer 'res'", "3");
    }
}
