package org.e2dl4j.nn.conv;

import java.nio.ByteBuffer;

import org.bytedeco.javacpp.BytePointer;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A byte-exact copy of a parameter vector, to tell whether it changed since the copy was taken. DL4J
 * changes parameters in place by many routes (updaters, {@code setParams} on the network's flat vector,
 * gradient checks, user code), none of which notifies a layer; comparing the bytes (a vectorised
 * {@link ByteBuffer#equals}, microseconds for typical weight counts) catches all of them.
 */
final class ParamSnapshot {

    private ByteBuffer saved;

    /** Whether {@code current} holds exactly the bytes of the last {@link #take}. */
    boolean matches(INDArray current) {
        return saved != null && saved.equals(bytes(current));
    }

    /** Copies {@code current}'s bytes. */
    void take(INDArray current) {
        ByteBuffer now = bytes(current);
        if (saved == null || saved.capacity() != now.remaining()) {
            saved = ByteBuffer.allocate(now.remaining());
        }
        saved.clear();
        saved.put(now);
        saved.flip();
    }

    private static ByteBuffer bytes(INDArray array) {
        INDArray a = array;
        boolean contiguous = a.offset() == a.data().offset() && a.elementWiseStride() == 1
                && (a.rank() == 1 || a.ordering() == 'c');
        if (!contiguous) {
            a = a.dup('c');
        }
        Nd4j.getAffinityManager().ensureLocation(a, AffinityManager.Location.HOST);
        long n = a.length() * a.dataType().width();
        BytePointer p = new BytePointer(a.data().addressPointer());
        p.position(0).capacity(n).limit(n);
        return p.asByteBuffer();
    }
}
