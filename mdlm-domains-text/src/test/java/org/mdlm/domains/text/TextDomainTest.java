package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.DomainProvider;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginException;
import org.mdlm.api.plugin.PluginRegistry;

/** The {@code text} domain: documents through GPT-2 joined with {@code <|endoftext|>}, and its errors. */
class TextDomainTest {

    private static final int EOT = 50256;

    @TempDir
    Path tmp;

    private static int[] all(TokenStream s) {
        int[] ids = new int[(int) s.length()];
        s.read(0, ids, 0, ids.length);
        return ids;
    }

    private Path corpus(String train) throws Exception {
        TestFiles.write(tmp.resolve("train.jsonl.gz"), train);
        TestFiles.write(tmp.resolve("valid.jsonl"), "{\"text\": \"Hello\"}\n");
        TestFiles.write(tmp.resolve("test.txt"), "Hello world\nHello");
        return tmp;
    }

    @Test
    void documentsAreGpt2IdsWithEndOfTextAtTheSeams() throws Exception {
        Path dir = corpus("{\"text\": \"Hello world\", \"id\": 1}\n\n{\"meta\": [1, {\"a\": \"}\"}], \"text\": \"Hello\"}\n"
                + "{\"text\": \" world\"}");
        Domain d = new TextDomain(new TextConfig(dir.toString(), null, null));
        // "Hello" 15496, " world" 995 (GPT-2's encoder.json)
        assertArrayEquals(new int[] {15496, 995, EOT, 15496, EOT, 995, EOT}, all(d.read(Split.TRAIN)));
        assertArrayEquals(new int[] {15496, EOT}, all(d.read(Split.VALID)));
        // auto on .txt: one running text, one end-of-text after it
        assertArrayEquals(new int[] {15496, 995, 198, 15496, EOT}, all(d.read(Split.TEST)));
        assertEquals(50258, d.vocabulary().size());
        assertEquals(50257, d.vocabulary().maskId());
        assertFalse(d.characterLevel());
        assertArrayEquals(new int[] {15496, 995}, d.encode("Hello world"));
        assertEquals("Hello world<|endoftext|>", d.decode(new int[] {15496, 995, EOT}));
        assertEquals(dir.toString(), d.dataSource());
        assertTrue(d.read(Split.TRAIN) == d.read(Split.TRAIN), "a split is read once");
    }

    @Test
    void linesFormatMakesEveryLineADocument() throws Exception {
        Path dir = corpus("{}");
        Domain d = new TextDomain(new TextConfig(dir.toString(), "gpt2", "lines"));
        assertArrayEquals(new int[] {15496, 995, EOT, 15496, EOT}, all(d.read(Split.TEST)));
    }

    @Test
    void aLongRunningTextIsCutBeforeWhitespaceAndEncodesAsAWhole() throws Exception {
        String text = "Hello world, " + TestFiles.words("w", 200_000);
        TestFiles.write(tmp.resolve("train.txt"), text);
        TestFiles.write(tmp.resolve("valid.txt"), "a");
        TestFiles.write(tmp.resolve("test.txt"), "a");
        assertTrue(text.length() > TextDomain.PIECE_CHARS, "the text is longer than one piece");
        TextDomain d = new TextDomain(new TextConfig(tmp.toString(), "gpt2", "text8"));
        int[] ids = all(d.read(Split.TRAIN));
        int[] whole = d.encode(text);
        assertArrayEquals(whole, Arrays.copyOf(ids, ids.length - 1));
        assertEquals(EOT, ids[ids.length - 1]);
    }

    @Test
    void folderFormatReadsOneDocumentPerFile() throws Exception {
        for (String s : new String[] {"train", "valid", "test"}) {
            Files.createDirectories(tmp.resolve(s));
            TestFiles.write(tmp.resolve(s).resolve("b.txt"), " world");
            TestFiles.write(tmp.resolve(s).resolve("a.txt"), "Hello");
        }
        Domain d = new TextDomain(new TextConfig(tmp.toString(), "gpt2", "folder"));
        assertArrayEquals(new int[] {15496, EOT, 995, EOT}, all(d.read(Split.VALID)));
    }

    @Test
    void missingFilesNameWhatIsExpected() throws Exception {
        TestFiles.write(tmp.resolve("train.jsonl"), "{\"text\": \"Hello\"}\n");
        Domain d = new TextDomain(new TextConfig(tmp.toString(), "gpt2", "auto"));
        DataException e = assertThrows(DataException.class, () -> d.read(Split.TRAIN));
        assertTrue(e.getMessage().contains("lacks the splits valid, test")
                && e.getMessage().contains(".jsonl.gz") && e.getMessage().contains("--data DIR"), e.getMessage());

        DataException none = assertThrows(DataException.class,
                () -> new TextDomain(TextConfig.defaults()).read(Split.TRAIN));
        assertTrue(none.getMessage().contains("--data DIR") && none.getMessage().contains("train, valid and test")
                && none.getMessage().contains("{\"text\""), none.getMessage());

        DataException gone = assertThrows(DataException.class,
                () -> new TextDomain(new TextConfig(tmp.resolve("nope").toString(), null, null)).read(Split.TEST));
        assertTrue(gone.getMessage().contains("does not exist"), gone.getMessage());
    }

