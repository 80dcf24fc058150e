package org.e2dl4j.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.factories.ReflectionSerializerFactory;
import com.esotericsoftware.kryo.factories.SerializerFactory;
import com.esotericsoftware.kryo.serializers.FieldSerializer;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.nd4j.kryo.Nd4jRegistrator;

/**
 * Kryo set-up for Spark jobs that ship E2-DL4J networks ({@code spark.kryo.registrator}): ND4J's
 * registrations (off-heap INDArrays) plus Java serialization for every {@code org.e2dl4j} class that
 * defines its own serialized form ({@code writeReplace} or {@code writeObject}). Kryo's default
 * copies fields one by one and knows neither hook, so a value whose state is derived and transient
 * (a field type is rebuilt from its JSON description) would arrive empty.
 */
public class E2KryoRegistrator extends Nd4jRegistrator {

    private static final String PACKAGE_PREFIX = "org.e2dl4j.";

    @Override
    public void registerClasses(Kryo kryo) {
        super.registerClasses(kryo);
        kryo.setDefaultSerializer(new HookAwareFactory(new ReflectionSerializerFactory(FieldSerializer.class)));
    }

    /** Whether Kryo must hand {@code type} to Java serialization to honour its own serialized form. */
    static boolean definesSerializedForm(Class<?> type) {
        return type.getName().startsWith(PACKAGE_PREFIX)
                && (declaresNoArgMethod(type, "writeReplace") || declaresWriteObject(type));
    }

    private static boolean declaresNoArgMethod(Class<?> type, String name) {
        try {
            type.getDeclaredMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean declaresWriteObject(Class<?> type) {
        try {
            type.getDeclaredMethod("writeObject", java.io.ObjectOutputStream.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Java serialization for classes with a serialized form of their own, Kryo's default otherwise. */
    private static final class HookAwareFactory implements SerializerFactory {
        private final SerializerFactory fallback;

        HookAwareFactory(SerializerFactory fallback) {
            this.fallback = fallback;
        }

        @Override
        public Serializer makeSerializer(Kryo kryo, Class<?> type) {
            return definesSerializedForm(type) ? new JavaSerializer() : fallback.makeSerializer(kryo, type);
        }
    }
}
