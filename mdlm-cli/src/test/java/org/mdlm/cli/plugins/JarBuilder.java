package org.mdlm.cli.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles Java sources against the test class path (which holds mdlm-api) and packs a jar, as a plugin author would. */
final class JarBuilder {

    private JarBuilder() {
    }

    /**
     * Builds a jar from a source folder, a resource folder, and extra in-memory sources and resources.
     *
     * @param srcDir folder of .java files, or null
     * @param resourceDir folder copied into the jar as is, or null
     * @param extraSources class name -> source text
     * @param extraResources jar path -> content
     */
    static Path build(Path jar, Path srcDir, Path resourceDir, Map<String, String> extraSources,
                      Map<String, String> extraResources) throws IOException {
        Path classes = Files.createTempDirectory("mdlm-plugin-classes");
        List<JavaFileObject> units = new ArrayList<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
            if (srcDir != null) {
                try (Stream<Path> s = Files.walk(srcDir)) {
                    s.filter(p -> p.toString().endsWith(".java")).forEach(p -> fm.getJavaFileObjects(p).forEach(units::add));
                }
            }
            for (Map.Entry<String, String> e : extraSources.entrySet()) {
                units.add(new SimpleJavaFileObject(URI.create("string:///" + e.getKey().replace('.', '/') + ".java"),
                        JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return e.getValue();
                    }
                });
            }
            List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
                    "--release", "17", "-proc:none");
            if (!units.isEmpty() && !javac.getTask(null, fm, null, options, null, units).call()) {
                throw new IllegalStateException("the plugin sources did not compile");
            }
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            addTree(j, classes);
            if (resourceDir != null) {
                addTree(j, resourceDir);
            }
            for (Map.Entry<String, String> e : extraResources.entrySet()) {
                j.putNextEntry(new JarEntry(e.getKey()));
                j.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }

    private static void addTree(JarOutputStream j, Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
                j.putNextEntry(new JarEntry(root.relativize(p).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
        }
    }
}
