package org.mdlm.domains.text.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * SHA-256 of a file's bytes, remembered in {@code content-hashes.properties} of the cache folder
 * under (absolute path, size, modification time), so an unchanged corpus is not read twice to find
 * its cache entry. A change of size or time hashes the file again. As git does for its index, a
 * file modified in the last {@link #RACY_MILLIS} ms is hashed but not remembered: a rewrite within
 * the file system's time resolution could otherwise keep its size and time and be served stale.
 */
final class ContentHash {

    private static final String FILE = "content-hashes.properties";
    /** Files younger than this are never remembered. */
    static final long RACY_MILLIS = 3000;

    private ContentHash() {
    }

    /** The SHA-256 of {@code file} (hex). */
    static synchronized String of(Path file, Path cacheRoot) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        long modified = Files.getLastModifiedTime(abs).toMillis();
        String id = abs + "|" + Files.size(abs) + "|" + modified;
        Path index = cacheRoot.resolve(FILE);
        Properties known = new Properties();
        if (Files.isRegularFile(index)) {
            try (InputStream in = Files.newInputStream(index)) {
                known.load(in);
            } catch (IllegalArgumentException e) {
                known.clear(); // a damaged index only costs hashing again
            }
        }
        String hash = known.getProperty(id);
        if (hash != null && hash.matches("[0-9a-f]{64}")) {
            return hash;
        }
        hash = sha256(abs);
        if (System.currentTimeMillis() - modified < RACY_MILLIS) {
            return hash;
        }
        known.setProperty(id, hash);
        Path tmp = Files.createTempFile(cacheRoot, FILE, ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            known.store(out, "SHA-256 of corpus files by path|size|mtime");
        }
        Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return hash;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest d = digest();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
