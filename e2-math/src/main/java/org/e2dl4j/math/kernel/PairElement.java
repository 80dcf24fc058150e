package org.e2dl4j.math.kernel;

/**
 * The attributes of one element of a representation-pair basis that a layer needs, whatever family of
 * equivariant stencils it comes from (kernels: {@link BasisElement}; steerable PDOs: the diffop package): the
 * (input irrep, output irrep) block it lives in, its angular frequency and e2cnn's id. The He initialization
 * groups weights by these irreps; the delta-orthogonal one uses the elements supported on the centre tap.
 */
public interface PairElement {

    /** Name of the input irrep ("irrep_1", "irrep_1,1", ...). */
    String inIrrep();

    /** Position of the input irrep in the input representation's decomposition. */
    int inIrrepIndex();

    /** Name of the output irrep. */
    String outIrrep();

    /** Position of the output irrep in the output representation's decomposition. */
    int outIrrepIndex();

    /** Dimension of the input irrep. */
    int inIrrepSize();

    /** Dimension of the output irrep (the normalization divides by it). */
    int outIrrepSize();

    /** The angular frequency mu. */
    int frequency();

    /** Position of the angular solution in its irreps-pair solution (e2cnn's {@code inner_idx}). */
    int innerIndex();

    /** Whether the sampled element is non-zero at the centre tap only (a delta at the origin). */
    boolean centreOnly();

    /** e2cnn's id of the element inside its representation-pair block. */
    String id();
}
