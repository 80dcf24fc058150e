package org.e2dl4j.onednn;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * What libnd4j says about oneDNN: whether the loaded native library was built with it (its build information
 * lists {@code HAVE_ONEDNN}) and whether its environment has it switched on ({@code isUseONEDNN()}, true by
 * default in every build). oneDNN is in use when both hold.
 */
public final class Libnd4jOneDnn {

    /** The binding that nd4j-native 1.0.0-M2.1 generates for libnd4j's {@code sd::Environment}. */
    static final String NATIVE_ENVIRONMENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

    private static final String BUILT_WITH_ONEDNN = "HAVE_ONEDNN";

    private Libnd4jOneDnn() {
    }

    /** Whether oneDNN runs libnd4j's ops: {@link #builtWithOneDnn()} and {@link #switchedOn()}. */
    public static boolean inUse() {
        return builtWithOneDnn() && switchedOn();
    }

    /**
     * Whether the loaded libnd4j was built with oneDNN (nd4j-native with a {@code -onednn} classifier, such as
     * {@code linux-x86_64-onednn}).
     */
    public static boolean builtWithOneDnn() {
        return BuildInfo.TEXT.contains(BUILT_WITH_ONEDNN);
    }

    /**
     * The native environment's {@code isUseONEDNN()}: true unless switched off ({@code setUseONEDNN(false)}).
     *
     * @throws IllegalStateException when the ND4J backend is not nd4j-native 1.0.0-M2.1 (the binding class or its
     *                               method is missing)
     */
    public static boolean switchedOn() {
        MethodHandle isUseOneDnn = NativeEnvironment.BINDING.isUseOneDnn();
        if (isUseOneDnn == null) {
            throw new IllegalStateException(NativeEnvironment.BINDING.failure());
        }
        try {
            return (boolean) isUseOneDnn.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("oneDNN helpers: " + NATIVE_ENVIRONMENT + ".isUseONEDNN() failed", t);
        }
    }

    /** libnd4j's build information, read once. */
    private static final class BuildInfo {
        static final String TEXT = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
    }

    /**
     * {@code getInstance().isUseONEDNN()} of the native environment, bound once on first use; or, where it cannot
     * be bound, why not.
     */
    private record NativeEnvironment(MethodHandle isUseOneDnn, String failure) {

        static final NativeEnvironment BINDING = bind();

        private static NativeEnvironment bind() {
            // the backend's own class loader: nd4j-native may sit below the loader of this class
            Class<?> backend = Nd4j.getEnvironment().getClass();
            try {
                Class<?> type = Class.forName(NATIVE_ENVIRONMENT, true, backend.getClassLoader());
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                MethodHandle instance = lookup.findStatic(type, "getInstance", MethodType.methodType(type));
                MethodHandle isUse = lookup.findVirtual(type, "isUseONEDNN", MethodType.methodType(boolean.class));
                return new NativeEnvironment(MethodHandles.filterReturnValue(instance, isUse), null);
            } catch (ReflectiveOperationException | LinkageError e) {
                return new NativeEnvironment(null, "the ND4J environment " + backend.getName() + " has no "
                        + NATIVE_ENVIRONMENT + " with getInstance() and isUseONEDNN() (" + e
                        + "); DL4J's oneDNN helpers need nd4j-native 1.0.0-M2.1");
            }
        }
    }
}
