package org.e2dl4j.nn.batchnorm;

import static org.e2dl4j.nn.testing.EditedConfigurations.assertRefusedOnBothPaths;
import static org.e2dl4j.nn.testing.EditedConfigurations.set;

import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.LayerRunner;
import org.e2dl4j.nn.testing.TestNetworks;
import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Every check of the IID batch norms' configuration and input, on the builder path, on edited JSON and at run time. */
class IIDBadConfigurationTest {

    private static final FieldType FIBERS = FieldType.regular(GSpaces.noBaseSpace(Groups.cyclic(4)), 1);
    private static final FieldType MAPS = FieldType.regular(GSpaces.rot2dOnR2(4), 1);

    @Test
    void nonPositiveEps() {
        assertRefusedOnBothPaths(() -> new IIDBatchNorm1d.Builder(FIBERS).eps(0).name("bn").build(),
                new IIDBatchNorm1d.Builder(FIBERS).name("bn").build(), set("eps", "0.0"), "IIDBatchNorm1d layer 'bn'",
                "eps must be positive and finite, got 0.0");
    }

    @Test
    void momentumAboveOne() {
        assertRefusedOnBothPaths(() -> new IIDBatchNorm2d.Builder(MAPS).momentum(1.5).name("bn").build(),
                new IIDBatchNorm2d.Builder(MAPS).name("bn").build(), set("momentum", "1.5"), "IIDBatchNorm2d layer 'bn'",
                "momentum must be in [0, 1], got 1.5");
    }

    @Test
    void theWrongBaseSpace() {
        Rejections.assertRejected(() -> new IIDBatchNorm1d.Builder(MAPS).name("bn").build(), "IIDBatchNorm1d layer 'bn'",
                "expected a field type on a G-space with a 0-dimensional base space", "Rot2dOnR2(4)");
        Rejections.assertRejected(() -> new IIDBatchNorm2d.Builder(FIBERS).name("bn").build(),
                "IIDBatchNorm2d layer 'bn'", "2-dimensional base space", "NoBaseSpace(C4)", "no base space");
    }

    @Test
    void aBatchOfOneInTraining() {
        Rejections.assertRejected(() -> LayerRunner.backward(new IIDBatchNorm1d.Builder(FIBERS).name("bn").build(),
                TestNetworks.fibers(FIBERS), Nd4j.ones(DataType.DOUBLE, 1, 4), Nd4j.ones(DataType.DOUBLE, 1, 4)),
                "IIDBatchNorm1d layer 'bn'", "expected more than 1 value per channel", "training mode", "[1, 4]");
    }
}
