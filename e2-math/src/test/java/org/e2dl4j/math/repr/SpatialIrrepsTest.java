package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.Mat;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.O3Group;
import org.e2dl4j.math.group.PolyhedralGroup;
import org.e2dl4j.math.group.SO3Group;
import org.e2dl4j.testing.Rejections;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The irreps of the 3D groups and escnn's spherical harmonics against escnn 1.0.13 ({@code reference/data/groups3d.json},
 * written by reference/groups3d.py), and the identities they must satisfy.
 */
class SpatialIrrepsTest {

    /** The reference numbers have 10 decimals. */
    private static final double TOL = 1e-9;

    private static JsonNode data() {
        return ReferenceData.read("groups3d.json");
    }

    /** SciPy's (escnn's) quaternion [x, y, z, w] as a Hipparchus rotation (whose applyTo acts by the conjugate). */
    private static Rotation scipy(JsonNode q) {
        return new Rotation(q.get(3).asDouble(), -q.get(0).asDouble(), -q.get(1).asDouble(), -q.get(2).asDouble(),
                true);
    }

    @Test
    void sphericalHarmonicsAreEscnns() {
        JsonNode ref = data().get("sphericalHarmonics");
        JsonNode points = ref.get("points");
        for (int l = 0; l <= 6; l++) {
            for (int i = 0; i < points.size(); i++) {
                double[] x = ReferenceData.doubles(points.get(i));
                double[] expected = ReferenceData.doubles(ref.get("values").get(Integer.toString(l)).get(i));
                double[] y = SphericalHarmonics.evaluate(l, x);
                for (int m = 0; m < y.length; m++) {
                    assertEquals(expected[m], y[m], TOL, "Y_" + l + " component " + m + " at " + Arrays.toString(x));
                }
            }
        }
        double[] pole = SphericalHarmonics.evaluate(3, 0, 0, 2);
        assertEquals(1, pole[3], 1e-15, "Y_l(e_z) = e_(m = 0)");
        Rejections.assertRejected(() -> SphericalHarmonics.evaluate(2, 0, 0, 0), "non-zero", "(0.0, 0.0, 0.0)");
        Rejections.assertRejected(() -> SphericalHarmonics.evaluate(-1, 1, 0, 0), "degree l >= 0", "-1");
    }

    @Test
    void wignerDMatricesAreEscnns() {
        SO3Group so3 = Groups.so3(6);
        JsonNode ref = data().get("so3");
        JsonNode qs = ref.get("quaternions");
        for (int l = 0; l <= 4; l++) {
            IrreducibleRepresentation d = Representations.irrep(so3, l);
            assertEquals("irrep_" + l, d.name());
            assertEquals(l, d.frequency());
            assertEquals(2 * l + 1, d.size());
            for (int i = 0; i < qs.size(); i++) {
                Mat.assertClose(ReferenceData.matrix(ref.get("irreps").get(Integer.toString(l)).get(i)),
                        d.matrix(so3.element(scipy(qs.get(i)))), TOL, "D_" + l + " at element " + i);
            }
        }
        for (int l = 0; l <= 6; l++) {
            for (int i = 0; i < qs.size(); i++) {
                assertEquals(ref.get("characters").get(Integer.toString(l)).get(i).asDouble(),
                        Representations.irrep(so3, l).character(so3.element(scipy(qs.get(i)))), TOL,
                        "character of D_" + l + " at element " + i);
            }
        }
    }

