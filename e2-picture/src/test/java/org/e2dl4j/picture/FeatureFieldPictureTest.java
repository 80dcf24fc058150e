package org.e2dl4j.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The picture's claim, measured on {@link SmallFieldNetworks}: the steerable network's stabilized view stands
 * still (exactly at quarter turns, up to the resampling of the input elsewhere), the conventional network's does
 * not; and the picture's frames step through the turn and stack for several angles.
 */
class FeatureFieldPictureTest {

    /** A small budget: a 25 x 25 grid, a turn in 8 steps of 45 degrees. */
    private static final int SIDE = 25;
    private static final int FRAMES = 8;
    /** Float rounding through four layers. */
    private static final double QUARTER_TURN_TOLERANCE = 1e-4;
    /**
     * The input turned by 45 degrees is resampled, and its round trip alone (turn, turn back) is off by several
     * percent.
     */
    private static final double RESAMPLED_TOLERANCE = 0.15;

    private static FeatureFieldPicture picture;
    private static List<Frame> turn;

    @BeforeAll
    static void turnTheDrawing() {
        picture = SmallFieldNetworks.picture(1);
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
