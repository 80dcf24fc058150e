package org.e2dl4j.math.kernel;

import java.util.OptionalInt;

/**
 * The attributes of one element of an analytic kernel basis for a representation pair: the Gaussian ring
 * times an angular harmonic placed in the block of one (input irrep, output irrep) pair of the two
 * representations' irrep decompositions (e2cnn's attribute dictionary of a basis element). The element is the
 * kernel {@code Q_out (b_ring(r) H(phi) at block (outIrrepIndex, inIrrepIndex)) Q_in^-1}.
 *
 * @param inIrrep       name of the input irrep ("irrep_1", "irrep_1,1", ...)
 * @param inIrrepIndex  position of that irrep in the input representation's decomposition
 * @param outIrrep      name of the output irrep
 * @param outIrrepIndex position of that irrep in the output representation's decomposition
 * @param inIrrepSize   dimension of the input irrep
 * @param outIrrepSize  dimension of the output irrep (the normalization divides by it)
 * @param ringIndex     which ring (e2cnn's {@code idx1})
 * @param radius        the ring's radius
 * @param sigma         the ring's width
 * @param angularIndex  position of the harmonic in the representation pair's angular basis ({@code idx2})
 * @param harmonic      the angular harmonic
 * @param index         position in the analytic basis before any filtering: ring outer, angular inner
 *                      ({@code idx = ringIndex * angularDimension + angularIndex})
 */
public record BasisElement(String inIrrep, int inIrrepIndex, String outIrrep, int outIrrepIndex,
                           int inIrrepSize, int outIrrepSize, int ringIndex, double radius, double sigma,
                           int angularIndex, AngularHarmonic harmonic, int index) implements PairElement {

    /** The angular frequency mu. */
    @Override
    public int frequency() {
        return harmonic.frequency();
    }

    /** The phase gamma (0 or pi/2). */
    public double gamma() {
        return harmonic.gamma();
    }

    /** The reflection index s of a 2 x 2 harmonic; empty otherwise. */
    public OptionalInt s() {
        return harmonic.s();
    }

    /** The aliasing offset t; empty for continuous groups. */
    public OptionalInt offset() {
        return harmonic.offset();
    }

    /** Position of the harmonic in its irreps-pair solution (e2cnn's {@code inner_idx}). */
    @Override
    public int innerIndex() {
        return harmonic.innerIndex();
    }

    /** The ring of radius 0. */
    @Override
    public boolean centreOnly() {
        return radius == 0.0;
    }

    /**
     * e2cnn's element id inside a representation-pair block:
     * {@code (inIrrep-inIrrepIndex,outIrrep-outIrrepIndex)_(radius/frequency)_innerIndex}, e.g.
     * {@code (irrep_0-0,irrep_1-1)_(1.0/1)_0}.
     */
    @Override
    public String id() {
        return "(" + inIrrep + "-" + inIrrepIndex + "," + outIrrep + "-" + outIrrepIndex + ")_("
                + pythonFloat(radius) + "/" + frequency() + ")_" + innerIndex();
    }

    /** Python's str() of a float for the values rings take (integral or short decimals). */
    private static String pythonFloat(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
            return (long) v + ".0";
        }
        return Double.toString(v);
    }
}
