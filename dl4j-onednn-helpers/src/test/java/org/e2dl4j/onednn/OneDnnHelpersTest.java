package org.e2dl4j.onednn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.Collections;
import java.util.List;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.Nd4jCpu;

/**
 * {@link OneDnnHelpers} and the environment class {@link Nd4jCpu.Environment}: what DL4J M2.1 looks up, that it
 * answers with libnd4j's own switch, and what {@code enable()} does when oneDNN is usable and when not.
 */
class OneDnnHelpersTest {

    /** The environment binding of nd4j-native 1.0.0-M2.1 (not on the test class path under -Pcuda). */
    private static final String NATIVE_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

    private String property;

    @BeforeEach
    void oneDnnAndProperty() {
        HelperSwitch.assumeOneDnn();
        property = System.getProperty(OneDnnHelpers.DISABLE_PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        HelperSwitch.restore(property);
    }

    @Test
    void usableOnTheOneDnnBuildOfTheCpuBackend() {
        OneDnnSupport support = OneDnnHelpers.support();
        assertTrue(support.usable(), support.reason());
        assertTrue(support.reason().startsWith("CPU backend with oneDNN"), support.reason());
        assertTrue(Libnd4jOneDnn.builtWithOneDnn(), "the test build's nd4j-native is the -onednn one");
        assertTrue(Nd4jCpu.Environment.getInstance().isUseMKLDNN());
    }

    @Test
    void enableSetsDl4jsSwitchAndDisableResetsIt() {
        assertEquals("org.eclipse.deeplearning4j.helpers.disable", OneDnnHelpers.DISABLE_PROPERTY);
        System.clearProperty(OneDnnHelpers.DISABLE_PROPERTY);
        assertFalse(OneDnnHelpers.isEnabled(), "DL4J's default");
        assertNull(network().getLayer(0).getHelper(), "DL4J's default creates no helper");

        assertTrue(OneDnnHelpers.enable().usable());
        assertEquals("false", System.getProperty(OneDnnHelpers.DISABLE_PROPERTY));
        assertTrue(OneDnnHelpers.isEnabled());
        MultiLayerNetwork helped = network();
        assertNotNull(helped.getLayer(0).getHelper());

        OneDnnHelpers.disable();
        assertEquals("true", System.getProperty(OneDnnHelpers.DISABLE_PROPERTY));
        assertFalse(OneDnnHelpers.isEnabled());
        assertNull(network().getLayer(0).getHelper());
        assertNotNull(helped.getLayer(0).getHelper(), "a network instantiated before keeps its helpers");
    }

    /** The environment answers with libnd4j's switch: off there, DL4J's check fails and enable() refuses. */
    @Test
    void followsLibnd4jsOneDnnSwitch() throws ReflectiveOperationException {
        Object nativeEnvironment = Class.forName(NATIVE_ENVIRONMENT).getMethod("getInstance").invoke(null);
        Method setUseOneDnn = nativeEnvironment.getClass().getMethod("setUseONEDNN", boolean.class);
        System.clearProperty(OneDnnHelpers.DISABLE_PROPERTY);
        setUseOneDnn.invoke(nativeEnvironment, false);
        try {
            assertFalse(Nd4jCpu.Environment.getInstance().isUseMKLDNN());
            OneDnnSupport support = OneDnnHelpers.enable();
            assertFalse(support.usable());
            assertTrue(support.reason().contains("libnd4j has oneDNN switched off"), support.reason());
            assertNull(System.getProperty(OneDnnHelpers.DISABLE_PROPERTY), "enable() must leave the switch alone");
            assertRejected(IllegalStateException.class, support::requireUsable,
                    "DL4J's oneDNN helpers cannot be used", "oneDNN switched off", "setUseONEDNN(false)");
        } finally {
            setUseOneDnn.invoke(nativeEnvironment, true);
        }
        assertTrue(Nd4jCpu.Environment.getInstance().isUseMKLDNN());
        assertTrue(OneDnnHelpers.support().usable());
    }

    @Test
    void refusedWhileNd4jForbidsHelpers() {
        Nd4j.getEnvironment().allowHelpers(false);
        try {
            OneDnnSupport support = OneDnnHelpers.support();
            assertFalse(support.usable());
            assertTrue(support.reason().contains("allowHelpers(false)"), support.reason());
        } finally {
            Nd4j.getEnvironment().allowHelpers(true);
        }
        assertTrue(OneDnnHelpers.support().usable());
    }

    /**
     * The class that DL4J M2.1's BaseMKLDNNHelper loads by name is on the class path once, from this module; the
     * binding ND4J M2.1 does ship has {@code isUseONEDNN()} but not the {@code isUseMKLDNN()} DL4J calls.
     */
    @Test
    void suppliesTheClassDl4jLooksUp() throws IOException, ClassNotFoundException {
        List<URL> copies = Collections.list(getClass().getClassLoader()
                .getResources("org/nd4j/nativeblas/Nd4jCpu$Environment.class"));
        assertEquals(1, copies.size(), copies::toString);
        assertTrue(copies.get(0).toString().contains("dl4j-onednn-helpers"), copies::toString);
        assertEquals(Nd4jCpu.Environment.class, Class.forName("org.nd4j.nativeblas.Nd4jCpu$Environment"));

        Class<?> binding = Class.forName(NATIVE_ENVIRONMENT);
        assertThrows(NoSuchMethodException.class, () -> binding.getMethod("isUseMKLDNN"));
        assertDoesNotThrow(() -> binding.getMethod("isUseONEDNN"));
    }

    /** The tests' switch leaves no trace: the property is back as it was, unset included. */
    @Test
    void helperSwitchPutsThePropertyBack() {
        System.setProperty(OneDnnHelpers.DISABLE_PROPERTY, "true");
        assertNotNull(HelperSwitch.with(true, () -> network().getLayer(0).getHelper()));
        assertEquals("true", System.getProperty(OneDnnHelpers.DISABLE_PROPERTY));
        System.clearProperty(OneDnnHelpers.DISABLE_PROPERTY);
        assertNull(HelperSwitch.with(false, () -> network().getLayer(0).getHelper()));
        assertNull(System.getProperty(OneDnnHelpers.DISABLE_PROPERTY));
        assertThrows(IllegalStateException.class, () -> HelperSwitch.with(true, () -> {
            throw new IllegalStateException("build fails");
        }));
        assertNull(System.getProperty(OneDnnHelpers.DISABLE_PROPERTY));
    }

    @Test
    void supportNeedsAReason() {
        assertRejected(() -> new OneDnnSupport(false, " "), "oneDNN support", "expected a reason", "blank");
        assertRejected(() -> new OneDnnSupport(true, null), "oneDNN support", "expected a reason", "null");
    }

    private static MultiLayerNetwork network() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).build())
                .layer(new CnnLossLayer.Builder().build())
                .setInputType(InputType.convolutional(5, 5, 1)).build());
        net.init();
        return net;
    }
}
