package org.e2dl4j.math.group;

import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * The rotations of the octahedral (24) and icosahedral (60) groups in escnn's order, which is the order of
 * SciPy's {@code Rotation.create_group('O')} / {@code ('I')}: the identity and the three pi rotations about the
 * axes first, then the rotations by 2 pi / 3 about the cube diagonals, then the rest.
 *
 * <p>Each rotation is written as its SciPy quaternion {@code [x, y, z, w]}, one character per component:
 * {@code 0}, {@code 1}, {@code h} = 1/2, {@code r} = sqrt(2)/2, {@code b} = 1/(2 phi), {@code c} = phi/2
 * (phi the golden ratio); an upper-case letter is the negative value.
 */
final class PolyhedralRotations {

    private static final String TETRAHEDRAL = "1000 0100 0010 0001 hHHh hHhh hhHh hhhh hHHH hHhH hhHH hhhH";
    private static final String OCTAHEDRAL = TETRAHEDRAL
            + " r00r 0r0r 00rr 00Rr 0R0r R00r 0rr0 0Rr0 r0r0 R0r0 rr00 Rr00";
    private static final String ICOSAHEDRAL = TETRAHEDRAL
            + " hbc0 hbC0 hc0b hc0B hBc0 hBC0 hC0b hC0B h0bc h0bC h0Bc h0BC bh0c bh0C bch0 bcH0 bH0c bH0C bCh0 bCH0"
            + " b0ch b0cH b0Ch b0CH chb0 chB0 cb0h cb0H cHb0 cHB0 cB0h cB0H c0hb c0hB c0Hb c0HB 0hcb 0hcB 0hCb 0hCB"
            + " 0bhc 0bhC 0bHc 0bHC 0cbh 0cbH 0cBh 0cBH";

    private static final double PHI = (1 + Math.sqrt(5)) / 2;

    private PolyhedralRotations() {
    }

    /** The 24 rotations of the cube, in escnn's order. */
    static Rotation[] octahedral() {
        return decode(OCTAHEDRAL);
    }

    /** The 60 rotations of the icosahedron, in escnn's order. */
    static Rotation[] icosahedral() {
        return decode(ICOSAHEDRAL);
    }

    private static Rotation[] decode(String table) {
        String[] codes = table.split(" ");
        Rotation[] rotations = new Rotation[codes.length];
        for (int i = 0; i < codes.length; i++) {
            double[] q = new double[4];
            for (int j = 0; j < 4; j++) {
                q[j] = value(codes[i].charAt(j));
            }
            rotations[i] = fromScipyQuaternion(q[0], q[1], q[2], q[3]);
        }
        return rotations;
    }

    /**
     * The Hipparchus rotation of SciPy's (and escnn's) quaternion {@code [x, y, z, w]}. Hipparchus' {@code applyTo}
     * acts by the conjugate of its quaternion, so the vector part changes sign.
     */
    static Rotation fromScipyQuaternion(double x, double y, double z, double w) {
        return new Rotation(w, -x, -y, -z, true);
    }

    private static double value(char c) {
        double v = switch (Character.toLowerCase(c)) {
            case '0' -> 0;
            case '1' -> 1;
            case 'h' -> 0.5;
            case 'r' -> Math.sqrt(0.5);
            case 'b' -> 0.5 / PHI;
            case 'c' -> PHI / 2;
            default -> throw new IllegalStateException("bad quaternion code " + c);
        };
        return Character.isUpperCase(c) ? -v : v;
    }
}
