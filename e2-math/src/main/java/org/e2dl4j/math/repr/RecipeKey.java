package org.e2dl4j.math.repr;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.e2dl4j.math.group.CylinderGroup;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupKind;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;

/**
 * The text key of a {@link RepresentationRecipe} (the field keys of the JSON form of field types):
 * <ul>
 *   <li>{@code trivial}, {@code regular}, {@code irrep:k} / {@code irrep:j,k} (e2cnn's irrep id),
 *       {@code quotient:<subgroup>}, {@code induced:<subgroup>:<irrep id of the subgroup>};</li>
 *   <li>{@code restrict:<parent group>:<subgroup of the parent>:<key in the parent>}, with the parent written
 *       {@code C8}, {@code D4}, {@code SO(2)@f} or {@code O(2)@f} (f the maximum frequency);</li>
 *   <li>{@code disentangle:<i>:<key>} for the i-th disentangled part, {@code concatenated:<key>} for the
 *       output of a concatenated nonlinearity;</li>
 *   <li>{@code user:<name>:<irrep ids>:<nonlinearities>:<change of basis>} for a user representation
 *       ({@link RepresentationRecipe.UserDefined}): the name URL-encoded (UTF-8), the ids separated by
 *       {@code ;} ({@code 0,0;1,1}), e2cnn's nonlinearity names separated by {@code ,} (possibly none), Q's rows
 *       separated by {@code ;} and their entries by {@code ,}, each written by {@link Double#toString(double)}
 *       so that it is read back exactly;</li>
 *   <li>{@code spectralRegular:<ids>} and {@code spectralQuotient:<subgroup>:<ids>} for escnn's band-limited
 *       regular and quotient representations, the irrep ids separated by {@code |}, e.g.
 *       {@code spectralRegular:0|1|2} or {@code spectralQuotient:None,-1:0,0|1,0};</li>
 *   <li>{@code sum[<key>][<key>]...:<name>} for the direct sum of the parts, named {@code name};</li>
 *   <li>{@code tensor[<key>][<key>]} for the tensor product of the two factors;</li>
 * </ul>
 * a subgroup written {@code M} (of C_N or SO(2)), {@code None,M} / {@code k,M} (of D_N), {@code None,-1} /
 * {@code None,M} / {@code theta,M} (of O(2)) or escnn's ids of the 3D groups ({@code 'octa'}, {@code True,'octa'},
 * {@code False,4}, {@code 'cone',-1}, {@code True,False,1}, ...), e2cnn's ids without brackets and spaces. Changes
 * of basis have no key, nor do direct sums whose names have unbalanced brackets. {@link #parse} inverts
 * {@link #format}.
 */
public final class RecipeKey {

    private static final String VALID = "trivial, regular, irrep:k, irrep:j,k, quotient:<subgroup>,"
            + " induced:<subgroup>:<irrep id>, concatenated:<key>, restrict:<group>:<subgroup>:<key>,"
            + " disentangle:<i>:<key>, user:<name>:<irrep ids>:<nonlinearities>:<change of basis>,"
            + " spectralRegular:<id>|<id>.., spectralQuotient:<subgroup>:<id>|<id>.., sum[<key>][<key>]...:<name>,"
            + " tensor[<key>][<key>]";

    private RecipeKey() {
    }