    @Test
    void wignerDMatricesAreOrthogonalHomomorphismsAndRotateTheHarmonicsForLargeDegrees() {
        int maxL = 12;
        SO3Group so3 = Groups.so3(maxL);
        List<GroupElement> els = so3.testingElements().subList(20, 32);
        double[][] points = {{0.3, -0.2, 0.9}, {-0.7, 0.1, 0.2}, {0.05, 0.6, -0.8}};
        for (int l = 5; l <= maxL; l++) {
            IrreducibleRepresentation d = Representations.irrep(so3, l);
            for (GroupElement a : els) {
                double[][] da = d.matrix(a);
                Mat.assertClose(Mat.identity(2 * l + 1), Mat.multiply(da, Mat.transpose(da)), 1e-11, "D_" + l
                        + " orthogonal at " + a);
                for (GroupElement b : els) {
                    Mat.assertClose(d.matrix(so3.combine(a, b)), Mat.multiply(da, d.matrix(b)), 1e-11,
                            "D_" + l + "(ab) = D_" + l + "(a) D_" + l + "(b)");
                }
                for (double[] x : points) {
                    double[] rx = new double[3];
                    a.rotation().applyTo(x, rx);
                    double[] y = SphericalHarmonics.evaluate(l, x);
                    double[][] yx = new double[y.length][1];
                    for (int i = 0; i < y.length; i++) {
                        yx[i][0] = y[i];
                    }
                    double[][] expected = Mat.multiply(da, yx);
                    double[] actual = SphericalHarmonics.evaluate(l, rx);
                    for (int i = 0; i < y.length; i++) {
                        assertEquals(expected[i][0], actual[i], 1e-11, "Y_" + l + "(R x) = D_" + l + "(R) Y_" + l + "(x)");
                    }
                }
            }
            // the character is sin((l + 1/2) theta) / sin(theta / 2), theta the rotation angle
            for (GroupElement a : els) {
                double theta = a.rotation().getAngle();
                assertEquals(Math.sin((l + 0.5) * theta) / Math.sin(theta / 2), d.character(a), 1e-10,
                        "character of D_" + l);
            }
        }
    }

    @Test
    void o3IrrepsAreEscnns() {
        O3Group o3 = Groups.o3(3);
        JsonNode ref = data().get("o3");
        List<String> names = new ArrayList<>();
        for (IrreducibleRepresentation irr : Representations.irreps(o3)) {
            names.add(irr.name());
        }
        assertEquals(List.of("irrep_0,0", "irrep_0,1", "irrep_0,2", "irrep_0,3", "irrep_1,0", "irrep_1,1", "irrep_1,2",
                "irrep_1,3"), names);
        for (JsonNode irr : ref.get("irreps")) {
            IrreducibleRepresentation psi = Representations.irrep(o3, irr.get("id").get(0).asInt(),
                    irr.get("id").get(1).asInt());
            assertEquals(irr.get("name").asText(), psi.name());
            for (int i = 0; i < ref.get("elements").size(); i++) {
                JsonNode e = ref.get("elements").get(i);
                GroupElement g = o3.element(e.get(0).asInt(), scipy(e.get(1)));
                Mat.assertClose(ReferenceData.matrix(irr.get("matrices").get(i)), psi.matrix(g), TOL,
                        psi.name() + " at " + g);
            }
        }
        assertTrue(Representations.irrep(o3, 0, 0).isTrivial());
        assertTrue(!Representations.irrep(o3, 1, 0).isTrivial());
    }

