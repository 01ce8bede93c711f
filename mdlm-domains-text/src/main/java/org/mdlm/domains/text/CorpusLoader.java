package org.mdlm.domains.text;

import org.mdlm.api.domain.ByteTokenStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Split;

/**
 * Finds, reads, normalises, splits and caches the three splits of a text corpus: the embedded
 * corpus, a text8-layout directory, or one file split by position (package-private helper).
 */
final class CorpusLoader {

    /** File name endings tried, in this order, for each split in a directory. */
    static final List<String> SPLIT_SUFFIXES = List.of(".txt", ".txt.gz", ".jsonl", ".jsonl.gz");
    /** Resource folder (relative to this package) of the embedded corpus. */
    static final String EMBEDDED_FOLDER = "corpus/";

    private final String data;
    private final Map<Split, ByteTokenStream> cache = new EnumMap<>(Split.class);

    /** @param data a path, or null/empty for the embedded corpus */
    CorpusLoader(String data) {
        this.data = data == null || data.isEmpty() ? null : data;
    }

    /** Reads (once) and returns one split. */
    synchronized ByteTokenStream split(Split split) {
        ByteTokenStream s = cache.get(split);
        if (s == null) {
            load(split);
            s = cache.get(split);
        }
        return s;
    }

    static String fileStem(Split split) {
        return split.name().toLowerCase(Locale.ROOT);
    }

    private void load(Split split) {
        if (data == null) {
            cache.put(split, checked(readResource(split), split, "the embedded corpus", ""));
            return;
        }
        Path path = Path.of(data);
        if (!Files.exists(path)) {
            throw new DataException("text data path '" + data + "' (" + path.toAbsolutePath()
                    + ") does not exist; set data to a directory holding train.txt[.gz], valid.txt[.gz] and "
                    + "test.txt[.gz], or to one text file (.txt, .txt.gz, .jsonl, .jsonl.gz, or the text8 corpus "
                    + "itself: mattmahoney.net/dc/text8.zip, unzipped, split 90%/5%/5%), or leave it empty for the "
                    + "embedded corpus");
        }
        if (Files.isDirectory(path)) {
            Path file = splitFile(path, split);
            cache.put(split, checked(new ByteTokenStream(readFile(file)), split, file.toString(), ""));
        } else {
            loadSingleFile(path);
        }
    }

    private void loadSingleFile(Path path) {
        byte[] all = readFile(path);
        if (all.length == 0) {
            throw new DataException(path + " contains no text after normalisation to a-z and space; "
                    + "give a non-empty UTF-8 text or JSON-lines file");
        }
        int trainEnd = (int) (all.length * 90L / 100);
        int validEnd = (int) (all.length * 95L / 100);
        String hint = "; a single file is split by position 90%/5%/5%, so it needs at least "
                + (Text8Domain.MIN_SPLIT_LENGTH * 20) + " characters after normalisation";
        cache.put(Split.TRAIN, checked(new ByteTokenStream(all, 0, trainEnd), Split.TRAIN, path.toString(), hint));
        cache.put(Split.VALID, checked(new ByteTokenStream(all, trainEnd, validEnd - trainEnd), Split.VALID,
                path.toString(), hint));
        cache.put(Split.TEST, checked(new ByteTokenStream(all, validEnd, all.length - validEnd), Split.TEST,
                path.toString(), hint));
    }

    /** The file of {@code split} in a text8-layout directory, after checking all three exist. */
    private static Path splitFile(Path dir, Split split) {
        List<String> missing = new ArrayList<>();
        Path wanted = null;
        for (Split s : Split.values()) {
            Path found = null;
            for (String suffix : SPLIT_SUFFIXES) {
                Path candidate = dir.resolve(fileStem(s) + suffix);
                if (Files.isRegularFile(candidate)) {
                    found = candidate;
                    break;
                }
            }
            if (found == null) {
                List<String> names = new ArrayList<>();
                for (String suffix : SPLIT_SUFFIXES) {
                    names.add(fileStem(s) + suffix);
                }
                missing.add(fileStem(s) + " (" + String.join(", ", names) + ")");
            } else if (s == split) {
                wanted = found;
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException("directory " + dir + " does not hold all three splits train, valid and test; "
                    + "no file found for " + String.join("; ", missing) + ". Add the missing files (text8 format "
                    + "or JSON lines), or set data to a single text file to split it 90%/5%/5%");
        }
        return wanted;
    }

    private static byte[] readFile(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new DataException("could not read " + file + ": " + e, e);
        }
        TextNormalizer out = new TextNormalizer(expectedLength(size, file.getFileName().toString()));
        try (InputStream in = Files.newInputStream(file)) {
            CorpusReader.read(in, CorpusReader.formatOf(file.getFileName().toString()), file.toString(), out);
        } catch (StrictUtf8.MalformedUtf8Exception e) {
            throw notUtf8(file.toString(), e);
        } catch (IOException e) {
            throw new DataException("could not read " + file + ": " + e
                    + "; check that the file is readable and, if gzipped, not truncated", e);
        }
        return out.toIds();
    }

    private static ByteTokenStream readResource(Split split) {
        String name = EMBEDDED_FOLDER + fileStem(split) + ".txt.gz";
        TextNormalizer out = new TextNormalizer(1 << 21);
        try (InputStream in = CorpusLoader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new DataException("the embedded corpus resource " + name + " is missing from the "
                        + "mdlm-domains-text jar; rebuild it, or set data to a corpus path");
            }
            CorpusReader.read(in, CorpusReader.Format.TEXT, name, out);
        } catch (StrictUtf8.MalformedUtf8Exception e) {
            throw notUtf8("embedded resource " + name, e);
        } catch (IOException e) {
            throw new DataException("could not read the embedded corpus resource " + name + ": " + e, e);
        }
        return new ByteTokenStream(out.toIds());
    }

    private static int expectedLength(long fileSize, String name) {
        long guess = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? fileSize * 4 : fileSize;
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(1 << 12, guess));
    }

    private static DataException notUtf8(String where, StrictUtf8.MalformedUtf8Exception e) {
        return new DataException(where + " is not valid UTF-8 text (malformed byte sequence at byte offset "
                + e.byteOffset + " of its uncompressed content); convert it to UTF-8, e.g. with "
                + "'iconv -f latin1 -t utf-8 in.txt > out.txt'", e);
    }

    private static ByteTokenStream checked(ByteTokenStream s, Split split, String where, String hint) {
        if (s.length() == 0) {
            throw new DataException("split " + fileStem(split) + " (" + where + ") contains no text after "
                    + "normalisation to a-z and space; give a non-empty corpus" + hint);
        }
        if (s.length() < Text8Domain.MIN_SPLIT_LENGTH) {
            throw new DataException("split " + fileStem(split) + " (" + where + ") has only " + s.length()
                    + " tokens after normalisation; at least " + Text8Domain.MIN_SPLIT_LENGTH
                    + " are needed" + hint);
        }
        return s;
    }
}
