package org.mdlm.domains.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mdlm.api.domain.Split;
import org.mdlm.api.domain.TokenStream;

class Text8DomainReadTest {

    @TempDir
    Path dir;

    @Test
    void readsATextEightDirectoryWithPlainAndGzippedSplits() throws Exception {
        String train = TestFiles.words("t", 400);
        String valid = TestFiles.words("v", 100);
        String test = TestFiles.words("x", 100);
        TestFiles.write(dir.resolve("train.txt.gz"), train);
        TestFiles.write(dir.resolve("valid.txt"), valid);
        TestFiles.write(dir.resolve("test.txt.gz"), test);
        Text8Domain d = new Text8Domain(new Text8Config(dir.toString()));
        assertEquals(train, TestFiles.text(d.read(Split.TRAIN)));
        assertEquals(valid, TestFiles.text(d.read(Split.VALID)));
        assertEquals(test, TestFiles.text(d.read(Split.TEST)));
        assertSame(d.read(Split.TRAIN), d.read(Split.TRAIN), "a split is read once and cached");
        assertEquals(dir.toString(), d.dataSource());
    }

    @Test
    void normalisesATextEightFileWithCharactersOutsideTheAlphabet() throws Exception {
        String words = TestFiles.words("w", 300);
        TestFiles.write(dir.resolve("train.txt"), "  " + words.toUpperCase().replace(" ", ",  ") + "\n");
        TestFiles.write(dir.resolve("valid.txt"), words + " Café 42");
        TestFiles.write(dir.resolve("test.txt"), words);
        Text8Domain d = new Text8Domain(new Text8Config(dir.toString()));
        assertEquals(words, TestFiles.text(d.read(Split.TRAIN)));
        assertEquals(words + " cafe four two", TestFiles.text(d.read(Split.VALID)));
    }

    @Test
    void splitsASingleTextFileByPosition() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            b.append("abcd ");
        }
        String text = b.toString().trim();
        assertEquals(9999, text.length());
        Path file = TestFiles.write(dir.resolve("book.txt"), text);
        Text8Domain d = new Text8Domain(new Text8Config(file.toString()));
        TokenStream train = d.read(Split.TRAIN);
        TokenStream valid = d.read(Split.VALID);
        TokenStream test = d.read(Split.TEST);
        assertEquals(8999, train.length());
        assertEquals(500, valid.length());
        assertEquals(500, test.length());
        assertEquals(text, TestFiles.text(train) + TestFiles.text(valid) + TestFiles.text(test));
        assertEquals(text.substring(8999, 9499), TestFiles.text(valid));
    }

    @Test
    void readsJsonLinesDocumentsWithEscapesAndExtraFields() throws Exception {
        String filler = TestFiles.words("f", 1500);
        String jsonl = "{\"id\": 1, \"meta\": {\"a\": [1, \"}\"]}, \"text\": \"Caf\\u00e9\\n\\\"Bar\\\"\"}\n"
                + "\n"
                + "{\"text\": \"" + filler + "\", \"source\": \"x\", \"ok\": true, \"n\": null}\n";
        Path file = TestFiles.write(dir.resolve("docs.jsonl.gz"), jsonl);
        Text8Domain d = new Text8Domain(new Text8Config(file.toString()));
        String all = TestFiles.text(d.read(Split.TRAIN)) + TestFiles.text(d.read(Split.VALID))
                + TestFiles.text(d.read(Split.TEST));
        assertEquals("cafe bar " + filler, all);
    }

    @Test
    void readsAJsonLinesDirectory() throws Exception {
        for (String s : new String[] {"train", "valid", "test"}) {
            TestFiles.write(dir.resolve(s + ".jsonl"), "{\"text\": \"" + TestFiles.words(s, 100) + "\"}\n"
                    + "{\"text\": \"Two!\"}");
        }
        Text8Domain d = new Text8Domain(new Text8Config(dir.toString()));
        assertEquals(TestFiles.words("valid", 100) + " two", TestFiles.text(d.read(Split.VALID)));
    }

    @Test
    void tokenStreamReadsWindowsAndChecksBounds() throws Exception {
        Path file = TestFiles.write(dir.resolve("a.txt"), "abc ".repeat(2000));
        TokenStream s = new Text8Domain(new Text8Config(file.toString())).read(Split.TRAIN);
        int[] dst = {-1, -1, -1, -1, -1, -1};
        s.read(2, dst, 1, 5);
        assertArrayEquals(new int[] {-1, 2, 26, 0, 1, 2}, dst, "5 ids from offset 2 land at dst[1..5]; dst[0] untouched");
        long n = s.length();
        assertEquals(7999 * 9 / 10, n, "\"abc \" x 2000 trimmed is 7999 characters, 90% of them in train");
        s.read(n - 2, dst, 0, 2);
        assertArrayEquals(new int[] {1, 2, 26, 0, 1, 2}, dst, "a window may end exactly at the end (\"...abc\")");
        int[] before = dst.clone();
        assertThrows(IndexOutOfBoundsException.class, () -> s.read(n - 2, dst, 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> s.read(-1, dst, 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> s.read(0, dst, 4, 3));
        assertArrayEquals(before, dst, "a refused read writes nothing");
    }
}
