package org.mdlm.domains.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.api.domain.TokenizerProvider;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;
import org.mdlm.domains.text.cache.DocumentEncoder;
import org.mdlm.domains.text.cache.EntryIndex;
import org.mdlm.domains.text.cache.MappedTokenStream;
import org.mdlm.domains.text.cache.TokenCache;
import org.mdlm.domains.text.cache.TokenizeProgress;

/**
 * The {@code "text"} domain: a corpus read through a tokenizer ({@link TextConfig}).
 *
 * <p>Each document of a split is encoded with the tokenizer and the documents are joined
 * OpenWebText-style into one long stream that the trainer crops (wrapping): the tokenizer's
 * end-of-sequence id follows every document (GPT-2: {@code <|endoftext|>} 50256, which is also its
 * BOS, so one id marks each seam) unless the tokenizer's own encoding already ends with it (BERT's
 * {@code [SEP]}). A tokenizer without an end-of-sequence id joins documents with nothing between.
 * The vocabulary is the tokenizer itself (GPT-2: 50,258 ids, mask 50257).
 *
 * <p>With {@code packing = pad} each document is instead one row of {@code row_length} ids: the
 * tokenizer's encoding (BERT: {@code [CLS] ... [SEP]}) cut to the row (its last id kept as the
 * end-of-sequence id when it was one) and filled with the pad id.
 *
 * <p>Each split is tokenized once into the {@link TokenCache} (shards keyed by the corpus content
 * and the tokenizer, a progress line while it runs) and memory-mapped from there, by this run and
 * later ones ({@link MappedTokenStream}). Reading is strict: bytes must be UTF-8, JSON lines must hold
 * a {@code "text"} string. This class is thread-safe.
 */
public final class TextDomain implements Domain {

    /** Split file endings tried, in this order, in a corpus directory. */
    static final List<String> SPLIT_SUFFIXES = List.of(".jsonl.gz", ".jsonl", ".txt.gz", ".txt");
    /** A running text ({@code text8} format) is encoded in pieces of about this many characters. */
    static final int PIECE_CHARS = 1 << 20;

    private final TextConfig config;
    private final Tokenizer tokenizer;
    private final Map<Split, MappedTokenStream> cache = new EnumMap<>(Split.class);

    /**
     * Creates the domain and finds its tokenizer by name; nothing is read until {@link #read(Split)}.
     *
     * @throws org.mdlm.api.plugin.PluginException if no tokenizer has that name (the message lists them)
     */
    public TextDomain(TextConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        TokenizerProvider<?> p = PluginRegistry.loadDefault()
                .find(ExtensionPoint.TOKENIZER, config.tokenizer(), TokenizerProvider.class);
        this.tokenizer = p.createFromRecord(p.defaultConfig());
        if (config.padded() && tokenizer.padId().isEmpty()) {
            throw new IllegalArgumentException("packing pad fills rows with the tokenizer's pad id, but tokenizer "
                    + config.tokenizer() + " has none; use packing wrap, or a tokenizer with a pad "
                    + "(bert-base-uncased)");
        }
    }

    /** The config this domain was made from. */
    public TextConfig config() {
        return config;
    }

    /** {@inheritDoc} The tokenizer, mask included. */
    @Override
    public Tokenizer vocabulary() {
        return tokenizer;
    }

    /**
     * {@inheritDoc}
     *
     * @throws DataException when {@code data} is not set, the directory or a split file is missing
     *         (the message names the expected files and format), the bytes are not UTF-8, a JSON line
     *         is malformed (file and line named), or the split holds no tokens
     */
    @Override
    public synchronized TokenStream read(Split split) {
        Objects.requireNonNull(split, "split");
        MappedTokenStream s = cache.get(split);
        if (s == null) {
            s = load(split);
            cache.put(split, s);
        }
        return s;
    }

    /** {@inheritDoc} Through the tokenizer, without document markers. */
    @Override
    public int[] encode(String text) {
        return tokenizer.encode(text);
    }

    /** {@inheritDoc} Through the tokenizer. */
    @Override
    public String decode(int[] tokens) {
        return tokenizer.decode(tokens);
    }

