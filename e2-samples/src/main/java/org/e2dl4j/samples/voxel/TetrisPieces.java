package org.e2dl4j.samples.voxel;

import java.util.List;

/**
 * The eight 3D Tetris pieces of Thomas et al., <i>Tensor field networks</i> (2018), in their order: four unit
 * cubes each. The first two are mirror images of each other that no rotation maps onto one another (a chiral
 * pair); each of the other six is congruent to its mirror image.
 */
public final class TetrisPieces {

    /** The number of pieces (classes of the sample). */
    public static final int COUNT = 8;

    private static final List<Polycube> ALL = List.of(
            Polycube.of("chiral-1", new int[] {0, 0, 0}, new int[] {0, 0, 1}, new int[] {1, 0, 0}, new int[] {1, 1, 0}),
            Polycube.of("chiral-2", new int[] {0, 0, 0}, new int[] {0, 0, 1}, new int[] {1, 0, 0}, new int[] {1, -1, 0}),
            Polycube.of("square", new int[] {0, 0, 0}, new int[] {1, 0, 0}, new int[] {0, 1, 0}, new int[] {1, 1, 0}),
            Polycube.of("line", new int[] {0, 0, 0}, new int[] {0, 0, 1}, new int[] {0, 0, 2}, new int[] {0, 0, 3}),
            Polycube.of("corner", new int[] {0, 0, 0}, new int[] {0, 0, 1}, new int[] {0, 1, 0}, new int[] {1, 0, 0}),
            Polycube.of("L", new int[] {0, 0, 0}, new int[] {0, 0, 1}, new int[] {0, 0, 2}, new int[] {0, 1, 0}),
            Polycube.of("T", new int[] {0, 0, 0}, new int[] {0, 0, 1}, new int[] {0, 0, 2}, new int[] {0, 1, 1}),
            Polycube.of("zigzag", new int[] {0, 0, 0}, new int[] {1, 0, 0}, new int[] {1, 1, 0}, new int[] {2, 1, 0}));

    private TetrisPieces() {
    }

    /** The eight pieces; the index of a piece is its class label. */
    public static List<Polycube> all() {
        return ALL;
    }

    /** The pieces' names in label order. */
    public static List<String> names() {
        return ALL.stream().map(Polycube::name).toList();
    }
}
