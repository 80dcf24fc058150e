package org.e2dl4j.nn.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a test class with ND4J's default data types set to DOUBLE and restores the previous defaults
 * afterwards (the setting is global to the JVM).
 */
public final class DoublePrecision implements BeforeAllCallback, AfterAllCallback {

    private DataType previousData;
    private DataType previousFloat;

    @Override
    public void beforeAll(ExtensionContext context) {
        previousData = Nd4j.dataType();
        previousFloat = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Nd4j.setDefaultDataTypes(previousData, previousFloat);
    }
}
