package org.e2dl4j.samples.voxel;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A polycube: unit cubes glued face to face, each named by the integer corner {@code (x, y, z)} of the cube
 * {@code [x, x + 1] x [y, y + 1] x [z, z + 1]}.
 *
 * @param name  the piece's name, for tables and pictures
 * @param cells its cubes, distinct
 */
public record Polycube(String name, List<Cell> cells) {

    /** One unit cube of a polycube, by its lowest corner. */
    public record Cell(int x, int y, int z) {

        /** The cell's coordinates as {@code {x, y, z}}. */
        public int[] coordinates() {
            return new int[] {x, y, z};
        }
    }

    /** Checks that there is at least one cell and no cell twice. */
    public Polycube {
        cells = List.copyOf(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("polycube " + name + ": expected at least one cube, got none");
        }
        if (new HashSet<>(cells).size() != cells.size()) {
            throw new IllegalArgumentException("polycube " + name + ": expected distinct cubes, got " + cells);
        }
    }

    /** The polycube of the given {@code {x, y, z}} corners. */
    public static Polycube of(String name, int[]... corners) {
        return new Polycube(name, Arrays.stream(corners).map(c -> new Cell(c[0], c[1], c[2])).toList());
    }

    /** The number of unit cubes. */
    public int size() {
        return cells.size();
    }

    /** Whether the cell with corner {@code (x, y, z)} belongs to the polycube. */
    public boolean contains(int x, int y, int z) {
        return cells.contains(new Cell(x, y, z));
    }

    /** Whether every cube is reachable from every other through shared faces. */
    public boolean isFaceConnected() {
        Set<Cell> reached = new HashSet<>();
        ArrayDeque<Cell> queue = new ArrayDeque<>(List.of(cells.get(0)));
        while (!queue.isEmpty()) {
            Cell cell = queue.poll();
            if (!reached.add(cell)) {
                continue;
            }
            for (Cell other : cells) {
                int distance = Math.abs(other.x - cell.x) + Math.abs(other.y - cell.y) + Math.abs(other.z - cell.z);
                if (distance == 1 && !reached.contains(other)) {
                    queue.add(other);
                }
            }
        }
        return reached.size() == cells.size();
    }

    /**
     * The cells mapped by the signed permutation matrix {@code m} (row-major 3 x 3, entries -1, 0, 1) and moved
     * so that their lowest corner is the origin, sorted: two polycubes are congruent under a set of such matrices
     * exactly when one's normal form equals the other's image under one of them.
     */
    public List<Cell> normalForm(int[] m) {
        List<Cell> mapped = cells.stream().map(c -> {
            // the cube [x, x+1]^3 maps to a cube whose lowest corner is the image of its centre minus 1/2
            int x2 = 2 * c.x + 1;
            int y2 = 2 * c.y + 1;
            int z2 = 2 * c.z + 1;
            return new Cell((m[0] * x2 + m[1] * y2 + m[2] * z2 - 1) / 2, (m[3] * x2 + m[4] * y2 + m[5] * z2 - 1) / 2,
                    (m[6] * x2 + m[7] * y2 + m[8] * z2 - 1) / 2);
        }).toList();
        int minX = mapped.stream().mapToInt(Cell::x).min().orElseThrow();
        int minY = mapped.stream().mapToInt(Cell::y).min().orElseThrow();
        int minZ = mapped.stream().mapToInt(Cell::z).min().orElseThrow();
        return mapped.stream().map(c -> new Cell(c.x - minX, c.y - minY, c.z - minZ))
                .sorted(Comparator.comparingInt(Cell::x).thenComparingInt(Cell::y).thenComparingInt(Cell::z))
                .toList();
    }
}