    /**
     * The key of a recipe.
     *
     * @throws IllegalArgumentException if the recipe is (or is built from) a direct sum or a change of basis
     */
    public static String format(RepresentationRecipe recipe) {
        if (recipe instanceof RepresentationRecipe.Irrep irrep) {
            return irrep.isTrivial() ? "trivial" : "irrep:" + ids(irrep.id());
        }
        if (recipe instanceof RepresentationRecipe.Regular) {
            return "regular";
        }
        if (recipe instanceof RepresentationRecipe.Quotient quotient) {
            return "quotient:" + formatSubgroup(quotient.subgroup());
        }
        if (recipe instanceof RepresentationRecipe.Induced induced) {
            return "induced:" + formatSubgroup(induced.subgroup()) + ":" + ids(induced.irrepId());
        }
        if (recipe instanceof RepresentationRecipe.Restricted restricted) {
            return "restrict:" + formatGroup(restricted.parent()) + ":" + formatSubgroup(restricted.subgroup()) + ":"
                    + format(restricted.of());
        }
        if (recipe instanceof RepresentationRecipe.Disentangled part) {
            return "disentangle:" + part.part() + ":" + format(part.of());
        }
        if (recipe instanceof RepresentationRecipe.Concatenated concatenated) {
            return "concatenated:" + format(concatenated.of());
        }
        if (recipe instanceof RepresentationRecipe.UserDefined user) {
            return formatUser(user);
        }
        if (recipe instanceof RepresentationRecipe.SpectralRegular spectral) {
            return "spectralRegular:" + idList(spectral.irrepIds());
        }
        if (recipe instanceof RepresentationRecipe.SpectralQuotient spectral) {
            return "spectralQuotient:" + formatSubgroup(spectral.subgroup()) + ":" + idList(spectral.irrepIds());
        }
        if (recipe instanceof RepresentationRecipe.Tensor tensor) {
            return "tensor[" + format(tensor.left()) + "][" + format(tensor.right()) + "]";
        }
        if (recipe instanceof RepresentationRecipe.DirectSum sum && balanced(sum.name())) {
            StringBuilder key = new StringBuilder("sum");
            for (RepresentationRecipe part : sum.parts()) {
                key.append('[').append(format(part)).append(']');
            }
            return key.append(':').append(sum.name()).toString();
        }
        throw new IllegalArgumentException("a " + (recipe instanceof RepresentationRecipe.DirectSum
                ? "direct sum named with unbalanced brackets" : "change of basis") + " has no key (keys: " + VALID + ")");
    }

    /** Whether every '[' of the text is closed by a later ']'. */
    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** The direct sum of {@code sum[<key>][<key>]...:<name>}, or null if the key does not have that form. */
    private static RepresentationRecipe parseSum(Group group, String key) {
        List<RepresentationRecipe> parts = new ArrayList<>();
        int end = bracketed(group, key, "sum".length(), parts);
        if (parts.isEmpty() || end < 0 || end >= key.length() || key.charAt(end) != ':') {
            return null;
        }
        return new RepresentationRecipe.DirectSum(parts, key.substring(end + 1));
    }

    /** The tensor product of {@code tensor[<key>][<key>]}, or null if the key does not have that form. */
    private static RepresentationRecipe parseTensor(Group group, String key) {
        List<RepresentationRecipe> factors = new ArrayList<>();
        int end = bracketed(group, key, "tensor".length(), factors);
        if (factors.size() != 2 || end != key.length()) {
            return null;
        }
        return new RepresentationRecipe.Tensor(factors.get(0), factors.get(1));
    }

    /**
     * Parses the keys {@code [<key>][<key>]...} from position {@code i} into {@code parts}; returns the position after
     * the last closing bracket, or -1 for an unclosed or empty bracket.
     */
    private static int bracketed(Group group, String key, int i, List<RepresentationRecipe> parts) {
        while (i < key.length() && key.charAt(i) == '[') {
            int depth = 0;
            int end = i;
            do {
                char c = key.charAt(end);
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                end++;
            } while (depth > 0 && end < key.length());
            if (depth > 0 || end - i == 2) {
                return -1;
            }
            parts.add(parse(group, key.substring(i + 1, end - 1)));
            i = end;
        }
        return i;
    }