    /** {@inheritDoc} Always false: a token is a subword. */
    @Override
    public boolean characterLevel() {
        return false;
    }

    /** {@inheritDoc} The configured directory, or {@code "(none)"} when data is not set. */
    @Override
    public String dataSource() {
        return config.data() == null ? "(none)" : config.data();
    }

    private String expected() {
        if (config.format().equals(TokenEntries.FORMAT)) {
            return "token-cache entries train/, valid/ and test/ (each shard files and an " + EntryIndex.FILE
                    + "), as mdlm tokenize --spark MASTER --input CORPUS --out DIR writes them";
        }
        if (config.format().equals("folder")) {
            return "sub-directories train/, valid/ and test/, each holding one document per file (.jsonl[.gz] files: "
                    + "one JSON object {\"text\": ...} per line)";
        }
        String what = switch (config.format()) {
            case "jsonl" -> "JSON lines, one object {\"text\": \"...\"} per line, one document each";
            case "text8" -> "plain UTF-8 text, each file one running text";
            case "lines" -> "plain UTF-8 text, one document per line";
            default -> "JSON lines {\"text\": \"...\"} for .jsonl[.gz], one running text for .txt[.gz]";
        };
        return "files train, valid and test, each ending in " + String.join(", ", SPLIT_SUFFIXES) + " (format "
                + config.format() + ": " + what + ")";
    }

    private MappedTokenStream load(Split split) {
        if (config.data() == null) {
            throw new DataException("the text domain has no data: pass --data DIR (or set domain.data) naming a "
                    + "directory that holds " + expected() + "; the " + config.tokenizer()
                    + " tokenizer encodes them");
        }
        Path dir = Path.of(config.data());
        if (!Files.isDirectory(dir)) {
            throw new DataException("text data directory '" + config.data() + "' (" + dir.toAbsolutePath() + ") "
                    + (Files.exists(dir) ? "is not a directory" : "does not exist") + "; pass --data DIR naming a "
                    + "directory that holds " + expected());
        }
        String stem = split.name().toLowerCase(Locale.ROOT);
        if (config.format().equals(TokenEntries.FORMAT)) {
            return TokenEntries.open(dir.resolve(stem), config, tokenizer);
        }
        List<Path> files = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        if (config.format().equals("folder")) {
            for (Path f : folderFiles(dir, dir.resolve(stem))) {
                files.add(f);
                formats.add(f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.jsonl(\\.gz)?")
                        ? "jsonl" : "whole");
            }
        } else {
            Path file = splitFile(dir, split);
            String format = config.format();
            if (format.equals("auto")) {
                format = file.getFileName().toString().contains(".jsonl") ? "jsonl"
                        : config.padded() ? "lines" : "text8";
            }
            files.add(file);
            formats.add(format);
        }
        String recipe = "tokenizer=" + config.tokenizer() + ",ids=" + tokenizer.size() + ",base=" + tokenizer.baseSize()
                + ",formats=" + formats + ",packing=" + config.packing();
        String describe = stem + " (" + (files.size() == 1 ? files.get(0).getFileName() : files.size() + " files")
                + ", " + config.tokenizer() + ")";
        Path root = config.cacheDir() == null ? TokenCache.defaultRoot() : Path.of(config.cacheDir());
        int row = config.padded() ? config.rowLength() : 0;
        MappedTokenStream stream;
        try {
            stream = new TokenCache(root, TokenCache.DEFAULT_SHARD_TOKENS, System.err).open(
                    new TokenCache.Entry(describe, files, recipe, EntryIndex.wideIds(tokenizer.size()), row,
                            config.tokenizer(), tokenizer.size()),
                    (sink, progress) -> {
                        DocumentEncoder docs = new DocumentEncoder(tokenizer, sink, row, progress::tick);
                        for (int i = 0; i < files.size(); i++) {
                            readFile(files.get(i), formats.get(i), docs, progress);
                        }
                    });
        } catch (DataException e) {
            throw e;
        } catch (IOException e) {
            throw new DataException("could not tokenize split " + stem + " of " + dir + " into the token cache "
                    + root + ": " + e.getMessage() + "; make the folder writable or set domain.cache_dir "
                    + "(or MDLM_CACHE) to a writable folder", e);
        }
        if (stream.length() == 0) {
            throw new DataException("split " + stem + " of " + dir + " holds no text; give a non-empty corpus ("
                    + expected() + ")");
        }
        return stream;
    }

