package org.mdlm.domains.text;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Config of the {@code "text8"} domain.
 *
 * <p>{@code data} selects the corpus:
 * <ul>
 *   <li>{@code null} or {@code ""}: the embedded public-domain corpus (Moby-Dick and State of the
 *       Union addresses, already normalised; see {@link Text8Domain#EMBEDDED_SOURCE});</li>
 *   <li>a directory: it must hold one file per split named {@code train}, {@code valid} and
 *       {@code test} with the ending {@code .txt}, {@code .txt.gz}, {@code .jsonl} or
 *       {@code .jsonl.gz} (tried in that order), e.g. a text8-format directory;</li>
 *   <li>a file ({@code .txt}, {@code .txt.gz}, {@code .jsonl} or {@code .jsonl.gz}; other endings are
 *       read as plain text): normalised, then split by position 90% / 5% / 5% into
 *       train / valid / test.</li>
 * </ul>
 * Text is always run through {@link TextNormalizer}, so text that is not yet in the text8 alphabet
 * is normalised. Only basic sanity is checked here; missing or unreadable data is reported by
 * {@link Text8Domain#read} with a {@link org.mdlm.api.domain.DataException}.
 *
 * @param data corpus path, or null / empty for the embedded corpus
 */
public record Text8Config(String data) {

    /**
     * Validates the config.
     *
     * @throws IllegalArgumentException if {@code data} is blank but not empty, or not a valid path
     */
    public Text8Config {
        if (data != null && !data.isEmpty()) {
            if (data.isBlank()) {
                throw new IllegalArgumentException("data: '" + data + "' is blank; give a corpus path, "
                        + "or leave it empty (\"\") or null for the embedded corpus");
            }
            try {
                Path.of(data);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("data: '" + data + "' is not a valid path (" + e.getReason()
                        + "); give a directory or a .txt/.txt.gz/.jsonl/.jsonl.gz file", e);
            }
        }
    }

    /** The default: the embedded corpus ({@code data = null}). */
    public static Text8Config defaults() {
        return new Text8Config(null);
    }

    /** True when {@code data} is null or empty, i.e. the embedded corpus is used. */
    public boolean usesEmbeddedCorpus() {
        return data == null || data.isEmpty();
    }
}
