package org.e2dl4j.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.e2dl4j.math.group.GroupElement;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An NCHW feature map together with its {@link FieldType} (e2cnn's {@code GeometricTensor}): the typed
 * operations on feature maps. The type is checked on construction (channel count); the array is held, not
 * copied. Operations return new tensors and leave this one unchanged.
 */
public final class GeometricTensor {

    private final INDArray tensor;
    private final FieldType type;

    /**
     * @throws IllegalArgumentException if {@code tensor} is not rank 4 with {@code type.size()} channels
     */
    public GeometricTensor(INDArray tensor, FieldType type) {
        this.type = Objects.requireNonNull(type, "type");
        type.checkFeatureMap(Objects.requireNonNull(tensor, "tensor"), "GeometricTensor");
        this.tensor = tensor;
    }

    /** The NCHW array. */
    public INDArray tensor() {
        return tensor;
    }

    /** The field type of the channels. */
    public FieldType type() {
        return type;
    }

    /** g acting on the feature map: {@code (g.x)(p) = rho(g) x(g^-1 p)} (see {@link FieldType#transform}). */
    public GeometricTensor transform(GroupElement g) {
        return new GeometricTensor(type.transform(tensor, g), type);
    }

    /** rho(g) applied to every pixel's channels, pixels left in place. */
    public GeometricTensor transformFibers(GroupElement g) {
        return new GeometricTensor(type.transformFibers(tensor, g), type);
    }

    /**
     * Splits the fields at the given field indices (e2cnn's {@code split}): breakpoints {@code 2, 5} of a
     * 7-field tensor give fields [0, 2), [2, 5) and [5, 7). Each part is a view of this tensor's channels.
     */
    public List<GeometricTensor> split(int... fieldBreakpoints) {
        List<GeometricTensor> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= fieldBreakpoints.length; i++) {
            int to = i < fieldBreakpoints.length ? fieldBreakpoints[i] : type.fieldCount();
            if (to <= from || to > type.fieldCount()) {
                throw new IllegalArgumentException("split breakpoints must increase strictly within (0, "
                        + type.fieldCount() + "), got " + java.util.Arrays.toString(fieldBreakpoints) + " for " + type);
            }
            List<Integer> fields = new ArrayList<>();
            for (int f = from; f < to; f++) {
                fields.add(f);
            }
            INDArray channels = tensor.get(NDArrayIndex.all(),
                    NDArrayIndex.interval(type.fieldStart(from), type.fieldEnd(to - 1)),
                    NDArrayIndex.all(), NDArrayIndex.all());
            parts.add(new GeometricTensor(channels, type.indexSelect(fields)));
            from = to;
        }
        return parts;
    }

    /** The element-wise sum of two tensors of the same type. */
    public GeometricTensor add(GeometricTensor other) {
        if (!type.equals(other.type)) {
            throw new IllegalArgumentException("add needs tensors of the same type: " + type + " and " + other.type);
        }
        return new GeometricTensor(tensor.add(other.tensor), type);
    }

    /**
     * The direct sum of tensors (e2cnn's {@code tensor_directsum}): channels concatenated, types summed with
     * {@link FieldType#plus}. All parts need the same batch and spatial size.
     */
    public static GeometricTensor directSum(List<GeometricTensor> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("directSum needs at least one tensor");
        }
        FieldType type = parts.get(0).type;
        INDArray[] arrays = new INDArray[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                type = type.plus(parts.get(i).type);
            }
            arrays[i] = parts.get(i).tensor;
        }
        return new GeometricTensor(Nd4j.concat(1, arrays), type);
    }

    @Override
    public String toString() {
        return "GeometricTensor" + java.util.Arrays.toString(tensor.shape()) + " of " + type;
    }
}
