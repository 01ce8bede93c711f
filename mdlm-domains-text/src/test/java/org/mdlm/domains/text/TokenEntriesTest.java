package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.domains.text.cache.EntryIndex;

/**
 * {@code format: tokens}: entry folders (here the local cache's own, copied out) are read as they are,
 * giving the ids of the text they were made from; another tokenizer or packing, a missing or
 * damaged entry are refused with the setting that fixes it.
 */
class TokenEntriesTest {

    @TempDir
    Path tmp;

    private static int[] all(TokenStream s) {
        int[] ids = new int[(int) s.length()];
        s.read(0, ids, 0, ids.length);
        return ids;
    }

    /** A JSON-lines corpus tokenized by the text domain into its cache, the entries copied to {@code tmp/tokens/SPLIT}. */
    private TextDomain corpusAndEntries(String tokenizer, String packing, int row) throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        TestFiles.write(corpus.resolve("train.jsonl"), "{\"text\": \"Hello world\"}\n{\"text\": \"Ünïcode 東京 text\"}\n");
        TestFiles.write(corpus.resolve("valid.jsonl.gz"), "{\"text\": \"valid\"}\n");
        TestFiles.write(corpus.resolve("test.jsonl"), "{\"text\": \"test\"}\n");
        Path cache = tmp.resolve("cache");
        TextDomain local = new TextDomain(new TextConfig(corpus.toString(), tokenizer, "jsonl", packing, row,
                cache.toString()));
        for (Split s : Split.values()) {
            local.read(s);
        }
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path e : entries.filter(Files::isDirectory).toList()) {
                String split = EntryIndex.read(e).describe().split(" ")[0];
                copy(e, Files.createDirectories(tmp.resolve("tokens").resolve(split)));
            }
        }
        return local;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private TextDomain tokens(String tokenizer, String packing, int row) {
        return new TextDomain(new TextConfig(tmp.resolve("tokens").toString(), tokenizer, "tokens", packing, row, null));
    }

    @Test
    void entriesAreReadAsTheIdsOfTheirText() throws Exception {
        TextDomain local = corpusAndEntries("gpt2", "wrap", 0);
        TextDomain mapped = tokens("gpt2", "wrap", 0);
        for (Split s : Split.values()) {
            assertArrayEquals(all(local.read(s)), all(mapped.read(s)), s.name());
        }
        assertEquals(local.encode("Hello world").length + 1 + local.encode("Ünïcode 東京 text").length + 1,
                mapped.read(Split.TRAIN).length(), "two documents, each followed by <|endoftext|>");
    }

    @Test
    void paddedEntriesKeepTheirRows() throws Exception {
        TextDomain local = corpusAndEntries("bert-base-uncased", "pad", 8);
        TextDomain mapped = tokens("bert-base-uncased", "pad", 8);
        assertArrayEquals(all(local.read(Split.TRAIN)), all(mapped.read(Split.TRAIN)));
        assertEquals(16, mapped.read(Split.TRAIN).length(), "two rows of 8");
        DataException wrap = assertThrows(DataException.class, () -> tokens("bert-base-uncased", "wrap", 0)
                .read(Split.TRAIN));
        assertTrue(wrap.getMessage().contains("set domain.packing=pad and domain.row_length=8"), wrap.getMessage());
        DataException other = assertThrows(DataException.class, () -> tokens("bert-base-uncased", "pad", 16)
                .read(Split.TRAIN));
        assertTrue(other.getMessage().contains("padded rows of 8 ids, but the config asks for padded rows of 16"),
                other.getMessage());
    }

    @Test
    void anotherTokenizerIsRefused() throws Exception {
        corpusAndEntries("gpt2", "wrap", 0);
        DataException e = assertThrows(DataException.class, () -> tokens("bert-base-uncased", "wrap", 0).read(Split.TRAIN));
        assertTrue(e.getMessage().contains("holds ids of tokenizer gpt2 (50258 ids), but domain.tokenizer is "
                + "bert-base-uncased (30522 ids); set domain.tokenizer=gpt2"), e.getMessage());
    }

    @Test
    void missingOrDamagedEntriesAreRefused() throws Exception {
        corpusAndEntries("gpt2", "wrap", 0);
        Files.delete(tmp.resolve("tokens/test").resolve(EntryIndex.FILE));
        DataException missing = assertThrows(DataException.class, () -> tokens("gpt2", "wrap", 0).read(Split.TEST));
        assertTrue(missing.getMessage().contains("holds no index.properties (an unfinished or foreign folder)")
                && missing.getMessage().contains("mdlm tokenize --spark MASTER --tokenizer gpt2"), missing.getMessage());
        Path shard = tmp.resolve("tokens/train/tokens-00000.u16");
        try (FileChannel ch = FileChannel.open(shard, StandardOpenOption.WRITE)) {
            ch.truncate(3);
        }
        DataException damaged = assertThrows(DataException.class, () -> tokens("gpt2", "wrap", 0).read(Split.TRAIN));
        assertTrue(damaged.getMessage().contains("is damaged") && damaged.getMessage().contains("has 3 bytes"),
                damaged.getMessage());
        List<String> noTokenizer = Files.readAllLines(tmp.resolve("tokens/valid").resolve(EntryIndex.FILE)).stream()
                .filter(l -> !l.startsWith("tokenizer=")).toList();
        Files.write(tmp.resolve("tokens/valid").resolve(EntryIndex.FILE), noTokenizer);
        DataException old = assertThrows(DataException.class, () -> tokens("gpt2", "wrap", 0).read(Split.VALID));
        assertTrue(old.getMessage().contains("does not record its tokenizer"), old.getMessage());
    }
}
