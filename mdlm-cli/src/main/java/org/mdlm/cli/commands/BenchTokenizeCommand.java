package org.mdlm.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.api.domain.TokenizerProvider;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.cli.run.BenchStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mdlm bench tokenize}: encoding speed of each tokenizer on the documents of a JSON-lines
 * corpus split (webtext-standin's by default), on one thread.
 */
@Command(name = "tokenize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time each tokenizer encoding every document of a JSON-lines split (one",
                "{\"text\": ...} object per line; default: webtext-standin's validation split),",
                "on one thread. Reports per tokenizer the tokens, UTF-8 bytes per token, the",
                "median seconds over --repeats (interleaved), tokens/s and bytes/s, and the",
                "first-use load time."})
public final class BenchTokenizeCommand implements Callable<Integer> {

    /** The corpus read when {@code --data} is not given (relative to the working folder, as the presets' paths). */
    public static final String DEFAULT_DATA = "../shared/data/text/webtext-standin";

    @Option(names = "--data", paramLabel = "DIR", defaultValue = DEFAULT_DATA,
            description = "Folder holding SPLIT.jsonl.gz or SPLIT.jsonl, or one such file (default: ${DEFAULT-VALUE}).")
    Path data;
    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "valid",
            description = "Split file read from the folder (default: ${DEFAULT-VALUE}).")
    String split;
    @Option(names = "--tokenizers", paramLabel = "NAME", split = ",",
            description = "Tokenizers to time (default: every one installed).")
    List<String> tokenizers;
    @Option(names = "--repeats", paramLabel = "R", defaultValue = "3",
            description = "Timed passes over the documents per tokenizer; medians are reported (default: ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1",
            description = "Untimed passes per tokenizer first (default: ${DEFAULT-VALUE}).")
    int warmup;
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;
    @Spec
    CommandSpec spec;

    private final PluginRegistry registry;
    private final ObjectMapper mapper;

    /** Creates the command. */
    @Inject
    public BenchTokenizeCommand(PluginRegistry registry, ObjectMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    @Override
    public Integer call() throws Exception {
        if (repeats < 1 || warmup < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--repeats must be >= 1 and --warmup >= 0");
        }
        Path file = corpusFile();
        List<String> docs = documents(file);
        long bytes = 0;
        long chars = 0;
        for (String d : docs) {
            bytes += d.getBytes(StandardCharsets.UTF_8).length;
            chars += d.length();
        }
        List<String> names = tokenizers == null || tokenizers.isEmpty() ? registry.names(ExtensionPoint.TOKENIZER) : tokenizers;
        Map<String, Tokenizer> byName = new LinkedHashMap<>();
        Map<String, Double> loadMs = new LinkedHashMap<>();
        for (String name : names) {
            TokenizerProvider<?> p = registry.find(ExtensionPoint.TOKENIZER, name, TokenizerProvider.class);
            long t0 = System.nanoTime();
            Tokenizer t = p.createFromRecord(p.defaultConfig());
            t.encode("a");
            loadMs.put(name, (System.nanoTime() - t0) / 1e6);
            byName.put(name, t);
        }
        Map<String, Long> tokens = new LinkedHashMap<>();
        for (Map.Entry<String, Tokenizer> e : byName.entrySet()) {
            for (int i = 0; i < warmup; i++) {
                tokens.put(e.getKey(), encodeAll(e.getValue(), docs));
            }
        }
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (int rep = 0; rep < repeats; rep++) {
            for (Map.Entry<String, Tokenizer> e : byName.entrySet()) {
                long t0 = System.nanoTime();
                long n = encodeAll(e.getValue(), docs);
                seconds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);
                tokens.put(e.getKey(), n);
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "tokenize");
        r.put("data", file.toString());
        r.put("documents", docs.size());
        r.put("bytes", bytes);
        r.put("chars", chars);
        r.put("repeats", repeats);
        r.put("warmup", warmup);
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %d documents, %d bytes, %d chars; median of %d, one thread",
                file, docs.size(), bytes, chars, repeats));
        for (String name : byName.keySet()) {
            double median = BenchStats.median(seconds.get(name));
            long n = tokens.get(name);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tokenizer", name);
            row.put("vocab_size", byName.get(name).size());
            row.put("tokens", n);
            row.put("bytes_per_token", (double) bytes / n);
            row.put("seconds_median", median);
            row.put("seconds_min", BenchStats.min(seconds.get(name)));
            row.put("tokens_per_s", n / median);
            row.put("bytes_per_s", bytes / median);
            row.put("load_ms", loadMs.get(name));
            rows.add(row);
            r.put(name + "_tokens_per_s", n / median);
            r.put(name + "_bytes_per_s", bytes / median);
            text.append(String.format(Locale.ROOT, "%n%-18s %,11d tokens (%.2f bytes/token)  %.3f s  %,12.0f tokens/s  %6.2f MB/s"
                    + "  (load %.0f ms)", name, n, (double) bytes / n, median, n / median, bytes / median / 1e6, loadMs.get(name)));
        }
        r.put("tokenizers", rows);
        r.put("cores", Runtime.getRuntime().availableProcessors());
        r.put("java", System.getProperty("java.version"));
        if (json) {
            spec.commandLine().getOut().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(r));
        } else {
            spec.commandLine().getOut().println(text);
        }
        return 0;
    }

    private static long encodeAll(Tokenizer t, List<String> docs) {
        long n = 0;
        for (String d : docs) {
            n += t.encode(d).length;
        }
        return n;
    }

    /** {@code --data} itself when it is a file, else its {@code SPLIT.jsonl.gz} or {@code SPLIT.jsonl}. */
    private Path corpusFile() {
        if (Files.isRegularFile(data)) {
            return data;
        }
        List<Path> candidates = List.of(data.resolve(split + ".jsonl.gz"), data.resolve(split + ".jsonl"));
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new DataException("no corpus for bench tokenize: expected " + candidates.get(0) + " or " + candidates.get(1)
                + " (" + data.toAbsolutePath().normalize() + (Files.isDirectory(data) ? "" : " does not exist")
                + "); give a folder of JSON lines {\"text\": ...} such as webtext-standin (train, valid, test"
                + ".jsonl.gz) with --data DIR, or one .jsonl[.gz] file");
    }

    private List<String> documents(Path file) throws IOException {
        List<String> docs = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNumber = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode text;
                try {
                    text = mapper.readTree(line).get("text");
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new DataException("line " + lineNumber + " of " + file + " is not JSON: " + e.getOriginalMessage(), e);
                }
                if (text == null || !text.isTextual()) {
                    throw new DataException("line " + lineNumber + " of " + file + " has no \"text\" string field; "
                            + "every line must be an object like {\"text\": \"...\"}");
                }
                docs.add(text.asText());
            }
        }
        if (docs.isEmpty()) {
            throw new DataException(file + " holds no documents; bench tokenize needs JSON lines {\"text\": ...}");
        }
        return docs;
    }
}
