package org.e2dl4j.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Static linkage check of a jar against a class path, the way the JVM resolves symbolic references
 * (JVMS 5.4.3): every class a class of the jar names must exist, and every field or method it
 * references must be declared by the owner or one of its superclasses or superinterfaces with the
 * same name and descriptor. Nothing is loaded; class files are read as bytes from the class loader.
 */
final class LinkageCheck {

    private final ClassLoader classPath;
    private final Map<String, Optional<ClassFile>> cache = new HashMap<>();

    LinkageCheck(ClassLoader classPath) {
        this.classPath = classPath;
    }

    /** All unresolvable references made by the classes of {@code jar}, keyed by referring class. */
    Map<String, List<String>> check(Path jar) throws IOException {
        Map<String, List<String>> problems = new TreeMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                if (!entry.getName().endsWith(".class") || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                ClassFile cls;
                try (InputStream in = file.getInputStream(entry)) {
                    cls = ClassFile.parse(in.readAllBytes());
                }
                List<String> missing = problemsOf(cls);
                if (!missing.isEmpty()) {
                    problems.put(cls.name().replace('/', '.'), missing);
                }
            }
        }
        return problems;
    }

    private List<String> problemsOf(ClassFile cls) {
        List<String> missing = new ArrayList<>();
        for (String name : new TreeSet<>(cls.referencedClasses())) {
            if (find(name).isEmpty()) {
                missing.add("class " + name.replace('/', '.'));
            }
        }
        for (ClassFile.MemberRef ref : cls.memberRefs()) {
            if (find(ref.owner()).isPresent() && !isSignaturePolymorphic(ref) && !resolves(ref)) {
                missing.add((ref.method() ? "method " : "field ") + ref);
            }
        }
        return missing;
    }

    private boolean resolves(ClassFile.MemberRef ref) {
        Deque<String> pending = new ArrayDeque<>(List.of(ref.owner()));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (!seen.add(name)) {
                continue;
            }
            Optional<ClassFile> cls = find(name);
            if (cls.isEmpty()) {
                return false;
            }
            if (cls.get().declares(ref.name(), ref.descriptor())) {
                return true;
            }
            if (cls.get().superName() != null) {
                pending.add(cls.get().superName());
            }
            pending.addAll(cls.get().interfaces());
        }
        return false;
    }

    /** MethodHandle.invoke* and VarHandle accessors link against any descriptor (JVMS 2.9.3). */
    private static boolean isSignaturePolymorphic(ClassFile.MemberRef ref) {
        return ref.method() && (ref.owner().equals("java/lang/invoke/MethodHandle")
                || ref.owner().equals("java/lang/invoke/VarHandle"));
    }

    private Optional<ClassFile> find(String internalName) {
        return cache.computeIfAbsent(internalName, name -> {
            try (InputStream in = classPath.getResourceAsStream(name + ".class")) {
                return in == null ? Optional.empty() : Optional.of(ClassFile.parse(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read class file of " + name, e);
            }
        });
    }
}