    @Test
    void aMalformedJsonLineNamesFileAndLine() throws Exception {
        Path dir = corpus("{\"text\": \"Hello\"}\n{\"text\": \"oops}\n");
        Domain d = new TextDomain(new TextConfig(dir.toString(), null, null));
        DataException e = assertThrows(DataException.class, () -> d.read(Split.TRAIN));
        assertTrue(e.getMessage().contains("line 2 of ") && e.getMessage().contains("train.jsonl.gz"), e.getMessage());

        TestFiles.write(tmp.resolve("train.jsonl.gz"), "{\"text\": \"Hello\"}\n{\"body\": \"x\"}\n");
        DataException noField = assertThrows(DataException.class,
                () -> new TextDomain(new TextConfig(dir.toString(), null, null)).read(Split.TRAIN));
        assertTrue(noField.getMessage().contains("line 2 of ") && noField.getMessage().contains("\"text\""),
                noField.getMessage());
    }

    @Test
    void badConfigsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TextConfig("x", "gpt2", "csv"));
        PluginException e = assertThrows(PluginException.class, () -> new TextDomain(new TextConfig("x", "gpt-2", null)));
        assertTrue(e.getMessage().contains("gpt2"), e.getMessage());
        assertEquals("auto", new TextConfig("", null, null).format());
    }

    @Test
    void otherTokenizersWork() throws Exception {
        Path dir = corpus("{\"text\": \"Hello world\"}\n{\"text\": \"Hello\"}");
        Domain bert = new TextDomain(new TextConfig(dir.toString(), "bert-base-uncased", null));
        // [CLS] hello world [SEP] [CLS] hello [SEP]: BERT's own markers, no extra one
        assertArrayEquals(new int[] {101, 7592, 2088, 102, 101, 7592, 102}, all(bert.read(Split.TRAIN)));
        assertEquals(30522, bert.vocabulary().size());
    }

    @Test
    void theRegistryFindsTheTextDomain() {
        DomainProvider<?> p = PluginRegistry.loadDefault().find(ExtensionPoint.DOMAIN, "text", DomainProvider.class);
        assertInstanceOf(TextProvider.class, p);
        assertEquals(TextConfig.class, p.configType());
        assertInstanceOf(TextDomain.class, p.createFromRecord(p.defaultConfig()));
    }

    @Test
    void paddedPackingMakesOneBertRowPerSentence() throws Exception {
        TestFiles.write(tmp.resolve("train.txt"), "Hello world, this is a test.\n\nHello world\n");
        TestFiles.write(tmp.resolve("valid.txt"), "Hello world, this is a test.\n");
        TestFiles.write(tmp.resolve("test.txt"), "Hello\n");
        Domain d = new TextDomain(new TextConfig(tmp.toString(), "bert-base-uncased", null, "pad", 12, null));
        TokenStream train = d.read(Split.TRAIN);
        assertArrayEquals(new int[] {101, 7592, 2088, 1010, 2023, 2003, 1037, 3231, 1012, 102, 0, 0,
                101, 7592, 2088, 102, 0, 0, 0, 0, 0, 0, 0, 0}, all(train), "blank lines are no sentence");
        assertEquals(12, train.windowOffset(17, 12));
        Domain cut = new TextDomain(new TextConfig(tmp.toString(), "bert-base-uncased", "lines", "pad", 6, null));
        assertArrayEquals(new int[] {101, 7592, 2088, 1010, 2023, 102}, all(cut.read(Split.VALID)),
                "a long sentence is cut and keeps its [SEP]");
    }

    @Test
    void paddedPackingNeedsAPadIdAndDocuments() {
        IllegalArgumentException gpt2 = assertThrows(IllegalArgumentException.class,
                () -> new TextDomain(new TextConfig(tmp.toString(), "gpt2", "lines", "pad", 16, null)));
        assertTrue(gpt2.getMessage().contains("tokenizer gpt2 has none"), gpt2.getMessage());
        IllegalArgumentException text8 = assertThrows(IllegalArgumentException.class,
                () -> new TextConfig(tmp.toString(), "bert-base-uncased", "text8", "pad", 16, null));
        assertTrue(text8.getMessage().contains("running text"), text8.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TextConfig(null, null, null, "pad", 0, null));
        assertThrows(IllegalArgumentException.class, () -> new TextConfig(null, null, null, "wrap", 128, null));
    }
}
