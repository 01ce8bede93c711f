package org.mdlm.domains.text.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.api.domain.TokenizerProvider;
import org.mdlm.api.plugin.ExtensionPoint;
import org.mdlm.api.plugin.PluginRegistry;

/**
 * The joining rule of the text domain: end-of-sequence ids at the seams (never doubled), empty
 * documents dropped, padded rows; and the property the Spark job relies on: documents encoded into
 * separate sinks and concatenated give the ids of one sink.
 */
class DocumentEncoderTest {

    private static final int EOT = 50256;

    /** A sink that keeps every id, as the shard writer would write them. */
    private static final class ListSink implements TokenSink {
        final List<Integer> ids = new ArrayList<>();

        @Override
        public void add(int id) {
            ids.add(id);
        }

        @Override
        public long size() {
            return ids.size();
        }

        @Override
        public int last() {
            return ids.isEmpty() ? -1 : ids.get(ids.size() - 1);
        }

        int[] array() {
            return ids.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static Tokenizer tokenizer(String name) {
        TokenizerProvider<?> p = PluginRegistry.loadDefault().find(ExtensionPoint.TOKENIZER, name, TokenizerProvider.class);
        return p.createFromRecord(p.defaultConfig());
    }

    private static int[] encode(Tokenizer t, int rowLength, List<String> docs) {
        ListSink sink = new ListSink();
        DocumentEncoder e = new DocumentEncoder(t, sink, rowLength);
        docs.forEach(e::document);
        return sink.array();
    }

    @Test
    void gpt2DocumentsEndWithOneEndOfTextAndEmptyOnesVanish() {
        // "Hello" 15496, " world" 995 (GPT-2's encoder.json); a literal <|endoftext|> in a document is
        // encoded as the special id, so the seam after it is not doubled
        int[] ids = encode(tokenizer("gpt2"), 0, List.of("Hello world", "", " world", "Hello<|endoftext|>"));
        assertArrayEquals(new int[] {15496, 995, EOT, 995, EOT, 15496, EOT}, ids);
    }

    @Test
    void bertSepIsNotDoubled() {
        Tokenizer bert = tokenizer("bert-base-uncased");
        int[] a = bert.encode("hello world");
        int[] b = bert.encode("again");
        assertTrue(a[a.length - 1] == 102 && b[b.length - 1] == 102, "BERT's encoding ends with [SEP] 102");
        int[] expected = new int[a.length + b.length];
        System.arraycopy(a, 0, expected, 0, a.length);
        System.arraycopy(b, 0, expected, a.length, b.length);
        assertArrayEquals(expected, encode(bert, 0, List.of("hello world", "again")));
    }

    @Test
    void paddedRowsAreCutKeepingSepOrFilledWithPad() {
        Tokenizer bert = tokenizer("bert-base-uncased");
        // [CLS] 101, hello 7592, world 2088, [SEP] 102, [PAD] 0 (bert-base-uncased vocab.txt)
        assertArrayEquals(new int[] {101, 7592, 2088, 102, 0, 0, 101, 7592, 102, 0, 0, 0},
                encode(bert, 6, List.of("hello world", "", "hello")));
        assertArrayEquals(new int[] {101, 7592, 102}, encode(bert, 3, List.of("hello world")));
        assertThrows(IllegalArgumentException.class, () -> new DocumentEncoder(tokenizer("gpt2"), new ListSink(), 8),
                "gpt2 has no pad id");
    }

    /** What the Spark job does: consecutive runs of documents into separate sinks, concatenated. */
    @Test
    void encodingInPartsAndConcatenatingEqualsOneStream() {
        SplittableRandom rng = new SplittableRandom(13);
        String[] words = {"Hello", " world", "", " ", "ünïcode", " 東京", "<|endoftext|>", "[SEP]", "a", "\n"};
        for (String name : List.of("gpt2", "bert-base-uncased", "char")) {
            Tokenizer t = tokenizer(name);
            List<String> docs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                StringBuilder b = new StringBuilder();
                for (int k = rng.nextInt(4); k > 0; k--) {
                    b.append(words[rng.nextInt(words.length)]);
                }
                docs.add(b.toString());
            }
            int[] whole = encode(t, 0, docs);
            List<Integer> parts = new ArrayList<>();
            for (int from = 0; from < docs.size(); ) {
                int to = Math.min(docs.size(), from + 1 + rng.nextInt(7));
                for (int id : encode(t, 0, docs.subList(from, to))) {
                    parts.add(id);
                }
                from = to;
            }
            assertArrayEquals(whole, parts.stream().mapToInt(Integer::intValue).toArray(), name);
        }
    }
}
