package org.e2dl4j.nn.e2cnn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * numpy's {@code .npy} format for the three element types an e2cnn state holds: little-endian float32
 * ({@code <f4}), float64 ({@code <f8}) and int64 ({@code <i8}), in C order. A file is the magic
 * {@code \x93NUMPY}, a version (1.0 or 2.0 read, 1.0 written), the header length, a Python dict literal with
 * {@code descr}, {@code fortran_order} and {@code shape}, padded to 64 bytes, then the elements.
 */
final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Decodes one array.
     *
     * @param name  the entry's name, for messages
     * @param bytes the {@code .npy} file's bytes
     * @return float32 as FLOAT, float64 as DOUBLE, int64 as LONG, with the file's shape
     * @throws IllegalArgumentException if the bytes are no {@code .npy} file of those types, or their length
     *                                  does not match the header's shape
     */
    static INDArray read(String name, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IllegalArgumentException("npz entry '" + name + "' is not a .npy array (no \\x93NUMPY magic)");
        }
        int major = bytes[6];
        int headerLength;
        int start;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(in.getShort(8));
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException("npz entry '" + name + "' is truncated in its header");
            }
            headerLength = in.getInt(8);
            start = 12;
        } else {
            throw new IllegalArgumentException("npz entry '" + name + "': .npy version " + major
                    + " is not supported (expected 1, 2 or 3)");
        }
        if (headerLength < 0 || start + headerLength > bytes.length) {
            throw new IllegalArgumentException("npz entry '" + name + "' is truncated in its header");
        }
        String header = new String(bytes, start, headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, name, "descr");
        if ("True".equals(group(FORTRAN, header, name, "fortran_order"))) {
            throw new IllegalArgumentException("npz entry '" + name + "' is in Fortran order; save it in C order");
        }
        long[] shape = shape(group(SHAPE, header, name, "shape"), name);
        DataType type = switch (descr) {
            case "<f4" -> DataType.FLOAT;
            case "<f8" -> DataType.DOUBLE;
            case "<i8" -> DataType.LONG;
            default -> throw new IllegalArgumentException("npz entry '" + name + "' has element type '" + descr
                    + "'; expected little-endian float32 ('<f4'), float64 ('<f8') or int64 ('<i8')");
        };
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        int width = type == DataType.FLOAT ? 4 : 8;
        long data = (long) bytes.length - start - headerLength;
        if (data != count * width) {
            throw new IllegalArgumentException("npz entry '" + name + "' has " + data + " data bytes, but its shape "
                    + Arrays.toString(shape) + " of " + descr + " needs " + count * width);
        }
        in.position(start + headerLength);
        INDArray flat;
        if (type == DataType.FLOAT) {
            float[] v = new float[(int) count];
            in.asFloatBuffer().get(v);
            flat = Nd4j.createFromArray(v);
        } else if (type == DataType.DOUBLE) {
            double[] v = new double[(int) count];
            in.asDoubleBuffer().get(v);
            flat = Nd4j.createFromArray(v);
        } else {
            long[] v = new long[(int) count];
            in.asLongBuffer().get(v);
            flat = Nd4j.createFromArray(v);
        }
        return shape.length == 0 ? flat.reshape() : flat.reshape('c', shape);
    }

    /**
     * Encodes one array (version 1.0, C order).
     *
     * @param array a FLOAT, DOUBLE or LONG array
     * @return the {@code .npy} bytes
     * @throws IllegalArgumentException for another data type
     */
    static byte[] write(INDArray array) {
        String descr = switch (array.dataType()) {
            case FLOAT -> "<f4";
            case DOUBLE -> "<f8";
            case LONG -> "<i8";
            default -> throw new IllegalArgumentException("cannot write a " + array.dataType()
                    + " array as .npy; expected FLOAT, DOUBLE or LONG");
        };
        long[] shape = array.shape();
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? dims.substring(0, dims.length() - 1)
                : shape.length == 0 ? "" : dims.substring(0, dims.length() - 2);
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + shapeText + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        int width = array.dataType() == DataType.FLOAT ? 4 : 8;
        long count = array.length();
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(10 + header.length() + count * width))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        INDArray flat = array.dup('c').reshape(count);
        for (long i = 0; i < count; i++) {
            switch (array.dataType()) {
                case FLOAT -> out.putFloat(flat.getFloat(i));
                case DOUBLE -> out.putDouble(flat.getDouble(i));
                default -> out.putLong(flat.getLong(i));
            }
        }
        return out.array();
    }

    private static String group(Pattern p, String header, String name, String field) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("npz entry '" + name + "': the .npy header has no '" + field
                    + "': " + header.trim());
        }
        return m.group(1);
    }

    private static long[] shape(String text, String name) {
        String[] parts = text.split(",");
        return Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(s -> {
            try {
                long d = Long.parseLong(s);
                if (d < 0) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("npz entry '" + name + "' has the shape (" + text
                        + "); expected non-negative integers", e);
            }
        }).toArray();
    }
}
