package org.e2dl4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;

import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.junit.jupiter.api.Test;
import org.nd4j.kryo.Nd4jRegistrator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import scala.reflect.ClassTag$;
import scala.reflect.ClassTag;

class E2KryoRegistratorTest {

    private static final ClassTag<Object> ANY = ClassTag$.MODULE$.apply(Object.class);

    @Test
    void nd4jRegistratorAloneLosesStateThatLivesInAJavaSerializedForm() {
        DescribedValue value = new DescribedValue("regular,irrep:1");

        DescribedValue shipped = (DescribedValue) roundTrip(Nd4jRegistrator.class, value);

        assertNull(shipped.description(), "Kryo's field-by-field copy should skip the transient description");
        assertNotEquals(value, shipped);
    }

    @Test
    void e2RegistratorShipsValuesThroughTheirOwnSerializedForm() {
        DescribedValue value = new DescribedValue("regular,irrep:1");

        assertEquals(value, roundTrip(E2KryoRegistrator.class, value), "value after Kryo with E2KryoRegistrator");
    }

    @Test
    void e2RegistratorKeepsNd4jArraySerialization() {
        INDArray array = Nd4j.create(new double[]{1.5, -2.25, 3.0, 0.125, 7.0, -0.5}, new long[]{2, 3},
                DataType.DOUBLE);

        assertEquals(array, roundTrip(E2KryoRegistrator.class, array), "INDArray after Kryo with E2KryoRegistrator");
    }

    @Test
    void onlyE2Dl4jClassesWithASerializationHookGoThroughJavaSerialization() {
        assertTrue(E2KryoRegistrator.definesSerializedForm(DescribedValue.class), "DescribedValue (writeReplace)");
        assertFalse(E2KryoRegistrator.definesSerializedForm(ParameterAveragingTrainer.class),
                "ParameterAveragingTrainer (no hook)");
        assertFalse(E2KryoRegistrator.definesSerializedForm(ArrayList.class), "java.util.ArrayList (not E2-DL4J)");
    }

    private static Object roundTrip(Class<?> registrator, Object value) {
        SparkConf conf = new SparkConf()
                .set("spark.serializer", KryoSerializer.class.getName())
                .set("spark.kryo.registrator", registrator.getName());
        SerializerInstance kryo = new KryoSerializer(conf).newInstance();
        return kryo.deserialize(kryo.serialize(value, ANY), ANY);
    }
}
