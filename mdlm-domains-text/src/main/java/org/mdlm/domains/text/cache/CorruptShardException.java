package org.mdlm.domains.text.cache;

import java.io.IOException;
import java.nio.file.Path;

/** A cache shard whose size is not what its index says (truncated by a crash or a full disk). */
public final class CorruptShardException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param actual the file's size in bytes (-1 when missing) */
    public CorruptShardException(Path file, long actual, long expected) {
        super("token cache shard " + file + (actual < 0 ? " is missing" : " has " + actual + " bytes, expected "
                + expected));
    }
}
