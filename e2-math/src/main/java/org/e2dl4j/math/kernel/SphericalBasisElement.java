package org.e2dl4j.math.kernel;

/**
 * The attributes of one element of a 3D steerable kernel basis for a representation pair (escnn's attribute
 * dictionary of an R3Conv basis element): the Gaussian ring {@code b_ring(|x|)} times the degree-J spherical
 * harmonics contracted with one intertwiner {@code K_s in Hom_G(Y_J|_G (x) psi_in, psi_out)}, placed in the block of
 * one (input irrep, output irrep) pair and lifted through the changes of basis:
 * {@code k(x) = Q_out (b_ring(|x|) sum_m Y_J^m(x / |x|) K_s[m] at block (outIrrepIndex, inIrrepIndex)) Q_in^-1}.
 *
 * @param inIrrep       name of the input irrep
 * @param inIrrepIndex  position of that irrep in the input representation's decomposition
 * @param outIrrep      name of the output irrep
 * @param outIrrepIndex position of that irrep in the output representation's decomposition
 * @param inIrrepSize   dimension of the input irrep
 * @param outIrrepSize  dimension of the output irrep (the normalization divides by it)
 * @param degree        J, the degree of the spherical harmonics (escnn's {@code irrep:frequency} of the O(3)
 *                      harmonic, which the band limit bounds)
 * @param innerIndex    s, the position of the intertwiner among the solutions of this irreps pair and degree
 * @param ringIndex     which ring
 * @param radius        the ring's radius
 * @param sigma         the ring's width
 */
public record SphericalBasisElement(String inIrrep, int inIrrepIndex, String outIrrep, int outIrrepIndex,
                                    int inIrrepSize, int outIrrepSize, int degree, int innerIndex, int ringIndex,
                                    double radius, double sigma) implements PairElement {

    /** The degree J of the spherical harmonics. */
    @Override
    public int frequency() {
        return degree;
    }

    /** The ring of radius 0 (only the centre voxel). */
    @Override
    public boolean centreOnly() {
        return radius == 0.0;
    }

    /**
     * The element's id inside a representation-pair block:
     * {@code (inIrrep-inIrrepIndex,outIrrep-outIrrepIndex)_(radius/degree)_innerIndex}.
     */
    @Override
    public String id() {
        return "(" + inIrrep + "-" + inIrrepIndex + "," + outIrrep + "-" + outIrrepIndex + ")_(" + radius + "/"
                + degree + ")_" + innerIndex;
    }
}
