package org.e2dl4j.spark;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A test value shaped like {@code FieldType}: its state is derived from a text description and
 * held in transient fields, and Java serialization ships only the description (writeReplace /
 * readResolve).
 */
final class DescribedValue implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient String description;
    private final transient int[] lengths;

    DescribedValue(String description) {
        this.description = description;
        this.lengths = Arrays.stream(description.split(",")).mapToInt(String::length).toArray();
    }

    String description() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DescribedValue other && description.equals(other.description)
                && Arrays.equals(lengths, other.lengths);
    }

    @Override
    public int hashCode() {
        return description.hashCode();
    }

    @Override
    public String toString() {
        return "DescribedValue[" + description + "]";
    }

    private Object writeReplace() throws ObjectStreamException {
        return new Form(description);
    }

    private record Form(String description) implements Serializable {
        private Object readResolve() throws ObjectStreamException {
            return new DescribedValue(description);
        }
    }
}
