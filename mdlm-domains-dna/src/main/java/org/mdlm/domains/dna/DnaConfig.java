package org.mdlm.domains.dna;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Config of the {@code "dna"} domain.
 *
 * <p>{@code data} is the path of one FASTA file (plain, gzip or bgzip); its records are
 * concatenated and split by position 90% / 5% / 5% into train / valid / test. There is no
 * embedded default genome: with {@code data} null or empty the domain can encode and decode, but
 * {@link DnaDomain#read} fails with a {@link org.mdlm.api.domain.DataException} asking for a path.
 *
 * @param data FASTA path, or null / empty when no data is configured
 */
public record DnaConfig(String data) {

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if {@code data} is blank but not empty, or not a valid path
     */
    public DnaConfig {
        if (data != null && !data.isEmpty()) {
            if (data.isBlank()) {
                throw new IllegalArgumentException("data: '" + data + "' is blank; give a FASTA path "
                        + "(.fa, .fa.gz) or leave it null");
            }
            try {
                Path.of(data);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("data: '" + data + "' is not a valid path (" + e.getReason()
                        + "); give a FASTA file (.fa, .fa.gz)", e);
            }
        }
    }

    /** The default: no data configured ({@code data = null}). */
    public static DnaConfig defaults() {
        return new DnaConfig(null);
    }

    /** True when a FASTA path is configured. */
    public boolean hasData() {
        return data != null && !data.isEmpty();
    }
}
