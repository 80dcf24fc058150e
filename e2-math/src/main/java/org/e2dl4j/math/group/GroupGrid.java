package org.e2dl4j.math.group;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A finite set of sample points on a group, as escnn's {@code G.grid(...)} builds it for the planar groups
 * (the points on which the Fourier nonlinearities sample their band-limited functions):
 * <ul>
 *   <li>{@code regular N}: C_M: r^(i M / N), i &lt; N (N must divide M); D_M: the same rotations, then each times
 *       the flip (2N points); SO(2): r_(2 pi i / N), i &lt; N; O(2): those rotations, then r_(2 pi i / N) f (2N
 *       points);</li>
 *   <li>{@code rand N seed} (SO(2) and O(2) only): numpy's {@code RandomState(seed)}: per point one
 *       {@code random()} angle 2 pi u for SO(2), a {@code randint(0, 2)} flip then a {@code random()} angle for
 *       O(2), so the points are escnn's to the last bit.</li>
 * </ul>
 * escnn's random grids of C_N and D_N come from numpy's unseeded global generator, so no seed reproduces them; they
 * are refused. Immutable value.
 */
public final class GroupGrid {

    /** escnn's grid types. */
    public enum Type {
        /** Equally spaced rotations (with and without the flip). */
        REGULAR("regular"),
        /** Seeded uniform random elements. */
        RAND("rand");

        private final String escnnName;

        Type(String escnnName) {
            this.escnnName = escnnName;
        }

        /** escnn's name of the type. */
        public String escnnName() {
            return escnnName;
        }

        /**
         * The type with escnn's name.
         *
         * @throws IllegalArgumentException for any other name, listing the valid ones
         */
        public static Type fromEscnnName(String name) {
            for (Type t : values()) {
                if (t.escnnName.equals(name)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown grid type '" + name + "'; valid: regular, rand");
        }
    }

    private final Type type;
    private final int n;
    private final Long seed;

    private GroupGrid(Type type, int n, Long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("a " + type.escnnName + " grid needs N >= 1 points, got N = " + n);
        }
        this.type = type;
        this.n = n;
        this.seed = seed;
    }

    /** escnn's {@code grid('regular', N)}. */
    public static GroupGrid regular(int n) {
        return new GroupGrid(Type.REGULAR, n, null);
    }

    /**
     * escnn's {@code grid(N, type='rand', seed=seed)} of SO(2) and O(2).
     *
     * @param seed numpy's seed, 0 to 2^32 - 1
     */
    public static GroupGrid rand(int n, long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("a rand grid's seed is numpy's, between 0 and 2^32 - 1, got " + seed);
        }
        return new GroupGrid(Type.RAND, n, seed);
    }

    /** The grid's type. */
    public Type type() {
        return type;
    }

    /** escnn's N (the number of rotations of a regular grid, of points of a random one). */
    public int n() {
        return n;
    }

    /** The numpy seed of a random grid; empty for a regular one. */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /**
     * The points on {@code group}, in escnn's order.
     *
     * @throws IllegalArgumentException if the grid does not exist on that group (N not dividing a finite group's
     *                                  rotation order, a random grid on a finite group)
     */
    public List<GroupElement> elements(Group group) {
        List<GroupElement> out = new ArrayList<>();
        if (type == Type.RAND) {
            if (group.isFinite()) {
                throw new IllegalArgumentException(this + " on " + group.name() + ": escnn samples random grids of"
                        + " finite groups from numpy's unseeded global generator, which no seed reproduces; use a"
                        + " regular grid");
            }
            NumpyRandomState random = new NumpyRandomState(seed);
            for (int i = 0; i < n; i++) {
                int flip = group.hasReflections() ? random.randomBit() : 0;
                out.add(GroupElement.continuous(flip, random.random() * 2 * Math.PI));
            }
            return Collections.unmodifiableList(out);
        }
        int flips = group.hasReflections() ? 2 : 1;
        if (group.isFinite()) {
            int m = group.rotationOrder();
            if (m % n != 0) {
                throw new IllegalArgumentException(this + " on " + group.name() + ": N = " + n
                        + " must divide the group's " + m + " rotations");
            }
            for (int f = 0; f < flips; f++) {
                for (int i = 0; i < n; i++) {
                    out.add(GroupElement.finite(f, i * (m / n), m));
                }
            }
        } else {
            for (int f = 0; f < flips; f++) {
                for (int i = 0; i < n; i++) {
                    out.add(GroupElement.continuous(f, i * 2 * Math.PI / n));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupGrid g && type == g.type && n == g.n && Objects.equals(seed, g.seed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, n, seed);
    }

    /** escnn's arguments: {@code regular N=8}, {@code rand N=20 seed=5}. */
    @Override
    public String toString() {
        return type.escnnName + " grid N=" + n + (seed == null ? "" : " seed=" + seed);
    }
}
