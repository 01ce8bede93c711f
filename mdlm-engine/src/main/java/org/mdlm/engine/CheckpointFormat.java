package org.mdlm.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The zip layout of a {@link Checkpoint}: reading with CRC checks and atomic writing. */
final class CheckpointFormat {

    static final String FORMAT = "mdlm-checkpoint";
    static final int VERSION = 1;
    static final String META = "checkpoint.properties";
    static final String ATTACHED = "attached/";
    private static final String[] GROUPS = {"params", "ema", "adam_m", "adam_v"};

    private CheckpointFormat() {
    }

    static Properties metadata(Checkpoint c) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("version", Integer.toString(VERSION));
        p.setProperty("step", Integer.toString(c.step()));
        p.setProperty("description", c.description());
        p.setProperty("vocabSize", Integer.toString(c.vocabSize()));
        p.setProperty("maskId", Integer.toString(c.maskId()));
        p.setProperty("trainTokens", Long.toString(c.trainTokens()));
        p.setProperty("valNatsPerToken", Double.toString(c.valNatsPerToken()));
        TrainConfigProperties.write(c.config(), p);
        int i = 0;
        for (Map.Entry<String, INDArray> e : c.params().entrySet()) {
            p.setProperty("param." + i + ".name", e.getKey());
            p.setProperty("param." + i + ".shape", Arrays.toString(e.getValue().shape()));
            i++;
        }
        p.setProperty("param.count", Integer.toString(i));
        int a = 0;
        for (String name : c.attachments().keySet()) {
            p.setProperty("attachment." + a + ".name", name);
            a++;
        }
        p.setProperty("attachment.count", Integer.toString(a));
        return p;
    }

    /** Writes {@code c} to a temporary file next to {@code target}, syncs it, then renames it atomically. */
    static void writeAtomically(Path target, Checkpoint c) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (FileOutputStream fos = new FileOutputStream(tmp.toFile());
                 ZipOutputStream zip = new ZipOutputStream(new java.io.BufferedOutputStream(fos, 1 << 16))) {
                StringWriter sw = new StringWriter();
                metadata(c).store(sw, "mdlm training checkpoint");
                putStored(zip, META, sw.toString().getBytes(StandardCharsets.UTF_8));
                int i = 0;
                for (String name : c.params().keySet()) {
                    putStored(zip, entry("params", i), bytes(c.params().get(name)));
                    putStored(zip, entry("ema", i), bytes(c.emaParams().get(name)));
                    putStored(zip, entry("adam_m", i), bytes(c.adamFirstMoments().get(name)));
                    putStored(zip, entry("adam_v", i), bytes(c.adamSecondMoments().get(name)));
                    i++;
                }
                for (Map.Entry<String, String> e : c.attachments().entrySet()) {
                    putStored(zip, ATTACHED + e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
                }
                zip.finish();
                zip.flush();
                fos.getFD().sync();
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new CheckpointException("could not write checkpoint " + target + ": " + e
                    + "; check free disk space and write permission of " + dir, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover .tmp file is harmless
                }
            }
        }
    }

    static Checkpoint read(Path file, ZipFile zip) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(entryBytes(file, zip, META), StandardCharsets.UTF_8)));
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new CheckpointException("file " + file + " is not an mdlm checkpoint (format '" + p.getProperty("format")
                    + "'); pass a ckpt-NNNNNN.zip written by 'mdlm train'");
        }
        int version = intProp(file, p, "version");
        if (version != VERSION) {
            throw new CheckpointException("checkpoint " + file + " has format version " + version + " but this mdlm reads "
                    + "version " + VERSION + "; use the mdlm release that wrote it");
        }
        int count = intProp(file, p, "param.count");
        Map<String, Map<String, INDArray>> groups = new LinkedHashMap<>();
        for (String g : GROUPS) {
            groups.put(g, new LinkedHashMap<>());
        }
        for (int i = 0; i < count; i++) {
            String name = prop(file, p, "param." + i + ".name");
            String shape = prop(file, p, "param." + i + ".shape");
            for (String g : GROUPS) {
                INDArray a = Nd4j.read(new ByteArrayInputStream(entryBytes(file, zip, entry(g, i))));
                if (!Arrays.toString(a.shape()).equals(shape)) {
                    throw Checkpoint.corrupt(file, "entry " + entry(g, i) + " of '" + name + "' has shape "
                            + Arrays.toString(a.shape()) + ", metadata says " + shape, null);
                }
                groups.get(g).put(name, a);
            }
        }
        TrainConfig config;
        try {
            config = TrainConfigProperties.read(p);
        } catch (IllegalArgumentException e) {
            throw Checkpoint.corrupt(file, "bad training config: " + e.getMessage(), e);
        }
        Map<String, String> attachments = new LinkedHashMap<>();
        int attached = p.getProperty("attachment.count") == null ? 0 : intProp(file, p, "attachment.count");
        for (int i = 0; i < attached; i++) {
            String name = prop(file, p, "attachment." + i + ".name");
            attachments.put(name, new String(entryBytes(file, zip, ATTACHED + name), StandardCharsets.UTF_8));
        }
        return new Checkpoint(file, intProp(file, p, "step"), prop(file, p, "description"),
                intProp(file, p, "vocabSize"), intProp(file, p, "maskId"), Long.parseLong(prop(file, p, "trainTokens")),
                Double.parseDouble(prop(file, p, "valNatsPerToken")), config, groups.get("params"),
                groups.get("ema"), groups.get("adam_m"), groups.get("adam_v"), attachments);
    }

    private static String entry(String group, int index) {
        return group + "/" + String.format("%05d", index) + ".nd4j";
    }

    private static byte[] entryBytes(Path file, ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw Checkpoint.corrupt(file, "entry " + name + " is missing", null);
        }
        byte[] data;
        try (InputStream in = zip.getInputStream(e)) {
            data = in.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
            throw Checkpoint.corrupt(file, "CRC mismatch in entry " + name, null);
        }
        if (e.getSize() != -1 && data.length != e.getSize()) {
            throw Checkpoint.corrupt(file, "entry " + name + " has " + data.length + " bytes, expected " + e.getSize(),
                    null);
        }
        return data;
    }

    private static void putStored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] bytes(INDArray a) throws IOException {
        if (a == null) {
            throw new IllegalStateException("checkpoint is missing an array");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, a.length() * 4 + 256));
        Nd4j.write(out, a.isView() ? a.dup() : a);   // optimizer state is views of flat buffers
        return out.toByteArray();
    }

    private static String prop(Path file, Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw Checkpoint.corrupt(file, "metadata key '" + key + "' is missing", null);
        }
        return v;
    }

    private static int intProp(Path file, Properties p, String key) {
        try {
            return Integer.parseInt(prop(file, p, key));
        } catch (NumberFormatException e) {
            throw Checkpoint.corrupt(file, "metadata key '" + key + "' is not a number", e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can sync a directory; the rename itself is still atomic
        }
    }
}
