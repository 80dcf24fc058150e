package org.e2dl4j.math.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * A finite 3D group built from the rotation group P of a Platonic solid (the octahedral O or the
 * icosahedral I): P itself, or its full version P x C_2 with the inversion x -> -x. Elements are exact:
 * element i is {@code (i / n, R_(i mod n))} with R_k the k-th rotation of P in escnn's order (n rotations),
 * so the inversion-free elements come first as in escnn's direct product {@code C_2 x P}. Products and
 * inverses come from the multiplication table. Immutable.
 */
public abstract class PolyhedralGroup extends Group {

    /** Rotations closer than this (in the quaternion components) to one of P are taken as it. */
    static final double TOLERANCE = 1e-7;

    private final boolean full;
    private final Rotation[] rotations;
    private final int[][] table;
    private final int[] inverses;
    private final List<GroupElement> elements;

    PolyhedralGroup(boolean full, Rotation[] rotations, int[][] table, int[] inverses) {
        this.full = full;
        this.rotations = rotations;
        this.table = table;
        this.inverses = inverses;
        int n = rotations.length;
        List<GroupElement> els = new ArrayList<>(full ? 2 * n : n);
        for (int inv = 0; inv < (full ? 2 : 1); inv++) {
            for (int k = 0; k < n; k++) {
                els.add(GroupElement.spatialFinite(inv, k, n, rotations[k]));
            }
        }
        this.elements = Collections.unmodifiableList(els);
    }

    /** The multiplication table of the rotations: {@code table[i][j]} is the index of R_i R_j. */
    static int[][] multiplicationTable(Rotation[] rotations) {
        int n = rotations.length;
        int[][] t = new int[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Rotation p = rotations[i].applyTo(rotations[j]);
                t[i][j] = indexOf(rotations, p).orElseThrow(
                        () -> new IllegalStateException("the rotation list is not closed under products"));
            }
        }
        return t;
    }

    /** The inverse of each rotation, read off the table. */
    static int[] inverses(int[][] table, int identity) {
        int[] inv = new int[table.length];
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table.length; j++) {
                if (table[i][j] == identity) {
                    inv[i] = j;
                }
            }
        }
        return inv;
    }

    static OptionalInt indexOf(Rotation[] rotations, Rotation r) {
        for (int k = 0; k < rotations.length; k++) {
            Rotation q = rotations[k];
            double dot = q.getQ0() * r.getQ0() + q.getQ1() * r.getQ1() + q.getQ2() * r.getQ2() + q.getQ3() * r.getQ3();
            if (Math.abs(Math.abs(dot) - 1) < TOLERANCE) {
                return OptionalInt.of(k);
            }
        }
        return OptionalInt.empty();
    }

    /** Whether this is the full version P x C_2 (with the inversion). */
    public boolean isFull() {
        return full;
    }

    /** The number n of rotations of P (24 or 60). */
    public int rotationCount() {
        return rotations.length;
    }

    /** Element i of {@link #elements()}. */
    public GroupElement element(int i) {
        if (i < 0 || i >= elements.size()) {
            throw new IllegalArgumentException(name() + " has elements 0.." + (elements.size() - 1) + ", got " + i);
        }
        return elements.get(i);
    }

    /** The element {@code (inversion, R)}, if R is one of P's rotations (up to 1e-7) and the inversion is allowed. */
    public Optional<GroupElement> element(int inversion, Rotation r) {
        if (inversion == 1 && !full) {
            return Optional.empty();
        }
        OptionalInt k = indexOf(rotations, r);
        return k.isPresent() ? Optional.of(elements.get(inversion * rotations.length + k.getAsInt()))
                : Optional.empty();
    }

    /** The indices (in P's rotations) of escnn's generators of P. */
    abstract int[] rotationGenerators();

    /** The identity's index in P's rotations (3: the quaternion [0, 0, 0, 1] is fourth in escnn's list). */
    static final int IDENTITY_INDEX = 3;

    @Override
    public int order() {
        return elements.size();
    }

    @Override
    public int rotationOrder() {
        return -1;
    }

    @Override
    public boolean hasReflections() {
        return full;
    }

    @Override
    public List<GroupElement> elements() {
        return elements;
    }

    @Override
    public GroupElement identity() {
        return elements.get(IDENTITY_INDEX);
    }

    @Override
    public GroupElement combine(GroupElement a, GroupElement b) {
        checkElement(a);
        checkElement(b);
        int inv = (a.flip() + b.flip()) % 2;
        return elements.get(inv * rotations.length + table[a.spatialIndex()][b.spatialIndex()]);
    }

    @Override
    public GroupElement inverse(GroupElement a) {
        checkElement(a);
        return elements.get(a.flip() * rotations.length + inverses[a.spatialIndex()]);
    }

    @Override
    public boolean isElement(GroupElement g) {
        return g.isSpatial() && g.isFinite() && g.spatialCount() == rotations.length && (full || g.flip() == 0);
    }

    /** escnn's generators: those of P (and the inversion first, for the full version). */
    @Override
    public List<GroupElement> generators() {
        List<GroupElement> gens = new ArrayList<>();
        if (full) {
            gens.add(elements.get(rotations.length + IDENTITY_INDEX));
        }
        for (int k : rotationGenerators()) {
            gens.add(elements.get(k));
        }
        return Collections.unmodifiableList(gens);
    }

    @Override
    public List<GroupElement> testingElements() {
        return elements;
    }

    /**
     * The finite subgroups of O(3) (by their ids there, {@link O3Group#subgroup}) that lie in this group, with the
     * inclusion of O(3): e.g. {@link SubgroupId#planarRotations(int) planarRotations(4)} (C_4 about z) and
     * {@link SubgroupId#planarDihedral(int) planarDihedral(4)} of the octahedral group,
     * {@link SubgroupId#planarRotations(int) planarRotations(1)} (trivial) of every one; of a full version also the
     * rotation group ({@link SubgroupId#octa()} / {@link SubgroupId#ico()}), {@link SubgroupId#inversion()} and the
     * conic ones such as {@link SubgroupId#cone(int) cone(4)}. The group itself is its own id.
     *
     * @throws IllegalArgumentException if the id names no finite subgroup of O(3) inside this group
     */
    @Override
    public Subgroup subgroup(SubgroupId id) {
        if (id.isSpatial() && id.spatial() == ownId()) {
            return new Subgroup(this, id, this, h -> h, g -> g);
        }
        Subgroup inO3;
        try {
            inO3 = new O3Group(1).subgroup(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Subgroups of " + name() + " are given by their ids in O(3); " + id
                    + " is none", e);
        }
        Group sub = inO3.group();
        if (!sub.isFinite()) {
            throw new IllegalArgumentException(id + " is the continuous " + sub.name() + ", not a subgroup of " + name());
        }
        for (GroupElement h : sub.elements()) {
            GroupElement g = inO3.toParent(h);
            if (element(g.flip(), g.rotation()).isEmpty()) {
                throw new IllegalArgumentException(id + " (" + sub.name() + " in O(3)) is not a subgroup of " + name()
                        + ": its element " + h + " maps outside it");
            }
        }
        return new Subgroup(this, id, sub,
                h -> {
                    GroupElement g = inO3.toParent(h);
                    return element(g.flip(), g.rotation()).orElseThrow();
                },
                g -> inO3.fromParent(GroupElement.spatial(g.flip(), g.rotation())).orElse(null));
    }

    /** The kind of id that names this group itself. */
    abstract SubgroupId.Spatial ownId();

}
