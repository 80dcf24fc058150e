package org.e2dl4j.spark;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parts of a JVM class file (JVMS chapter 4) that linkage depends on: its name, superclass,
 * interfaces, declared members (name + descriptor) and the symbolic references of its constant pool
 * (classes, fields and methods it uses). Parsed from the bytes without loading the class.
 */
final class ClassFile {

    /** A symbolic reference to a field or method: owner class (internal name), member name, descriptor. */
    record MemberRef(String owner, String name, String descriptor, boolean method) {
        @Override
        public String toString() {
            return owner.replace('/', '.') + "." + name + (method ? "" : ":") + descriptor;
        }
    }

    private final String name;
    private final String superName;
    private final List<String> interfaces;
    private final Set<String> declaredMembers;
    private final Set<String> referencedClasses;
    private final List<MemberRef> memberRefs;

    private ClassFile(String name, String superName, List<String> interfaces, Set<String> declaredMembers,
                      Set<String> referencedClasses, List<MemberRef> memberRefs) {
        this.name = name;
        this.superName = superName;
        this.interfaces = List.copyOf(interfaces);
        this.declaredMembers = Set.copyOf(declaredMembers);
        this.referencedClasses = Set.copyOf(referencedClasses);
        this.memberRefs = List.copyOf(memberRefs);
    }

    /** Internal name, e.g. {@code org/deeplearning4j/spark/api/TrainingMaster}. */
    String name() {
        return name;
    }

    /** Internal name of the superclass; null for java/lang/Object. */
    String superName() {
        return superName;
    }

    List<String> interfaces() {
        return interfaces;
    }

    /** Whether the class itself declares a member with this name and descriptor. */
    boolean declares(String memberName, String descriptor) {
        return declaredMembers.contains(memberName + descriptor);
    }

    /** Element classes of every CONSTANT_Class entry (array descriptors reduced to their element class). */
    Set<String> referencedClasses() {
        return referencedClasses;
    }

    List<MemberRef> memberRefs() {
        return memberRefs;
    }

    static ClassFile parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] first = new int[count];
        int[] second = new int[count];
        int[] tag = new int[count];
        for (int i = 1; i < count; i++) {
            tag[i] = in.readUnsignedByte();
            switch (tag[i]) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> {
                    first[i] = in.readUnsignedShort();
                    second[i] = in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag[i]);
            }
        }
        in.readUnsignedShort();
        String name = utf8[first[in.readUnsignedShort()]];
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : utf8[first[superIndex]];
        int interfaceCount = in.readUnsignedShort();
        List<String> interfaces = new ArrayList<>();
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(utf8[first[in.readUnsignedShort()]]);
        }
        Set<String> members = new HashSet<>();
        for (int kind = 0; kind < 2; kind++) {
            int memberCount = in.readUnsignedShort();
            for (int m = 0; m < memberCount; m++) {
                in.readUnsignedShort();
                String memberName = utf8[in.readUnsignedShort()];
                String descriptor = utf8[in.readUnsignedShort()];
                members.add(memberName + descriptor);
                skipAttributes(in);
            }
        }
        Set<String> classes = new HashSet<>();
        List<MemberRef> refs = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tag[i] == 7) {
                String element = elementClass(utf8[first[i]]);
                if (element != null) {
                    classes.add(element);
                }
            } else if (tag[i] == 9 || tag[i] == 10 || tag[i] == 11) {
                String owner = elementClass(utf8[first[first[i]]]);
                int nameAndType = second[i];
                if (owner != null && !utf8[first[first[i]]].startsWith("[")) {
                    refs.add(new MemberRef(owner, utf8[first[nameAndType]], utf8[second[nameAndType]], tag[i] != 9));
                }
            }
        }
        return new ClassFile(name, superName, interfaces, members, classes, refs);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }

    /** Internal name of the class an entry names; null for arrays of primitives. */
    private static String elementClass(String entry) {
        if (!entry.startsWith("[")) {
            return entry;
        }
        String element = entry.replaceFirst("^\\[+", "");
        return element.startsWith("L") ? element.substring(1, element.length() - 1) : null;
    }
}