    static Stream<Arguments> finiteGroups() {
        return Stream.of(Arguments.of("octa", Groups.octa()), Arguments.of("ico", Groups.ico()),
                Arguments.of("fullOcta", Groups.fullOcta()), Arguments.of("fullIco", Groups.fullIco()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteGroups")
    void finiteIrrepsAreEscnns(String key, PolyhedralGroup g) {
        JsonNode ref = data().get(key).get("irreps");
        List<IrreducibleRepresentation> irreps = Representations.irreps(g);
        assertEquals(ref.size(), irreps.size());
        for (int i = 0; i < irreps.size(); i++) {
            IrreducibleRepresentation psi = irreps.get(i);
            assertEquals(ref.get(i).get("name").asText(), psi.name());
            assertEquals(ref.get(i).get("size").asInt(), psi.size());
            assertEquals(ref.get(i).get("id").asText().replace(" 0)", "").replaceAll("[(),]", ""),
                    Arrays.toString(psi.id()).replaceAll("[\\[\\],]", ""), "id of " + psi.name());
            for (int e = 0; e < g.order(); e++) {
                Mat.assertClose(ReferenceData.matrix(ref.get(i).get("matrices").get(e)), psi.matrix(g.element(e)), TOL,
                        psi.name() + " at element " + e);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteGroups")
    void finiteIrrepsAreOrthogonalHomomorphismsWithOrthonormalCharacters(String key, PolyhedralGroup g) {
        List<IrreducibleRepresentation> irreps = Representations.irreps(g);
        int sumOfSquares = 0;
        for (IrreducibleRepresentation psi : irreps) {
            sumOfSquares += psi.size() * psi.size();
            for (GroupElement a : g.elements()) {
                for (GroupElement b : g.elements()) {
                    Mat.assertClose(psi.matrix(g.combine(a, b)), Mat.multiply(psi.matrix(a), psi.matrix(b)), 1e-12,
                            psi.name() + " homomorphism");
                }
            }
            for (IrreducibleRepresentation phi : irreps) {
                double dot = 0;
                for (GroupElement a : g.elements()) {
                    dot += psi.character(a) * phi.character(a);
                }
                assertEquals(psi == phi ? 1 : 0, dot / g.order(), 1e-12, "<chi_" + psi.name() + ", chi_" + phi.name() + ">");
            }
        }
        assertEquals(g.order(), sumOfSquares, "sum of the squared irrep sizes");
    }

    @Test
    void regularRepresentationsOfTheFiniteGroupsArePermutations() {
        for (PolyhedralGroup g : List.of(Groups.octa(), Groups.fullOcta(), Groups.ico())) {
            Representation reg = Representations.regular(g);
            assertEquals(g.order(), reg.size());
            List<GroupElement> els = g.elements();
            for (GroupElement a : List.of(els.get(5), els.get(17), g.generators().get(0))) {
                double[][] m = reg.matrix(a);
                for (int h = 0; h < els.size(); h++) {
                    int target = els.indexOf(g.combine(a, els.get(h)));
                    for (int r = 0; r < els.size(); r++) {
                        assertEquals(r == target ? 1 : 0, m[r][h], 1e-9, g + " regular(" + a + ") e_" + h);
                    }
                }
            }
        }
    }

    static Stream<Arguments> restrictions() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (JsonNode r : data().get("restrictions")) {
            b.add(Arguments.of(r.get("parent").asText() + " > " + r.get("subgroup").asText() + " " + r.get("irrep"), r));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restrictions")
    void restrictionsToTheFiniteSubgroupsDecomposeAsEscnns(String name, JsonNode ref) {
        boolean o3 = ref.get("parent").asText().equals("O(3)");
        Group parent = o3 ? Groups.o3(3) : Groups.so3(6);
        JsonNode id = ref.get("irrep");
        IrreducibleRepresentation psi = o3 ? Representations.irrep(parent, id.get(0).asInt(), id.get(1).asInt())
                : Representations.irrep(parent, id.get(0).asInt());
        org.e2dl4j.math.group.SubgroupId sg = switch (ref.get("subgroup").asText()) {
            case "'octa'" -> org.e2dl4j.math.group.SubgroupId.octa();
            case "'ico'" -> org.e2dl4j.math.group.SubgroupId.ico();
            case "(True, 'octa')" -> org.e2dl4j.math.group.SubgroupId.fullOcta();
            case "(True, False, 4)" -> org.e2dl4j.math.group.SubgroupId.cylinder(4);
            case "(True, True, 4)" -> org.e2dl4j.math.group.SubgroupId.fullCylinder(4);
            default -> org.e2dl4j.math.group.SubgroupId.fullIco();
        };
        Representation rho = Representations.restrict(psi, sg);
        List<String> ids = new ArrayList<>();
        for (IrreducibleRepresentation irr : rho.irreps()) {
            ids.add(Arrays.toString(irr.id()));
        }
        List<String> expected = new ArrayList<>();
        for (JsonNode s : ref.get("irreps")) {
            expected.add(Arrays.toString(Arrays.stream(s.asText().replaceAll(", 0\\)$", ")").replaceAll("[() ]", "").split(","))
                    .filter(t -> !t.isEmpty()).mapToInt(Integer::parseInt).toArray()));
        }
        assertEquals(expected, ids, name);
        for (GroupElement h : rho.group().testingElements()) {
            Mat.assertClose(psi.matrix(parent.subgroup(sg).toParent(h)), rho.matrix(h), 1e-9, name + " at " + h);
        }
    }

    static Stream<Arguments> planarRestrictions() {
        Stream.Builder<Arguments> b = Stream.builder();
        List<org.e2dl4j.math.group.SubgroupId> so3Ids = List.of(org.e2dl4j.math.group.SubgroupId.planarRotations(-1),
                org.e2dl4j.math.group.SubgroupId.planarRotations(4), org.e2dl4j.math.group.SubgroupId.planarDihedral(-1),
                org.e2dl4j.math.group.SubgroupId.planarDihedral(3), org.e2dl4j.math.group.SubgroupId.octa());
        List<org.e2dl4j.math.group.SubgroupId> o3Ids = new ArrayList<>(so3Ids);
        o3Ids.addAll(List.of(org.e2dl4j.math.group.SubgroupId.so3(), org.e2dl4j.math.group.SubgroupId.cone(-1),
                org.e2dl4j.math.group.SubgroupId.cone(4), org.e2dl4j.math.group.SubgroupId.cone(1),
                org.e2dl4j.math.group.SubgroupId.inversion(), org.e2dl4j.math.group.SubgroupId.fullOcta(),
                org.e2dl4j.math.group.SubgroupId.planarDihedral(Math.PI / 2, -1),
                org.e2dl4j.math.group.SubgroupId.planarDihedral(Math.PI / 3, 4),
                org.e2dl4j.math.group.SubgroupId.cone(Math.PI / 2, -1), org.e2dl4j.math.group.SubgroupId.cone(Math.PI / 3, 4),
                org.e2dl4j.math.group.SubgroupId.cone(Math.PI / 2, 1), org.e2dl4j.math.group.SubgroupId.cylinder(-1),
                org.e2dl4j.math.group.SubgroupId.fullCylinder(-1), org.e2dl4j.math.group.SubgroupId.fullCylinder(Math.PI / 4, -1),
                org.e2dl4j.math.group.SubgroupId.cylinder(3), org.e2dl4j.math.group.SubgroupId.fullCylinder(Math.PI / 4, 4)));
        for (org.e2dl4j.math.group.SubgroupId id : so3Ids) {
            b.add(Arguments.of(Groups.so3(4), id));
        }
        for (org.e2dl4j.math.group.SubgroupId id : o3Ids) {
            b.add(Arguments.of(Groups.o3(4), id));
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} > {1}")
    @MethodSource("planarRestrictions")
    void restrictedIrrepsAgreeWithTheInclusion(Group parent, org.e2dl4j.math.group.SubgroupId id) {
        org.e2dl4j.math.group.Subgroup sub = parent.subgroup(id);
        for (IrreducibleRepresentation psi : Representations.irreps(parent)) {
            Representation rho = Representations.restrict(psi, id);
            assertEquals(sub.group(), rho.group());
            Mat.assertClose(Mat.identity(psi.size()), Mat.multiply(rho.changeOfBasis(), Mat.transpose(rho.changeOfBasis())),
                    1e-9, "orthogonal change of basis");
            for (GroupElement h : sub.group().testingElements()) {
                Mat.assertClose(psi.matrix(sub.toParent(h)), rho.matrix(h), 1e-9,
                        parent + " > " + id + ": " + psi.name() + " at " + h);
            }
        }
    }

    @Test
    void cylinderIrrepsAreEscnns() {
        for (String key : List.of("cylinderDiscrete4", "fullCylinderDiscrete4")) {
            org.e2dl4j.math.group.CylinderGroup g = key.startsWith("full") ? Groups.fullCylinder(4, 2)
                    : Groups.cylinder(4, 2);
            JsonNode ref = data().get("cylinders").get(key).get("irreps");
            List<IrreducibleRepresentation> irreps = Representations.irreps(g);
            assertEquals(ref.size(), irreps.size());
            for (int i = 0; i < irreps.size(); i++) {
                IrreducibleRepresentation psi = irreps.get(i);
                assertEquals(ref.get(i).get("name").asText(), psi.name());
                assertEquals(ref.get(i).get("size").asInt(), psi.size());
                for (int e = 0; e < g.order(); e++) {
                    Mat.assertClose(ReferenceData.matrix(ref.get(i).get("matrices").get(e)),
                            psi.matrix(g.elements().get(e)), TOL, key + " " + psi.name() + " at element " + e);
                }
            }
            assertTrue(irreps.get(0).isTrivial());
            assertTrue(irreps.stream().skip(1).noneMatch(IrreducibleRepresentation::isTrivial), "one trivial irrep");
        }
        Representation reg = Representations.regular(Groups.fullCylinder(4, 2));
        assertEquals(16, reg.size());
    }
}
