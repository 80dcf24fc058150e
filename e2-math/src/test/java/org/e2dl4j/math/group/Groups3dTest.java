package org.e2dl4j.math.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.Mat;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The 3D groups against escnn 1.0.13 ({@code reference/data/groups3d.json}, written by reference/groups3d.py). */
class Groups3dTest {

    /** The reference numbers have 10 decimals. */
    private static final double TOL = 1e-9;

    private static JsonNode data() {
        return ReferenceData.read("groups3d.json");
    }

    static Stream<Arguments> finiteGroups() {
        return Stream.of(Arguments.of("octa", Groups.octa()), Arguments.of("ico", Groups.ico()),
                Arguments.of("fullOcta", Groups.fullOcta()), Arguments.of("fullIco", Groups.fullIco()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteGroups")
    void elementsAreEscnnsInEscnnsOrder(String key, PolyhedralGroup g) {
        JsonNode ref = data().get(key);
        assertEquals(ref.get("name").asText(), g.name());
        assertEquals(ref.get("order").asInt(), g.order());
        assertEquals(g.order(), g.elements().size());
        assertEquals(g.order(), new HashSet<>(g.elements()).size(), "distinct elements");
        for (int i = 0; i < g.order(); i++) {
            GroupElement e = g.element(i);
            Mat.assertClose(ReferenceData.matrix(ref.get("matrices").get(i)), e.orthogonalMatrix(), TOL,
                    g + " element " + i);
            assertEquals(ref.get("inversions").get(i).asInt(), e.flip(), g + " inversion of element " + i);
        }
        assertEquals(g.element(ref.get("identity").asInt()), g.identity());
        List<GroupElement> gens = g.generators();
        assertEquals(ref.get("generators").size(), gens.size());
        for (int i = 0; i < gens.size(); i++) {
            assertEquals(g.element(ref.get("generators").get(i).asInt()), gens.get(i), "generator " + i);
        }
        for (int i = 0; i < g.order(); i++) {
            assertEquals(g.element(ref.get("inverses").get(i).asInt()), g.inverse(g.element(i)), "inverse of " + i);
        }
        if (ref.has("products")) {
            for (int i = 0; i < g.order(); i++) {
                for (int j = 0; j < g.order(); j++) {
                    assertEquals(g.element(ref.get("products").get(i).get(j).asInt()),
                            g.combine(g.element(i), g.element(j)), g + ": e" + i + " * e" + j);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteGroups")
    void productsAreExactAndMatchTheMatrices(String key, PolyhedralGroup g) {
        List<GroupElement> els = g.elements();
        GroupElement e = g.identity();
        for (GroupElement a : els) {
            assertEquals(a, g.combine(e, a));
            assertEquals(a, g.combine(a, e));
            assertEquals(e, g.combine(a, g.inverse(a)));
            for (GroupElement b : els) {
                GroupElement ab = g.combine(a, b);
                assertTrue(g.isElement(ab));
                Mat.assertClose(Mat.multiply(a.orthogonalMatrix(), b.orthogonalMatrix()), ab.orthogonalMatrix(), TOL,
                        g + ": matrix of " + a + " * " + b);
            }
        }
        int step = g.order() > 60 ? 7 : 1;
        for (int i = 0; i < els.size(); i += step) {
            for (GroupElement b : els) {
                for (GroupElement c : els) {
                    GroupElement a = els.get(i);
                    assertEquals(g.combine(g.combine(a, b), c), g.combine(a, g.combine(b, c)));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteGroups")
    void generatorsGenerateTheGroup(String key, PolyhedralGroup g) {
        Set<GroupElement> reached = new HashSet<>(List.of(g.identity()));
        ArrayDeque<GroupElement> todo = new ArrayDeque<>(reached);
        while (!todo.isEmpty()) {
            GroupElement a = todo.pop();
            for (GroupElement s : g.generators()) {
                GroupElement b = g.combine(s, a);
                if (reached.add(b)) {
                    todo.push(b);
                }
            }
        }
        assertEquals(g.order(), reached.size(), g + ": the generators' closure");
    }

    @Test
    void kindsAndNames() {
        assertEquals(GroupKind.OCTAHEDRAL, Groups.octa().kind());
        assertEquals(GroupKind.FULL_OCTAHEDRAL, Groups.fullOcta().kind());
        assertEquals(GroupKind.ICOSAHEDRAL, Groups.ico().kind());
        assertEquals(GroupKind.FULL_ICOSAHEDRAL, Groups.fullIco().kind());
        assertEquals(GroupKind.SO3, Groups.so3(2).kind());
        assertEquals(GroupKind.O3, Groups.o3(2).kind());
        assertEquals("SO(3)", Groups.so3(2).name());
        assertEquals("O(3)", Groups.o3(2).name());
        assertEquals(Groups.octa(), new OctahedralGroup(false));
        assertFalse(Groups.octa().equals(Groups.fullOcta()));
        assertFalse(Groups.octa().isElement(Groups.ico().element(5)), "octa accepts an ico element");
        assertFalse(Groups.octa().isElement(Groups.fullOcta().element(30)), "octa accepts an improper element");
        assertTrue(Groups.fullOcta().isElement(Groups.octa().element(5)));
        assertFalse(Groups.so3(2).isElement(Groups.octa().element(5)), "SO(3) takes finite elements by the inclusion");
        assertFalse(Groups.cyclic(24).isElement(Groups.octa().element(5)));
        assertFalse(Groups.so2(2).isElement(Groups.so3(2).identity()));
        assertFalse(Groups.o2(2).isElement(Groups.o3(2).inversion()));
    }

    @Test
    void planarAccessorsRefuseSpatialElements() {
        GroupElement g = Groups.octa().element(5);
        Rejections.assertRejected(IllegalStateException.class, g::angle, "angle()", "planar", "3D group");
        Rejections.assertRejected(IllegalStateException.class, g::rotationIndex, "rotationIndex()", "planar");
        Rejections.assertRejected(IllegalStateException.class, () -> Groups.cyclic(4).rotation(1).rotation(),
                "rotation()", "3D groups", "planar element");
    }

    static Stream<Group> continuousGroups() {
        return Stream.of(Groups.so3(3), Groups.o3(3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("continuousGroups")
    void continuousProductsMatchTheMatrices(Group g) {
        List<GroupElement> els = g.testingElements();
        GroupElement e = g.identity();
        for (GroupElement a : els) {
            assertTrue(g.equal(g.combine(a, g.inverse(a)), e, 1e-12));
            Mat.assertClose(Mat.identity(3), Mat.multiply(a.orthogonalMatrix(), Mat.transpose(a.orthogonalMatrix())),
                    1e-12, "orthogonality");
            for (GroupElement b : els) {
                Mat.assertClose(Mat.multiply(a.orthogonalMatrix(), b.orthogonalMatrix()),
                        g.combine(a, b).orthogonalMatrix(), 1e-12, g + ": " + a + " * " + b);
            }
        }
        assertFalse(g.equal(els.get(24), els.get(25), 1e-6));
        for (GroupElement s : g.generators()) {
            assertTrue(g.isElement(s));
        }
    }

    @Test
    void quaternionsOfTheNegatedSignAreTheSameElement() {
        GroupElement a = GroupElement.spatial(0, new org.hipparchus.geometry.euclidean.threed.Rotation(0.5, 0.5, 0.5,
                0.5, false));
        GroupElement b = GroupElement.spatial(0, new org.hipparchus.geometry.euclidean.threed.Rotation(-0.5, -0.5,
                -0.5, -0.5, false));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    static Stream<Arguments> subgroups() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String parent : List.of("so3Subgroups", "o3Subgroups")) {
            for (JsonNode s : data().get(parent)) {
                b.add(Arguments.of(parent, s.get("id").asText(), s));
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("subgroups")
    void subgroupInclusionsAreEscnns(String parentKey, String id, JsonNode ref) {
        Group parent = parentKey.equals("so3Subgroups") ? Groups.so3(6) : Groups.o3(3);
        Subgroup sub = parent.subgroup(subgroupId(id));
        Group h = sub.group();
        assertEquals(ref.get("subgroup").asText(), h.name());
        assertEquals(sub.id().toString(), id);
        for (int i = 0; i < ref.get("elements").size(); i++) {
            GroupElement x = element(h, ref.get("elements").get(i));
            GroupElement g = sub.toParent(x);
            Mat.assertClose(ReferenceData.matrix(ref.get("matrices").get(i)), g.orthogonalMatrix(), TOL,
                    parent + " > " + id + ": inclusion of " + x);
            GroupElement back = sub.fromParent(g).orElseThrow(() -> new AssertionError(x + " does not come back"));
            assertTrue(h.equal(x, back, 1e-9), x + " came back as " + back);
        }
        List<GroupElement> hs = h.testingElements();
        for (GroupElement a : hs) {
            for (GroupElement c : hs) {
                assertTrue(parent.equal(parent.combine(sub.toParent(a), sub.toParent(c)), sub.toParent(h.combine(a, c)),
                        1e-9), "inclusion is a homomorphism at " + a + ", " + c);
            }
        }
        if (!h.equals(parent) && !(h instanceof SO3Group)) {
            for (GroupElement g : parent.testingElements().subList(24, 32)) {
                assertTrue(sub.fromParent(g).isEmpty(), "a generic element " + g + " is not in " + h);
            }
        }
    }

    private static SubgroupId subgroupId(String id) {
        return switch (id) {
            case "'so3'" -> SubgroupId.so3();
            case "'octa'" -> SubgroupId.octa();
            case "'ico'" -> SubgroupId.ico();
            case "(True, 'octa')" -> SubgroupId.fullOcta();
            case "(True, 'ico')" -> SubgroupId.fullIco();
            case "(True, False, 1)" -> SubgroupId.inversion();
            default -> {
                String[] parts = id.substring(1, id.length() - 1).split(", ");
                if (parts.length == 3 && parts[0].equals("True")) {
                    int n = Integer.parseInt(parts[2]);
                    yield switch (parts[1]) {
                        case "False" -> SubgroupId.cylinder(n);
                        case "True" -> SubgroupId.fullCylinder(n);
                        default -> SubgroupId.fullCylinder(Double.parseDouble(parts[1]) / 2, n);
                    };
                }
                if (parts.length == 3) {
                    double axis = Double.parseDouble(parts[1]) / 2;
                    int n = Integer.parseInt(parts[2]);
                    yield parts[0].equals("False") ? SubgroupId.planarDihedral(axis, n) : SubgroupId.cone(axis, n);
                }
                int n = Integer.parseInt(parts[1]);
                yield switch (parts[0]) {
                    case "False" -> SubgroupId.planarRotations(n);
                    case "True" -> SubgroupId.planarDihedral(n);
                    default -> SubgroupId.cone(n);
                };
            }
        };
    }

    private static GroupElement element(Group h, JsonNode label) {
        if (label.isInt()) {
            return h.elements().get(label.asInt());
        }
        if (h instanceof CylinderGroup cylinder) {
            Group p = cylinder.planar();
            double theta = label.get(2).asDouble();
            GroupElement planar = p.isFinite() ? p.elements().stream().filter(e -> e.flip() == label.get(1).asInt()
                    && Math.abs(e.angle() - theta) < 1e-9).findFirst().orElseThrow()
                    : p.kind() == GroupKind.SO2 ? ((SO2Group) p).rotation(theta)
                    : ((O2Group) p).element(label.get(1).asInt(), theta);
            return cylinder.element(label.get(0).asInt(), planar);
        }
        if (h instanceof SO3Group so3) {
            double[] q = ReferenceData.doubles(label);
            return so3.element(PolyhedralRotations.fromScipyQuaternion(q[0], q[1], q[2], q[3]));
        }
        int f = label.get(0).asInt();
        double theta = label.get(1).asDouble();
        return switch (h.kind()) {
            case CYCLIC -> ((CyclicGroup) h).rotation((int) Math.round(theta * h.order() / (2 * Math.PI)));
            case DIHEDRAL -> ((DihedralGroup) h).element(f, (int) Math.round(theta * h.rotationOrder() / (2 * Math.PI)));
            case SO2 -> ((SO2Group) h).rotation(theta);
            default -> ((O2Group) h).element(f, theta);
        };
    }

    static Stream<Arguments> cylinders() {
        return Stream.of(Arguments.of("cylinderDiscrete4", Groups.cylinder(4, 2)),
                Arguments.of("fullCylinderDiscrete4", Groups.fullCylinder(4, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cylinders")
    void discreteCylinderGroupsListEscnnsElements(String key, CylinderGroup g) {
        JsonNode ref = data().get("cylinders").get(key);
        assertEquals(ref.get("name").asText(), g.name());
        assertEquals(ref.get("order").asInt(), g.order());
        for (int i = 0; i < g.order(); i++) {
            GroupElement e = g.elements().get(i);
            assertEquals(e, element(g, ref.get("elements").get(i)), "element " + i + " in escnn's order");
            Mat.assertClose(ReferenceData.matrix(ref.get("matrices").get(i)), e.orthogonalMatrix(), TOL, "element " + i);
        }
        for (GroupElement a : g.elements()) {
            assertEquals(a, g.combine(g.identity(), a));
            assertEquals(g.identity(), g.combine(a, g.inverse(a)));
            for (GroupElement b : g.elements()) {
                GroupElement ab = g.combine(a, b);
                assertTrue(g.elements().contains(ab), "closed, exactly: " + ab);
                Mat.assertClose(Mat.multiply(a.orthogonalMatrix(), b.orthogonalMatrix()), ab.orthogonalMatrix(), 1e-12,
                        "product matrix");
            }
        }
        assertEquals(GroupKind.CYLINDRICAL, Groups.cylinder(-1, 2).kind());
        assertEquals(GroupKind.FULL_CYLINDRICAL_DISCRETE, Groups.fullCylinder(4, 2).kind());
        assertEquals("FullCylindrical", Groups.fullCylinder(-1, 3).name());
    }
}