    /**
     * The recipe of the representation of {@code group} with this key.
     *
     * @throws IllegalArgumentException if the key has none of the forms for this group; the message lists them
     */
    public static RepresentationRecipe parse(Group group, String key) {
        if (key.startsWith("sum[")) {
            RepresentationRecipe sum = parseSum(group, key);
            if (sum != null) {
                return sum;
            }
            throw new IllegalArgumentException("unknown field key '" + key + "' (valid: " + VALID + ")");
        }
        if (key.startsWith("tensor[")) {
            RepresentationRecipe tensor = parseTensor(group, key);
            if (tensor != null) {
                return tensor;
            }
            throw new IllegalArgumentException("unknown field key '" + key + "' (valid: " + VALID + ")");
        }
        String[] head = key.split(":", 2);
        String rest = head.length == 2 ? head[1] : null;
        try {
            switch (head[0]) {
                case "trivial":
                    if (rest == null) {
                        return new RepresentationRecipe.Irrep(Representations.trivial(group).id());
                    }
                    break;
                case "regular":
                    if (rest == null) {
                        return new RepresentationRecipe.Regular();
                    }
                    break;
                case "irrep":
                    if (rest != null) {
                        return new RepresentationRecipe.Irrep(parseIds(rest));
                    }
                    break;
                case "quotient":
                    if (rest != null) {
                        return new RepresentationRecipe.Quotient(parseSubgroup(group, rest));
                    }
                    break;
                case "induced": {
                    String[] parts = rest == null ? new String[0] : rest.split(":");
                    if (parts.length == 2) {
                        return new RepresentationRecipe.Induced(parseSubgroup(group, parts[0]), parseIds(parts[1]));
                    }
                    break;
                }
                case "restrict": {
                    String[] parts = rest == null ? new String[0] : rest.split(":", 3);
                    if (parts.length == 3) {
                        Group parent = parseGroup(parts[0]);
                        return new RepresentationRecipe.Restricted(parent, parseSubgroup(parent, parts[1]),
                                parse(parent, parts[2]));
                    }
                    break;
                }
                case "disentangle": {
                    String[] parts = rest == null ? new String[0] : rest.split(":", 2);
                    if (parts.length == 2 && parts[0].matches("\\d+")) {
                        return new RepresentationRecipe.Disentangled(Integer.parseInt(parts[0]),
                                parse(group, parts[1]));
                    }
                    break;
                }
                case "concatenated":
                    if (rest != null) {
                        return new RepresentationRecipe.Concatenated(parse(group, rest));
                    }
                    break;
                case "user": {
                    String[] parts = rest == null ? new String[0] : rest.split(":", -1);
                    if (parts.length == 4) {
                        return parseUser(parts);
                    }
                    break;
                }
                case "spectralRegular":
                    if (rest != null) {
                        return RepresentationRecipe.SpectralRegular.of(parseIdList(rest));
                    }
                    break;
                case "spectralQuotient": {
                    String[] parts = rest == null ? new String[0] : rest.split(":");
                    if (parts.length == 2) {
                        return RepresentationRecipe.SpectralQuotient.of(parseSubgroup(group, parts[0]),
                                parseIdList(parts[1]));
                    }
                    break;
                }
                default:
                    break;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad number in field key '" + key + "' (valid: " + VALID + ")", e);
        }
        throw new IllegalArgumentException("unknown field key '" + key + "' (valid: " + VALID + ")");
    }

    /** The key of a subgroup id: {@code 2}, {@code None,4}, {@code 0,1}, {@code 0.0,4}. */
    public static String formatSubgroup(SubgroupId id) {
        return id.toString().replace("(", "").replace(")", "").replace(" ", "");
    }

    /**
     * The subgroup id a key names in g: {@code M} (C_N, SO(2)), {@code None,M} / {@code k,M} (D_N),
     * {@code None,-1} / {@code None,M} / {@code theta,M} (O(2)).
     *
     * @throws IllegalArgumentException if the key has none of these forms for g's kind
     */
    public static SubgroupId parseSubgroup(Group g, String key) {
        String[] parts = key.split(",");
        try {
            if ((g.kind() == GroupKind.CYCLIC || g.kind() == GroupKind.SO2) && parts.length == 1) {
                return SubgroupId.rotations(Integer.parseInt(parts[0].trim()));
            }
            if (g.kind() == GroupKind.DIHEDRAL && parts.length == 2) {
                Integer axis = parts[0].trim().equals("None") ? null : Integer.valueOf(parts[0].trim());
                return SubgroupId.dihedral(axis, Integer.parseInt(parts[1].trim()));
            }
            if (g.kind() == GroupKind.O2 && parts.length == 2) {
                Double axis = parts[0].trim().equals("None") ? null : Double.valueOf(parts[0].trim());
                return SubgroupId.orthogonal(axis, Integer.parseInt(parts[1].trim()));
            }
            if (SpatialRestriction.isSpatial(g)) {
                SubgroupId id = parseSpatialSubgroup(parts);
                if (id != null) {
                    return id;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("subgroup '" + key + "' of " + g.name()
                + " is not of the form M (C_N, SO(2)), None,M / k,M (D_N), None,-1 / None,M / theta,M (O(2)) or, of the"
                + " 3D groups, 'so3' / 'octa' / 'ico' / True,'octa' / True,'ico' / False,N / True,N / 'cone',N /"
                + " True,False,1");
    }

    /** A spatial subgroup id from the parts of its key, or null. */
    private static SubgroupId parseSpatialSubgroup(String[] parts) {
        String key = String.join(",", parts).trim();
        switch (key) {
            case "'so3'":
                return SubgroupId.so3();
            case "'octa'":
                return SubgroupId.octa();
            case "'ico'":
                return SubgroupId.ico();
            case "True,'octa'":
                return SubgroupId.fullOcta();
            case "True,'ico'":
                return SubgroupId.fullIco();
            case "True,False,1":
                return SubgroupId.inversion();
            default:
                break;
        }
        if (parts.length == 3 && parts[0].trim().equals("True")) {
            int n = Integer.parseInt(parts[2].trim());
            return switch (parts[1].trim()) {
                case "False" -> SubgroupId.cylinder(n);
                case "True" -> SubgroupId.fullCylinder(n);
                default -> SubgroupId.fullCylinder(Double.parseDouble(parts[1].trim()) / 2, n);
            };
        }
        if (parts.length == 3) {
            double axis = Double.parseDouble(parts[1].trim()) / 2;
            int n = Integer.parseInt(parts[2].trim());
            return switch (parts[0].trim()) {
                case "False" -> SubgroupId.planarDihedral(axis, n);
                case "'cone'" -> SubgroupId.cone(axis, n);
                default -> null;
            };
        }
        if (parts.length != 2) {
            return null;
        }
        int n = Integer.parseInt(parts[1].trim());
        return switch (parts[0].trim()) {
            case "False" -> SubgroupId.planarRotations(n);
            case "True" -> SubgroupId.planarDihedral(n);
            case "'cone'" -> SubgroupId.cone(n);
            default -> null;
        };
    }

    /**
     * The key of a group: {@code C8}, {@code D4}, {@code SO(2)@f}, {@code O(2)@f}, {@code SO(3)@f}, {@code O(3)@f}
     * (f the maximum frequency), {@code Octahedral}, {@code FullOctahedral}, {@code Icosahedral},
     * {@code FullIcosahedral}, and the cylinder groups with their planar factor, {@code Cylindrical[SO(2)@f]},
     * {@code CylindricalDiscrete[C4]}, {@code FullCylindrical[O(2)@f]}, {@code FullCylindricalDiscrete[D4]}.
     */
    public static String formatGroup(Group g) {
        if (g instanceof CylinderGroup cylinder) {
            return g.name() + "[" + formatGroup(cylinder.planar()) + "]";
        }
        return g.isFinite() ? g.name() : g.name() + "@" + g.maximumFrequency();
    }

    /**
     * The group a key names ({@link #formatGroup}).
     *
     * @throws IllegalArgumentException if the key names none
     */
    public static Group parseGroup(String key) {
        try {
            if (key.startsWith("SO(2)@")) {
                return Groups.so2(Integer.parseInt(key.substring("SO(2)@".length())));
            }
            if (key.startsWith("O(2)@")) {
                return Groups.o2(Integer.parseInt(key.substring("O(2)@".length())));
            }
            if (key.matches("(Full)?Cylindrical(Discrete)?\\[.*\\]")) {
                Group planar = parseGroup(key.substring(key.indexOf('[') + 1, key.length() - 1));
                CylinderGroup cylinder = new CylinderGroup(planar);
                if (formatGroup(cylinder).equals(key)) {
                    return cylinder;
                }
            }
            if (key.startsWith("SO(3)@")) {
                return Groups.so3(Integer.parseInt(key.substring("SO(3)@".length())));
            }
            if (key.startsWith("O(3)@")) {
                return Groups.o3(Integer.parseInt(key.substring("O(3)@".length())));
            }
            switch (key) {
                case "Octahedral":
                    return Groups.octa();
                case "FullOctahedral":
                    return Groups.fullOcta();
                case "Icosahedral":
                    return Groups.ico();
                case "FullIcosahedral":
                    return Groups.fullIco();
                default:
                    break;
            }
            if (key.matches("[CD]\\d+")) {
                int n = Integer.parseInt(key.substring(1));
                return key.charAt(0) == 'C' ? Groups.cyclic(n) : Groups.dihedral(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("unknown group '" + key + "' (valid: C<n>, D<n>, SO(2)@<f>, O(2)@<f>,"
                + " SO(3)@<f>, O(3)@<f>, Octahedral, FullOctahedral, Icosahedral, FullIcosahedral, Cylindrical[<planar group>],"
                + " CylindricalDiscrete[C<n>], FullCylindrical[O(2)@<f>], FullCylindricalDiscrete[D<n>])");
    }

    private static String formatUser(RepresentationRecipe.UserDefined user) {
        List<String> ids = new ArrayList<>();
        for (int[] id : user.irrepIds()) {
            ids.add(ids(id));
        }
        Set<Nonlinearity> inOrder = EnumSet.noneOf(Nonlinearity.class);
        inOrder.addAll(user.supported());
        List<String> names = new ArrayList<>();
        for (Nonlinearity n : inOrder) {
            names.add(n.e2cnnName());
        }
        List<String> rows = new ArrayList<>();
        for (double[] row : user.changeOfBasis()) {
            rows.add(Arrays.stream(row).mapToObj(Double::toString).collect(Collectors.joining(",")));
        }
        return "user:" + URLEncoder.encode(user.name(), StandardCharsets.UTF_8) + ":" + String.join(";", ids) + ":"
                + String.join(",", names) + ":" + String.join(";", rows);
    }

    /** The parts name, ids, nonlinearities and change of basis of a {@code user:} key. */
    private static RepresentationRecipe parseUser(String[] parts) {
        String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        List<int[]> ids = new ArrayList<>();
        for (String id : parts[1].split(";")) {
            ids.add(parseIds(id));
        }
        Set<Nonlinearity> supported = EnumSet.noneOf(Nonlinearity.class);
        if (!parts[2].isEmpty()) {
            for (String n : parts[2].split(",")) {
                supported.add(Nonlinearity.fromE2cnnName(n));
            }
        }
        String[] rows = parts[3].split(";");
        double[][] q = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            q[r] = Arrays.stream(rows[r].split(",")).mapToDouble(Double::parseDouble).toArray();
        }
        return new RepresentationRecipe.UserDefined(name, ids, q, supported);
    }

    private static String ids(int[] id) {
        return Arrays.stream(id).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static String idList(List<int[]> ids) {
        return ids.stream().map(RecipeKey::ids).collect(Collectors.joining("|"));
    }

    private static List<int[]> parseIdList(String text) {
        return Arrays.stream(text.split("\\|", -1)).map(RecipeKey::parseIds).toList();
    }

    private static int[] parseIds(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }
}