    private static List<Path> folderFiles(Path dir, Path sub) {
        if (!Files.isDirectory(sub)) {
            throw new DataException("directory " + dir + " has no sub-directory " + sub.getFileName()
                    + "/; format folder expects train/, valid/ and test/ holding one document per file");
        }
        try (Stream<Path> s = Files.list(sub)) {
            List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
            if (files.isEmpty()) {
                throw new DataException("directory " + sub + " holds no files; format folder expects one document "
                        + "per file");
            }
            return files;
        } catch (IOException e) {
            throw new DataException("could not list " + sub + ": " + e, e);
        }
    }

    private Path splitFile(Path dir, Split split) {
        List<String> missing = new ArrayList<>();
        Path wanted = null;
        for (Split s : Split.values()) {
            String stem = s.name().toLowerCase(Locale.ROOT);
            Path found = null;
            for (String suffix : SPLIT_SUFFIXES) {
                Path candidate = dir.resolve(stem + suffix);
                if (Files.isRegularFile(candidate)) {
                    found = candidate;
                    break;
                }
            }
            if (found == null) {
                missing.add(stem);
            } else if (s == split) {
                wanted = found;
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException("directory " + dir + " lacks the split" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; the text domain expects " + expected()
                    + "; pass --data DIR naming such a directory");
        }
        return wanted;
    }

    private static void readFile(Path file, String format, DocumentEncoder docs, TokenizeProgress progress) {
        try (InputStream raw = progress.counting(Files.newInputStream(file))) {
            switch (format) {
                case "jsonl" -> CorpusReader.readJsonDocuments(raw, file.toString(), docs::document);
                case "lines" -> {
                    LineSink lines = new LineSink(nonBlankLines(docs));
                    StrictUtf8.decode(StrictUtf8.maybeGunzip(raw), lines);
                    lines.finish();
                }
                case "text8" -> {
                    RunningText t = new RunningText(docs);
                    StrictUtf8.decode(StrictUtf8.maybeGunzip(raw), t);
                    t.finish();
                }
                default -> { // one document per file
                    StringBuilder b = new StringBuilder();
                    StrictUtf8.decode(StrictUtf8.maybeGunzip(raw), b::append);
                    docs.document(b.toString());
                }
            }
        } catch (StrictUtf8.MalformedUtf8Exception e) {
            throw new DataException(file + " is not valid UTF-8 text (malformed byte sequence at byte offset "
                    + e.byteOffset + " of its uncompressed content); convert it to UTF-8", e);
        } catch (IOException e) {
            throw new DataException("could not read " + file + ": " + e
                    + "; check that the file is readable and, if gzipped, not truncated", e);
        }
    }

    /** Every non-blank line a document (a trailing carriage return dropped). */
    private static Consumer<String> nonBlankLines(DocumentEncoder docs) {
        return line -> {
            String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!s.isBlank()) {
                docs.document(s);
            }
        };
    }

    /** One running text, encoded in pieces cut just before whitespace (where GPT-2's pre-tokenizer cuts). */
    private static final class RunningText implements StrictUtf8.CharSink {
        private final DocumentEncoder docs;
        private final StringBuilder text = new StringBuilder();

        RunningText(DocumentEncoder docs) {
            this.docs = docs;
        }

        @Override
        public void accept(char[] buf, int off, int len) {
            text.append(buf, off, len);
            if (text.length() >= PIECE_CHARS) {
                int cut = text.length() - 1;
                while (cut > 0 && !(Character.isWhitespace(text.charAt(cut))
                        && !Character.isWhitespace(text.charAt(cut - 1)))) {
                    cut--;
                }
                if (cut > 0) {
                    docs.piece(text.substring(0, cut));
                    text.delete(0, cut);
                }
            }
        }

        void finish() {
            docs.piece(text.toString());
            text.setLength(0);
            docs.end();
        }
    }
}
