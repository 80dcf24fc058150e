package org.e2dl4j.math.diffop;

import org.e2dl4j.math.kernel.AngularHarmonic;
import org.e2dl4j.math.kernel.PairElement;

/**
 * The attributes of one element of a steerable PDO basis for a representation pair (e2cnn's attribute dictionary
 * of a {@code TensorBasis} element): the angular solution {@code harmonic} of the (input irrep, output irrep) block,
 * as homogenized Chebyshev polynomials of degree |mu|, composed with the {@code power}-th power of the Laplacian,
 * so that the operator has {@code order = |mu| + 2 power}.
 *
 * @param inIrrep       name of the input irrep
 * @param inIrrepIndex  position of that irrep in the input representation's decomposition
 * @param outIrrep      name of the output irrep
 * @param outIrrepIndex position of that irrep in the output representation's decomposition
 * @param inIrrepSize   dimension of the input irrep
 * @param outIrrepSize  dimension of the output irrep
 * @param harmonic      the angular solution
 * @param power         the power of the Laplacian
 * @param centreOnly    whether the discretized element is a delta at the centre (order 0, finite differences)
 * @param index         position in the analytic basis before the order filter (angular outer, power inner)
 */
public record DiffopElement(String inIrrep, int inIrrepIndex, String outIrrep, int outIrrepIndex, int inIrrepSize,
                            int outIrrepSize, AngularHarmonic harmonic, int power, boolean centreOnly, int index)
        implements PairElement {

    /** The derivative order |mu| + 2 power. */
    public int order() {
        return Math.abs(harmonic.frequency()) + 2 * power;
    }

    @Override
    public int frequency() {
        return harmonic.frequency();
    }

    @Override
    public int innerIndex() {
        return harmonic.innerIndex();
    }

    /**
     * e2cnn's id: {@code (inIrrep-inIrrepIndex,outIrrep-outIrrepIndex)_(order/frequency)_innerIndex}, e.g.
     * {@code (irrep_0-0,irrep_1-1)_(3/1)_0}.
     */
    @Override
    public String id() {
        return "(" + inIrrep + "-" + inIrrepIndex + "," + outIrrep + "-" + outIrrepIndex + ")_(" + order() + "/"
                + frequency() + ")_" + innerIndex();
    }
}
