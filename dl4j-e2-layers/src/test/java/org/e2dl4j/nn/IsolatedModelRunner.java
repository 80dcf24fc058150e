package org.e2dl4j.nn;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Run in a separate JVM by {@link ExportTest}: restores a saved model and computes its output inside a
 * class loader that sees DL4J and ND4J but no class or resource of {@code org.e2dl4j} (class path entries
 * holding that package are left out, and the loader refuses the package by name). Uses reflection only, so
 * that this class itself needs nothing but the JDK.
 *
 * <p>Arguments: class path (File.pathSeparator-separated), model zip, "MLN" or "CG", input file, output
 * file (ND4J binary format). Prints "isolated: org.e2dl4j not visible" when the loader could not load
 * {@code org.e2dl4j.nn.conv.R2Conv}.
 */
public final class IsolatedModelRunner {

    private IsolatedModelRunner() {
    }

    public static void main(String[] args) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : args[0].split(File.pathSeparator)) {
            File f = new File(entry);
            if (f.exists() && !containsLibrary(f)) {
                urls.add(toUrl(f));
            }
        }
        ClassLoader isolated = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.e2dl4j.")) {
                    throw new ClassNotFoundException(name + " is hidden from this class loader");
                }
                return super.loadClass(name, resolve);
            }
        };
        Thread.currentThread().setContextClassLoader(isolated);
        try {
            Class.forName("org.e2dl4j.nn.conv.R2Conv", false, isolated);
            System.out.println("NOT isolated: org.e2dl4j.nn.conv.R2Conv is visible");
        } catch (ClassNotFoundException expected) {
            System.out.println("isolated: org.e2dl4j not visible");
        }
        File model = new File(args[1]);
        Class<?> serializer = Class.forName("org.deeplearning4j.util.ModelSerializer", true, isolated);
        Class<?> nd4j = Class.forName("org.nd4j.linalg.factory.Nd4j", true, isolated);
        Class<?> ndarray = Class.forName("org.nd4j.linalg.api.ndarray.INDArray", true, isolated);
        Object input = nd4j.getMethod("readBinary", File.class).invoke(null, new File(args[3]));
        Object output;
        if (args[2].equals("MLN")) {
            Object net = serializer.getMethod("restoreMultiLayerNetwork", File.class).invoke(null, model);
            output = net.getClass().getMethod("output", ndarray).invoke(net, input);
        } else {
            Object net = serializer.getMethod("restoreComputationGraph", File.class).invoke(null, model);
            Object array = java.lang.reflect.Array.newInstance(ndarray, 1);
            java.lang.reflect.Array.set(array, 0, input);
            output = net.getClass().getMethod("outputSingle", array.getClass()).invoke(net, array);
        }
        nd4j.getMethod("saveBinary", ndarray, File.class).invoke(null, output, new File(args[4]));
    }

    private static boolean containsLibrary(File entry) throws IOException {
        if (entry.isDirectory()) {
            return new File(entry, "org/e2dl4j").exists();
        }
        try (ZipFile zip = new ZipFile(entry)) {
            Enumeration<? extends java.util.zip.ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                if (entries.nextElement().getName().startsWith("org/e2dl4j/")) {
                    return true;
                }
            }
            return false;
        } catch (IOException notAZip) {
            return false;
        }
    }

    private static URL toUrl(File f) throws MalformedURLException {
        return f.toURI().toURL();
    }
}
