package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ParamSnapshotTest {

    @Test
    void detectsChangesInsideAViewAndIgnoresTheRestOfTheBuffer() {
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 100);
        INDArray view = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(20, 60));
        ParamSnapshot s = new ParamSnapshot();
        assertFalse(s.matches(view), "no snapshot taken yet");
        s.take(view);
        assertTrue(s.matches(view), "unchanged view");
        flat.putScalar(0, 10, 5f);
        flat.putScalar(0, 70, 5f);
        assertTrue(s.matches(view), "changes outside the view do not count");
        float v = view.getFloat(39);
        view.putScalar(39, Math.nextUp(v));
        assertFalse(s.matches(view), "a one-ulp change of the last entry is a change");
    }
}
