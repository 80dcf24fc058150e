package org.e2dl4j.math.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The 3D layer bases against escnn's R3Conv ({@code bases3d.json}): the same number of weights and bias parameters,
 * and every filter escnn expands (from unit weights: its whole sampled basis; or from random weights) lies in the
 * span of this library's filters, with a relative residual of at most 1e-6 (escnn samples in float32; measured
 * in irreps coordinates, block by block, see {@link #residual}). For the unit
 * filters, their rank equals the dimension, so the two spans are equal. The generalized He standard deviations
 * agree as multisets (escnn orders its weights differently; it computes them in float32, hence 1e-7).
 */
class ReferenceBases3dTest {

    private static final double SPAN_TOLERANCE = 1e-6;

    @TestFactory
    List<DynamicTest> everyEscnnFilterLiesInTheSpanOfTheLayerBasis() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : ReferenceData.read("bases3d.json").get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
        }
        return tests;
    }

    private static void check(JsonNode c) {
        GSpace gs = gspace(c.get("gspace"));
        String where = c.get("name").asText() + " on " + gs.name();
        List<Representation> in = fields(gs, c.get("in_fields"));
        List<Representation> out = fields(gs, c.get("out_fields"));
        int k = c.get("kernel_size").asInt();
        LayerBasis basis = LayerBasis.of(gs, in, out, k, 1, BasisPolicy.defaults());
        assertEquals(c.get("dimension").asInt(), basis.dimension(), where + ": basis dimension");
        assertEquals(c.get("bias_dimension").asInt(), basis.biasDimension(), where + ": bias dimension");
        assertEquals(c.get("in_size").asInt(), basis.inChannels(), where + ": input channels");
        assertEquals(c.get("out_size").asInt(), basis.outChannels(), where + ": output channels");
        assertEquals(k * k * k, basis.kernelPoints(), where + ": kernel points");
        double[] he = basis.heStandardDeviations();
        Arrays.sort(he);
        assertArrayEquals(ReferenceData.doubles(c.get("he_std_sorted")), he, 1e-7,
                where + ": generalized He standard deviations (sorted)");

        List<double[]> theirs = new ArrayList<>();
        for (JsonNode f : c.get("filters")) {
            double[] filter = ReferenceData.doubles(f);
            assertEquals(basis.outChannels() * basis.inChannels() * basis.kernelPoints(), filter.length,
                    where + ": filter size");
            double residual = residual(basis, filter);
            assertTrue(residual <= SPAN_TOLERANCE, where + ": escnn's filter " + theirs.size()
                    + " leaves the span by " + residual + " (relative)");
            theirs.add(filter);
        }
        if (c.get("filters_kind").asText().equals("unit")) {
            assertEquals(basis.dimension(), orthonormalize(theirs).size(), where + ": rank of escnn's basis");
        }
    }

    /**
     * The relative distance of a filter from the span of the layer basis, computed block by block in irreps
     * coordinates: with {@code F'(x) = Q_out^-1 F(x) Q_in} per pair of fields, every basis element lives in one
     * (output irrep, input irrep) block, so F lies in the span iff each block of F' lies in the span of the blocks
     * of that block's elements (and blocks without elements vanish). Returns {@code |F' - P F'| / |F'|}.
     */
    static double residual(LayerBasis basis, double[] filter) {
        int points = basis.kernelPoints();
        int ci = basis.inChannels();
        Map<String, PairBasis> pairs = new HashMap<>();
        for (PairBasis pair : basis.pairs()) {
            pairs.put(pair.inRepr().name() + "|" + pair.outRepr().name(), pair);
        }
        double total = 0;
        double left = 0;
        int outStart = 0;
        for (Representation out : basis.outFields()) {
            int inStart = 0;
            for (Representation in : basis.inFields()) {
                PairBasis pair = pairs.get(in.name() + "|" + out.name());
                int[] outIrreps = irrepStarts(out);
                int[] inIrreps = irrepStarts(in);
                for (int oo = 0; oo < out.irreps().size(); oo++) {
                    for (int ii = 0; ii < in.irreps().size(); ii++) {
                        int rows = out.irreps().get(oo).size();
                        int cols = in.irreps().get(ii).size();
                        int o0 = outStart;
                        int i0 = inStart;
                        double[] target = block(out, in, outIrreps[oo], rows, inIrreps[ii], cols, points,
                                (o, i, p) -> filter[((o0 + o) * ci + i0 + i) * points + p]);
                        List<double[]> elements = new ArrayList<>();
                        if (pair != null) {
                            SampledBasis sampled = pair.basis();
                            for (int e = 0; e < sampled.dimension(); e++) {
                                PairElement attributes = sampled.elements().get(e);
                                if (attributes.outIrrepIndex() == oo && attributes.inIrrepIndex() == ii) {
                                    int element = e;
                                    elements.add(block(out, in, outIrreps[oo], rows, inIrreps[ii], cols, points,
                                            (o, i, p) -> sampled.get(element, o, i, p)));
                                }
                            }
                        }
                        double r = residualOf(orthonormalize(elements), target);
                        left += r * r;
                        total += dot(target, target);
                    }
                }
                inStart += in.size();
            }
            outStart += out.size();
        }
        return total == 0 ? 0 : Math.sqrt(left / total);
    }

    /** Entry (o, i) of a field-pair block at point p. */
    private interface Entry {
        double at(int o, int i, int p);
    }

    /** {@code (Q_out^-1 B(x) Q_in)} restricted to the irreps block at (outRow, inColumn), laid out [r][c][p]. */
    private static double[] block(Representation out, Representation in, int outRow, int rows, int inColumn,
                                  int cols, int points, Entry entry) {
        double[][] qOutInv = out.changeOfBasisInv();
        double[][] qIn = in.changeOfBasis();
        double[] result = new double[rows * cols * points];
        double[] partial = new double[in.size()];
        for (int p = 0; p < points; p++) {
            for (int r = 0; r < rows; r++) {
                Arrays.fill(partial, 0.0);
                for (int o = 0; o < out.size(); o++) {
                    double q = qOutInv[outRow + r][o];
                    if (q == 0.0) {
                        continue;
                    }
                    for (int i = 0; i < in.size(); i++) {
                        partial[i] += q * entry.at(o, i, p);
                    }
                }
                for (int c = 0; c < cols; c++) {
                    double v = 0;
                    for (int i = 0; i < in.size(); i++) {
                        v += partial[i] * qIn[i][inColumn + c];
                    }
                    result[(r * cols + c) * points + p] = v;
                }
            }
        }
        return result;
    }

    private static int[] irrepStarts(Representation r) {
        int[] starts = new int[r.irreps().size()];
        for (int k = 1; k < starts.length; k++) {
            starts[k] = starts[k - 1] + r.irreps().get(k - 1).size();
        }
        return starts;
    }

    static GSpace gspace(JsonNode spec) {
        String kind = spec.get("kind").asText();
        return switch (kind) {
            case "so3" -> GSpaces.rot3dOnR3();
            case "o3" -> GSpaces.flipRot3dOnR3();
            case "octa" -> GSpaces.octaOnR3();
            case "fullOcta" -> GSpaces.fullOctaOnR3();
            case "ico" -> GSpaces.icoOnR3();
            case "rot2d" -> GSpaces.rot2dOnR3(spec.get("n").asInt());
            case "dihedral" -> GSpaces.dihedralOnR3(spec.get("n").asInt());
            case "conical" -> GSpaces.conicalOnR3(spec.get("n").asInt());
            case "inv" -> GSpaces.invOnR3();
            case "mir" -> GSpaces.mirOnR3();
            case "trivial" -> GSpaces.trivialOnR3();
            default -> throw new IllegalArgumentException("unknown G-space kind " + kind);
        };
    }

    private static List<Representation> fields(GSpace gs, JsonNode keys) {
        Group group = gs.fibergroup();
        List<Representation> fields = new ArrayList<>();
        for (JsonNode key : keys) {
            if (key.isTextual()) {
                assertEquals("regular", key.asText());
                fields.add(Representations.regular(group));
            } else if (key.get(0).isArray()) {
                // the full polyhedral groups: escnn's id ((j,), (l,), 0) is this library's {j, l}
                fields.add(Representations.irrep(group, key.get(0).get(0).asInt(), key.get(1).get(0).asInt()));
            } else {
                int[] id = new int[key.size()];
                for (int i = 0; i < id.length; i++) {
                    id[i] = key.get(i).asInt();
                }
                fields.add(Representations.irrep(group, id));
            }
        }
        return fields;
    }

    /** An orthonormal basis of the span (modified Gram-Schmidt, twice; dependent vectors dropped). */
    static List<double[]> orthonormalize(List<double[]> vectors) {
        List<double[]> basis = new ArrayList<>();
        for (double[] v : vectors) {
            double[] u = v.clone();
            double norm0 = norm(u);
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : basis) {
                    double dot = dot(q, u);
                    for (int i = 0; i < u.length; i++) {
                        u[i] -= dot * q[i];
                    }
                }
            }
            double n = norm(u);
            if (n > 1e-6 * norm0) {
                for (int i = 0; i < u.length; i++) {
                    u[i] /= n;
                }
                basis.add(u);
            }
        }
        return basis;
    }

    /** {@code |f - P f|} for P the projection onto the span of the orthonormal vectors. */
    static double residualOf(List<double[]> orthonormal, double[] f) {
        double[] r = f.clone();
        for (double[] q : orthonormal) {
            double dot = dot(q, r);
            for (int i = 0; i < r.length; i++) {
                r[i] -= dot * q[i];
            }
        }
        return norm(r);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
