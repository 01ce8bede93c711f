package org.mdlm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compares the {@code provides} clauses of a module's {@code module-info.java} with its
 * {@code META-INF/services} files. Both must agree: ND4J forces mdlm to run on the class path,
 * where only the services files count, while javac checks the module descriptor.
 */
public final class ServiceDeclarations {

    private static final Pattern PROVIDES =
            Pattern.compile("provides\\s+([\\w.]+)\\s+with\\s+([\\w.,\\s]+?);", Pattern.DOTALL);

    private ServiceDeclarations() {
    }

    /** Service interface -> implementation classes, as declared in {@code module-info.java}. */
    public static Map<String, Set<String>> fromModuleInfo(Path moduleInfo) {
        String src = stripComments(read(moduleInfo));
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher m = PROVIDES.matcher(src);
        while (m.find()) {
            Set<String> impls = out.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>());
            for (String impl : m.group(2).split(",")) {
                impls.add(impl.trim());
            }
        }
        return out;
    }

    /** Service interface -> implementation classes, as listed under {@code META-INF/services}. */
    public static Map<String, Set<String>> fromServicesFolder(Path servicesDir) {
        Map<String, Set<String>> out = new TreeMap<>();
        if (!Files.isDirectory(servicesDir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(servicesDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Set<String> impls = new LinkedHashSet<>();
                for (String line : Files.readAllLines(f)) {
                    String s = line.replaceAll("#.*", "").trim();
                    if (!s.isEmpty()) {
                        impls.add(s);
                    }
                }
                out.put(f.getFileName().toString(), impls);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Lists the disagreements between a module's descriptor and its services files.
     *
     * @param moduleRoot the Maven module folder (holding {@code src/main})
     * @return human-readable differences; empty when both agree
     */
    public static List<String> differences(Path moduleRoot) {
        Map<String, Set<String>> declared = fromModuleInfo(moduleRoot.resolve("src/main/java/module-info.java"));
        Map<String, Set<String>> listed = fromServicesFolder(moduleRoot.resolve("src/main/resources/META-INF/services"));
        List<String> diffs = new ArrayList<>();
        Set<String> services = new LinkedHashSet<>(declared.keySet());
        services.addAll(listed.keySet());
        for (String service : services) {
            Set<String> a = declared.getOrDefault(service, Set.of());
            Set<String> b = listed.getOrDefault(service, Set.of());
            if (!a.equals(b)) {
                diffs.add(service + ": module-info provides " + a + " but META-INF/services lists " + b);
            }
        }
        return diffs;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stripComments(String src) {
        return src.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }
}
