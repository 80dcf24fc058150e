package org.e2dl4j.nn.nonlinear;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The functions f of the norm nonlinearities (e2cnn's and escnn's names), applied to {@code u = ||x|| - b}: the new norm
 * of a field is f(u). Each gives its value and derivative on whole tensors (new arrays).
 */
public enum NormFunction {

    /** f(u) = max(0, u). */
    N_RELU("n_relu") {
        @Override
        INDArray value(INDArray u) {
            return Transforms.relu(u, true);
        }

        @Override
        INDArray derivative(INDArray u) {
            return u.gt(0).castTo(u.dataType());
        }
    },
    /** f(u) = 1 / (1 + exp(-u)). */
    N_SIGMOID("n_sigmoid") {
        @Override
        INDArray value(INDArray u) {
            return Transforms.sigmoid(u, true);
        }

        @Override
        INDArray derivative(INDArray u) {
            INDArray s = Transforms.sigmoid(u, true);
            return s.muli(s.rsub(1.0));
        }
    },
    /** f(u) = log(1 + exp(u)) (escnn's {@code n_softplus}, torch's softplus); f'(u) = sigmoid(u). */
    N_SOFTPLUS("n_softplus") {
        @Override
        INDArray value(INDArray u) {
            return Transforms.softPlus(u, true);
        }

        @Override
        INDArray derivative(INDArray u) {
            return Transforms.sigmoid(u, true);
        }
    },
    /** f(u) = u / (1 + u) (capsule networks' squash of the norm). */
    SQUASH("squash") {
        @Override
        INDArray value(INDArray u) {
            return u.div(u.add(1.0));
        }

        @Override
        INDArray derivative(INDArray u) {
            return Transforms.pow(u.add(1.0), -2, false);
        }
    };

    private final String e2cnnName;

    NormFunction(String e2cnnName) {
        this.e2cnnName = e2cnnName;
    }

    /** e2cnn's name of the function. */
    public String e2cnnName() {
        return e2cnnName;
    }

    /**
     * The function with e2cnn's name.
     *
     * @param layer who asks, for the message
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static NormFunction of(String e2cnnName, String layer) {
        for (NormFunction f : values()) {
            if (f.e2cnnName.equals(e2cnnName)) {
                return f;
            }
        }
        throw new IllegalArgumentException(layer + ": unknown norm function '" + e2cnnName + "'; valid: "
                + Arrays.stream(values()).map(NormFunction::e2cnnName).toList());
    }

    /** f(u), a new array. */
    abstract INDArray value(INDArray u);

    /** f'(u), a new array. */
    abstract INDArray derivative(INDArray u);
}
