package org.e2dl4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.longer.MatchCondition;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A feature map together with its {@link FieldType} (e2cnn's {@code GeometricTensor}): an NCHW array whose
 * channels are the type's fields, {@code x: R^2 -> R^c} transforming as {@code (g.x)(p) = rho(g) x(g^-1 p)}; on a
 * G-space of R^3 an NCDHW volume, {@code x: R^3 -> R^c}.
 *
 * <p>The pair is checked on construction ({@link FieldType#checkFeatureMap}: rank 4, or 5 for volumes, channel
 * count = type size) and held as given, not copied.
 * Every operation returns a new tensor and leaves this one unchanged; slices ({@link #fields(int, int)},
 * {@link #batch}, {@link #crop}, {@link #split}) are views of this tensor's array, like e2cnn's. Channels are
 * only ever selected field by field, so a slice is again a feature map of a field type. Arithmetic needs equal
 * types, shapes and data types: nothing is broadcast or converted.
 */
public final class GeometricTensor {

    private final INDArray tensor;
    private final FieldType type;

    /**
     * @throws IllegalArgumentException if {@code tensor} is not rank 4 (NCHW, the rank of maps on the plane; rank 5,
     *                                  NCDHW, on R^3) with {@code type.size()} channels
     */
    public GeometricTensor(INDArray tensor, FieldType type) {
        this.type = Objects.requireNonNull(type, "type");
        type.checkFeatureMap(Objects.requireNonNull(tensor, "tensor"), "GeometricTensor");
        this.tensor = tensor;
    }

    /** The NCHW (NCDHW) array. */
    public INDArray tensor() {
        return tensor;
    }

    /** The field type of the channels. */
    public FieldType type() {
        return type;
    }

    /** The shape [N, C, H, W] ([N, C, D, H, W] for volumes; a fresh array). */
    public long[] shape() {
        return tensor.shape().clone(); // ND4J may hand out its own array
    }

    // ---- slicing ---------------------------------------------------------------------------------------------

    /**
     * The fields {@code from} (inclusive) to {@code to} (exclusive), e2cnn's {@code x[:, from:to]}: their channels,
     * a view; the type of those fields.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from < to <= fieldCount}
     */
    public GeometricTensor fields(int from, int to) {
        checkRange("fields", from, to, type.fieldCount(), "fields of " + type);
        if (from == 0 && to == type.fieldCount()) {
            return this;
        }
        INDArray channels = tensor.get(along(1, NDArrayIndex.interval(type.fieldStart(from), type.fieldEnd(to - 1))));
        return new GeometricTensor(channels, type.indexSelect(range(from, to)));
    }

    /**
     * The given fields in the given order (e2cnn's indexing of the field axis by a list): a copy of their
     * channels, the type {@link FieldType#indexSelect} of them.
     *
     * @throws IllegalArgumentException if the list is empty; IndexOutOfBoundsException for a field that does
     *                                  not exist
     */
    public GeometricTensor fields(List<Integer> fields) {
        FieldType selected = type.indexSelect(fields);
        int[] channels = type.channelIndices(fields);
        long[] shape = shape();
        shape[1] = channels.length;
        INDArray picked = Nd4j.createUninitialized(tensor.dataType(), shape);
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(tensor, Nd4j.createFromArray(channels))
                .addOutputs(picked).addIntegerArguments(1).build());
        return new GeometricTensor(picked, selected);
    }

    /**
     * The fields grouped by a label per field (e2cnn's {@code split} by {@code group_by_labels}): for each
     * distinct label, in order of first appearance, the tensor of the fields carrying it.
     *
     * @throws IllegalArgumentException unless there is one label per field
     */
    public Map<String, GeometricTensor> splitByLabels(List<String> labels) {
        Map<String, FieldType> types = type.groupByLabels(labels);
        Map<String, List<Integer>> fields = new LinkedHashMap<>();
        for (int f = 0; f < labels.size(); f++) {
            fields.computeIfAbsent(labels.get(f), l -> new ArrayList<>()).add(f);
        }
        Map<String, GeometricTensor> result = new LinkedHashMap<>();
        for (String label : types.keySet()) {
            result.put(label, fields(fields.get(label)));
        }
        return result;
    }

    /**
     * The examples {@code from} (inclusive) to {@code to} (exclusive) of the batch, a view of the same type.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from < to <= N}
     */
    public GeometricTensor batch(int from, int to) {
        checkRange("batch", from, to, tensor.size(0), "examples in a batch of shape " + Arrays.toString(shape()));
        return new GeometricTensor(tensor.get(along(0, NDArrayIndex.interval(from, to))), type);
    }

    /** Indices selecting {@code index} along {@code axis} and everything along the other axes of the tensor. */
    private INDArrayIndex[] along(int axis, INDArrayIndex index) {
        INDArrayIndex[] indices = new INDArrayIndex[tensor.rank()];
        for (int a = 0; a < indices.length; a++) {
            indices[a] = a == axis ? index : NDArrayIndex.all();
        }
        return indices;
    }

    /**
     * The rows {@code [rowFrom, rowTo)} and columns {@code [columnFrom, columnTo)} of every map, a view of the same
     * type (e2cnn's {@code x[..., rowFrom:rowTo, columnFrom:columnTo]}).
     *
     * @throws IllegalArgumentException for an empty or out-of-range window, or a volume (NCDHW)
     */
    public GeometricTensor crop(int rowFrom, int rowTo, int columnFrom, int columnTo) {
        if (tensor.rank() != 4) {
            throw new IllegalArgumentException("crop: takes rows and columns of NCHW maps on the plane, got a rank-"
                    + tensor.rank() + " tensor " + this);
        }
        checkRange("crop", rowFrom, rowTo, tensor.size(2), "rows of shape " + Arrays.toString(shape()));
        checkRange("crop", columnFrom, columnTo, tensor.size(3), "columns of shape " + Arrays.toString(shape()));
        INDArrayIndex rows = NDArrayIndex.interval(rowFrom, rowTo);
        INDArrayIndex columns = NDArrayIndex.interval(columnFrom, columnTo);
        return new GeometricTensor(tensor.get(NDArrayIndex.all(), NDArrayIndex.all(), rows, columns), type);
    }

    /**
     * Splits the fields at the given field indices (e2cnn's {@code split}): breakpoints {@code 2, 5} of a
     * 7-field tensor give fields [0, 2), [2, 5) and [5, 7). Each part is a view of this tensor's channels.
     *
     * @throws IllegalArgumentException unless the breakpoints increase strictly within (0, fieldCount)
     */
    public List<GeometricTensor> split(int... fieldBreakpoints) {
        List<GeometricTensor> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= fieldBreakpoints.length; i++) {
            int to = i < fieldBreakpoints.length ? fieldBreakpoints[i] : type.fieldCount();
            if (to <= from || to > type.fieldCount()) {
                throw new IllegalArgumentException("split: breakpoints must increase strictly within (0, "
                        + type.fieldCount() + "), got " + Arrays.toString(fieldBreakpoints) + " for " + type);
            }
            parts.add(fields(from, to));
            from = to;
        }
        return parts;
    }

    /**
     * The direct sum of tensors (e2cnn's {@code tensor_directsum}): channels concatenated, types summed with
     * {@link FieldType#plus}.
     *
     * @throws IllegalArgumentException for no tensors, different G-spaces, batch or spatial sizes or data types
     */
    public static GeometricTensor directSum(List<GeometricTensor> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("directSum needs at least one tensor");
        }
        GeometricTensor first = parts.get(0);
        List<FieldType> types = new ArrayList<>();
        INDArray[] arrays = new INDArray[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            GeometricTensor p = parts.get(i);
            long[] a = first.shape();
            long[] b = p.shape();
            a[1] = 0;
            b[1] = 0;
            if (!Arrays.equals(a, b) || first.tensor.dataType() != p.tensor.dataType()) {
                throw new IllegalArgumentException("directSum needs tensors of one batch size, spatial size and data"
                        + " type: part 0 is " + first + " (" + first.tensor.dataType() + "), part " + i + " is " + p
                        + " (" + p.tensor.dataType() + ")");
            }
            types.add(p.type);
            arrays[i] = p.tensor;
        }
        return new GeometricTensor(Nd4j.concat(1, arrays), FieldType.directSum(types));
    }

    /** {@link #directSum(List)} of the arguments. */
    public static GeometricTensor directSum(GeometricTensor... parts) {
        return directSum(Arrays.asList(parts));
    }

    /**
     * The same data seen by a subgroup H (e2cnn's {@code restrict}): the channels unchanged, the type
     * {@link FieldType#restrict restricted} to H.
     *
     * @throws IllegalArgumentException if the id names no subgroup of the fibergroup
     */
    public GeometricTensor restrict(SubgroupId id) {
        return new GeometricTensor(tensor, type.restrict(id));
    }

    // ---- group action ----------------------------------------------------------------------------------------

    /**
     * g acting on the feature map, {@code (g.x)(p) = rho(g) x(g^-1 p)} (see {@link FieldType#transform}): exact
     * for grid-preserving elements, resampled with e2cnn's order-2 spline otherwise.
     */
    public GeometricTensor transform(GroupElement g) {
        return new GeometricTensor(type.transform(tensor, g), type);
    }

    /** rho(g) applied to every pixel's channels, pixels left in place (e2cnn's {@code transform_fibers}). */
    public GeometricTensor transformFibers(GroupElement g) {
        return new GeometricTensor(type.transformFibers(tensor, g), type);
    }

    // ---- arithmetic ------------------------------------------------------------------------------------------

    /** The element-wise sum of two tensors of the same type, shape and data type. */
    public GeometricTensor add(GeometricTensor other) {
        requireCompatible(other, "add");
        return new GeometricTensor(tensor.add(other.tensor), type);
    }

    /** The element-wise difference of two tensors of the same type, shape and data type. */
    public GeometricTensor sub(GeometricTensor other) {
        requireCompatible(other, "sub");
        return new GeometricTensor(tensor.sub(other.tensor), type);
    }

    /**
     * This tensor times a scalar (the feature space is a vector space; e2cnn's {@code x * s}).
     *
     * @throws IllegalArgumentException for a NaN or infinite factor
     */
    public GeometricTensor mul(double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("mul: the factor must be finite, got " + factor + " for " + this);
        }
        return new GeometricTensor(tensor.mul(factor), type);
    }

    /**
     * Whether the two tensors have the same type and shape and agree element-wise as numpy's {@code allclose}:
     * {@code |this - other| <= atol + rtol |other|} everywhere; a NaN entry never agrees.
     */
    public boolean allClose(GeometricTensor other, double atol, double rtol) {
        if (atol < 0 || rtol < 0 || Double.isNaN(atol) || Double.isNaN(rtol)) {
            throw new IllegalArgumentException("allClose needs atol, rtol >= 0, got " + atol + ", " + rtol);
        }
        if (!type.equals(other.type) || !Arrays.equals(shape(), other.shape())) {
            return false;
        }
        INDArray a = tensor.castTo(DataType.DOUBLE);
        INDArray b = other.tensor.castTo(DataType.DOUBLE);
        INDArray excess = Transforms.abs(a.sub(b)).subi(Transforms.abs(b).muli(rtol).addi(atol));
        // a NaN entry makes its excess NaN, which is not <= 0: count the entries that are <= 0
        long agreeing = Nd4j.getExecutioner().exec(new MatchCondition(excess, Conditions.lessThanOrEqual(0)))
                .getLong(0);
        return agreeing == excess.length();
    }

    private void requireCompatible(GeometricTensor other, String op) {
        Objects.requireNonNull(other, op);
        if (!type.equals(other.type)) {
            throw new IllegalArgumentException(op + " needs tensors of the same field type: " + type + " and "
                    + other.type);
        }
        if (!Arrays.equals(shape(), other.shape())) {
            throw new IllegalArgumentException(op + " needs tensors of the same shape (no broadcasting): "
                    + Arrays.toString(shape()) + " and " + Arrays.toString(other.shape()));
        }
        if (tensor.dataType() != other.tensor.dataType()) {
            throw new IllegalArgumentException(op + " needs tensors of the same data type (no conversion): "
                    + tensor.dataType() + " and " + other.tensor.dataType());
        }
    }

    private static void checkRange(String op, long from, long to, long size, String what) {
        if (from < 0 || to <= from || to > size) {
            throw new IllegalArgumentException(op + ": expected a range 0 <= from < to <= " + size + " of the " + size
                    + " " + what + ", got [" + from + ", " + to + ")");
        }
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int f = from; f < to; f++) {
            r.add(f);
        }
        return r;
    }

    /** e.g. {@code GeometricTensor[2, 17, 9, 9] of Rot2dOnR2(8)[regular x2, irrep_1] (17 channels)}. */
    @Override
    public String toString() {
        return "GeometricTensor" + Arrays.toString(tensor.shape()) + " of " + type;
    }
}
