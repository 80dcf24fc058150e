package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A parameter-free vertex of this library that computes exactly what one stock DL4J vertex computes, and adds
 * field-type bookkeeping on top: the stock vertex runs it, gives its memory report and replaces it on export;
 * subclasses give the output field type (checking their inputs') and the least number of inputs. Stateless:
 * two instances of one subclass are equal.
 */
public abstract class StatelessStockVertex extends GraphVertex implements StockVertex {

    private static final long serialVersionUID = 1L;

    /** A fresh stock vertex of the same function (stateless, so any instance will do). */
    @Override
    public abstract GraphVertex toStock();

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int maxVertexInputs() {
        return Integer.MAX_VALUE;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
                                                                      INDArray paramsView, boolean initializeParams,
                                                                      DataType networkDatatype) {
        return toStock().instantiate(graph, name, idx, paramsView, initializeParams, networkDatatype);
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        return toStock().getMemoryReport(inputTypes);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "()";
    }
}
