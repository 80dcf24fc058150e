package org.e2dl4j.math.repr;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;

/**
 * An irreducible representation (irrep) of a subgroup of O(2), with e2cnn's names and ids:
 * {@code irrep_k} ({@code id = {k}}) for C_N and SO(2), {@code irrep_j,k} ({@code id = {j, k}}) for D_N
 * and O(2), where k is the rotation frequency and j the flip frequency. The 2-dimensional irreps are
 * rot(k theta) (times diag(1, -1) for a reflection); the 1-dimensional ones are +-1 valued. Immutable.
 */
public final class IrreducibleRepresentation extends Representation {

    private final int[] id;
    private final int frequency;
    private final int flipFrequency;
    private final int sumOfSquaresConstituents;
    private final Function<GroupElement, double[][]> matrices;

    IrreducibleRepresentation(Group group, String name, int[] id, int size, int frequency, int flipFrequency,
                              int sumOfSquaresConstituents, Set<Nonlinearity> supported,
                              Function<GroupElement, double[][]> matrices) {
        super(group, name, null, Matrices.identity(size), Matrices.identity(size), supported,
                new RepresentationRecipe.Irrep(id));
        this.id = id.clone();
        this.frequency = frequency;
        this.flipFrequency = flipFrequency;
        this.sumOfSquaresConstituents = sumOfSquaresConstituents;
        this.matrices = matrices;
    }

    /**
     * {@code {k}} for C_N / SO(2), {@code {j, k}} for D_N / O(2), {@code {l}} for SO(3) and the octahedral /
     * icosahedral groups, {@code {j, l}} for O(3) and their full versions, {@code {j, k}} / {@code {j, f, k}} for the
     * cylinder groups (escnn's ids, flattened). A fresh copy.
     */
    public int[] id() {
        return id.clone();
    }

    /** The rotation frequency k; the degree l (escnn's id l) for the 3D groups. */
    public int frequency() {
        return frequency;
    }

    /** The flip frequency j (0 for groups without reflections); the inversion frequency j for the 3D groups. */
    public int flipFrequency() {
        return flipFrequency;
    }

    /**
     * Sum of squared multiplicities of the irrep's constituents over the complex numbers: 2 for the
     * 2-dimensional irreps of C_N and SO(2) (complex type), else 1.
     */
    public int sumOfSquaresConstituents() {
        return sumOfSquaresConstituents;
    }

    @Override
    public List<IrreducibleRepresentation> irreps() {
        return List.of(this);
    }

    @Override
    public double[][] matrix(GroupElement g) {
        group().checkElement(g);
        return matrices.apply(g);
    }

    @Override
    public double character(GroupElement g) {
        double[][] m = matrix(g);
        double c = 0;
        for (int i = 0; i < m.length; i++) {
            c += m[i][i];
        }
        return c;
    }

    /** Whether this is the trivial irrep (every element maps to 1): the one whose id is all zeros. */
    @Override
    public boolean isTrivial() {
        return Arrays.stream(id).allMatch(k -> k == 0);
    }

    @Override
    public String toString() {
        return group().name() + "|" + name() + Arrays.toString(id);
    }
}
