package org.e2dl4j.samples.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The picture's claim, measured: the steerable network's stabilized view stands still (exactly at quarter turns,
 * up to the resampling of the input elsewhere), the conventional network's does not.
 */
class FeatureFieldPictureTest {

    /** A small budget: a 25 x 25 grid, a turn in 8 steps of 45 degrees. */
    private static final int SIDE = 25;
    private static final int FRAMES = 8;
    /** Float rounding through four layers. */
    private static final double QUARTER_TURN_TOLERANCE = 1e-4;
    /**
     * Measured: 9.6% at 45 degrees for seed 1 on this 25 x 25 grid (6.1% and 3.8% for seeds 2 and 3; 5.6% on the
     * 65 x 65 grid of the CLI's default). The input turned by 45 degrees is resampled, and its round trip alone
     * (turn, turn back) is off by about as much.
     */
    private static final double RESAMPLED_TOLERANCE = 0.15;

    private static FeatureFieldPicture picture;
    private static List<Frame> turn;

    @BeforeAll
    static void turnTheDrawing() {
        picture = FeatureFieldPicture.withSeed(1);
        turn = picture.turn(E2Drawing.draw(SIDE), FRAMES);
    }

    @Test
    void theSteerableStabilizedViewEqualsTheUprightOutputExactlyAtQuarterTurnsAndNearlyElsewhere() {
        for (Frame frame : turn) {
            double error = frame.steerable().stabilizedError();
            boolean quarter = StabilizedErrors.isQuarterTurn(frame.angle());
            double tolerance = quarter ? QUARTER_TURN_TOLERANCE : RESAMPLED_TOLERANCE;
            assertTrue(error <= tolerance, String.format(Locale.ROOT, "%s at %.1f degrees: expected a relative"
                    + " stabilized error <= %.0e, got %.3e", frame.steerable().label(), frame.degrees(), tolerance,
                    error));
        }
    }

    @Test
    void theConventionalStabilizedViewMovesAtQuarterTurnsMoreThanTheSteerableOneAtAnyAngle() {
        StabilizedErrors errors = StabilizedErrors.of(turn);
        assertTrue(errors.conventionalQuarterTurns() > 0.5, "conventional CNN at quarter turns: expected a relative"
                + " stabilized error above 0.5 (random filters have no symmetry), got " + errors);
        assertTrue(errors.conventionalQuarterTurns() > errors.steerableOther(), "expected the conventional CNN's"
                + " error at quarter turns to exceed the steerable one's at every angle, got " + errors);
        assertTrue(errors.steerableQuarterTurns() <= QUARTER_TURN_TOLERANCE, errors.toString());
    }

    @Test
    void theTurnStepsByEqualAnglesFromUpright() {
        assertEquals(FRAMES, turn.size());
        for (int i = 0; i < FRAMES; i++) {
            assertEquals(45.0 * i, turn.get(i).degrees(), 1e-9, "angle of frame " + i);
        }
        assertEquals(0.0, turn.get(0).steerable().stabilizedError(), "the upright frame is its own reference");
    }

    @Test
    void theConventionalNetworkHasAboutAsManyWeightsAsTheSteerableOne() {
        long conventional = PictureNetworks.conventional(1).network().numParams();
        long steerable = PictureNetworks.steerable(1).network().numParams();
        assertEquals(1 * 16 * 7 * 7 + 2 * 16 * 16 * 5 * 5 + 16 * 3 * 5 * 5, conventional,
                "weights of 7x7 1->16, two 5x5 16->16, 5x5 16->3 convolutions without bias");
        assertTrue(steerable < conventional && 1.5 * steerable > conventional,
                "expected the steerable network's " + steerable + " weights within a factor 1.5 below " + conventional);
    }

    @Test
    void renderStacksOneFramePerAngleForAnyOddGreyImage() {
        float[] pixels = E2Drawing.draw(SIDE).pixels();
        BufferedImage one = picture.render(pixels, SIDE, 30);
        BufferedImage two = picture.render(pixels, SIDE, 0, 30);
        assertEquals(one.getWidth(), two.getWidth());
        assertEquals(2 * one.getHeight(), two.getHeight(), "two angles give two frames, one under the other");
        IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
                () -> picture.render(new float[4], 2, 0));
        assertTrue(even.getMessage().contains("odd"), even.getMessage());
    }
}
