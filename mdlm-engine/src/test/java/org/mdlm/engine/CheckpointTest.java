package org.mdlm.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointTest {

    @TempDir
    Path dir;

    private static Map<String, INDArray> arrays(float offset) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("emb", Nd4j.arange(24).castTo(DataType.FLOAT).reshape(4, 6).divi(7).addi(offset));
        m.put("blocks.0/attn:q", Nd4j.createFromArray(1.5f + offset, -2.25f, 3e-7f));
        return m;
    }

    private Checkpoint sample(int step) {
        TrainConfig c = Fixtures.config(1000, 50, 100);
        return new Checkpoint(null, step, "tiny/subs/loglinear", 8, 7, 4096L * step, 0.1 + 1.0 / 3, c,
                arrays(0f), arrays(1f), arrays(2f), arrays(3f), Map.of());
    }

    private Path written(int step) {
        Path f = CheckpointFiles.fileFor(dir, step);
        return sample(step).saveTo(f);
    }

    @Test
    void roundTripIsExact() {
        Checkpoint loaded = Checkpoint.load(written(500));
        Checkpoint original = sample(500);
        assertEquals(500, loaded.step());
        assertEquals("tiny/subs/loglinear", loaded.description());
        assertEquals(8, loaded.vocabSize());
        assertEquals(7, loaded.maskId());
        assertEquals(4096L * 500, loaded.trainTokens());
        assertEquals(0.1 + 1.0 / 3, loaded.valNatsPerToken());
        assertEquals(original.config(), loaded.config());
        assertEquals(List.of("emb", "blocks.0/attn:q"), loaded.paramNames());
        for (String n : loaded.paramNames()) {
            assertArrayEquals(original.params().get(n).shape(), loaded.params().get(n).shape());
            assertArrayEquals(original.params().get(n).data().asFloat(), loaded.params().get(n).data().asFloat(), 0f);
            assertArrayEquals(original.emaParams().get(n).data().asFloat(), loaded.emaParams().get(n).data().asFloat(), 0f);
            assertArrayEquals(original.adamFirstMoments().get(n).data().asFloat(),
                    loaded.adamFirstMoments().get(n).data().asFloat(), 0f);
            assertArrayEquals(original.adamSecondMoments().get(n).data().asFloat(),
                    loaded.adamSecondMoments().get(n).data().asFloat(), 0f);
        }
    }

    @Test
    void truncatedFileIsRejectedWithAClearMessage() throws IOException {
        Path f = written(500);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.load(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains("older checkpoint"), e.getMessage());
    }

    @Test
    void flippedByteIsDetectedByTheCrc() throws IOException {
        Path f = written(500);
        byte[] all = Files.readAllBytes(f);
        byte[] needle = "params/00000.nd4j".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int at = indexOf(all, needle) + needle.length + 30;   // inside the first entry's data
        all[at] ^= 0x10;
        Files.write(f, all);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.load(f));
        assertTrue(e.getMessage().contains("CRC mismatch"), e.getMessage());
    }

    @Test
    void missingEntryIsReported() throws IOException {
        Path f = written(500);
        Path g = dir.resolve("stripped.zip");
        try (ZipFile in = new ZipFile(f.toFile()); OutputStream os = Files.newOutputStream(g);
             ZipOutputStream out = new ZipOutputStream(os)) {
            Enumeration<? extends ZipEntry> en = in.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (e.getName().equals("ema/00001.nd4j")) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream is = in.getInputStream(e)) {
                    is.transferTo(out);
                }
                out.closeEntry();
            }
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> Checkpoint.load(g));
        assertTrue(e.getMessage().contains("entry ema/00001.nd4j is missing"), e.getMessage());
    }

    @Test
    void missingOrForeignFilesAreRejected() throws IOException {
        Path none = dir.resolve("nope.zip");
        CheckpointException e1 = assertThrows(CheckpointException.class, () -> Checkpoint.load(none));
        assertTrue(e1.getMessage().contains("does not exist"), e1.getMessage());
        Path text = Files.writeString(dir.resolve("notes.zip"), "hello");
        assertThrows(CheckpointException.class, () -> Checkpoint.load(text));
    }

    @Test
    void pruneKeepsTheNewestCheckpoints() throws IOException {
        for (int s : new int[] {100, 1000, 200, 300}) {
            written(s);
        }
        Files.writeString(dir.resolve("config.json"), "{}");
        CheckpointFiles.prune(dir, 1, 300);   // a later file (1000) from another run is left alone
        assertEquals(List.of(CheckpointFiles.fileFor(dir, 300), CheckpointFiles.fileFor(dir, 1000)),
                CheckpointFiles.list(dir));
        written(100);
        CheckpointFiles.prune(dir, 0, 1000);
        assertEquals(3, CheckpointFiles.list(dir).size(), "keep 0 = keep all");
        CheckpointFiles.prune(dir, 2, 1000);
        assertEquals(List.of(CheckpointFiles.fileFor(dir, 300), CheckpointFiles.fileFor(dir, 1000)),
                CheckpointFiles.list(dir));
        assertTrue(Files.exists(dir.resolve("config.json")));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("entry name not found");
    }
}
