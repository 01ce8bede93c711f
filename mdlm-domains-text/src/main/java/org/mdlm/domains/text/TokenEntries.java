package org.mdlm.domains.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mdlm.api.domain.DataException;
import org.mdlm.api.domain.Tokenizer;
import org.mdlm.domains.text.cache.CorruptShardException;
import org.mdlm.domains.text.cache.EntryIndex;
import org.mdlm.domains.text.cache.MappedTokenStream;

/**
 * The {@code tokens} format of the {@code text} domain: a split is a token-cache entry folder
 * already written (by {@code mdlm tokenize --spark}), memory-mapped as it is, with no text read.
 * The entry must have been made with the configured tokenizer and packing; anything else is refused
 * with the setting that fixes it (package-private helper of {@link TextDomain}).
 */
final class TokenEntries {

    /** The value of {@code format} that reads token-cache entries. */
    static final String FORMAT = "tokens";

    private TokenEntries() {
    }

    /**
     * Maps the entry folder {@code dir} of one split.
     *
     * @throws DataException when the folder holds no entry, the entry was made with another tokenizer
     *         or packing, a shard is damaged, or it holds no ids
     */
    static MappedTokenStream open(Path dir, TextConfig config, Tokenizer tokenizer) {
        String remake = "; write the entries with mdlm tokenize --spark MASTER --tokenizer " + config.tokenizer()
                + " --input CORPUS --out " + dir.getParent();
        if (!Files.isRegularFile(dir.resolve(EntryIndex.FILE))) {
            throw new DataException("format tokens reads token-cache entries, but " + dir + " holds no "
                    + EntryIndex.FILE + (Files.isDirectory(dir) ? " (an unfinished or foreign folder)" : "") + remake);
        }
        EntryIndex index;
        try {
            index = EntryIndex.read(dir);
        } catch (IOException e) {
            throw new DataException("cannot read the token-cache entry " + dir + ": " + e.getMessage() + remake, e);
        }
        if (index.tokenizer() == null) {
            throw new DataException("the token-cache entry " + dir + " does not record its tokenizer (written by an "
                    + "older mdlm)" + remake);
        }
        if (!index.tokenizer().equals(config.tokenizer()) || index.vocabularySize() != tokenizer.size()) {
            throw new DataException("the token-cache entry " + dir + " holds ids of tokenizer " + index.tokenizer() + " ("
                    + index.vocabularySize() + " ids), but domain.tokenizer is " + config.tokenizer() + " ("
                    + tokenizer.size() + " ids); set domain.tokenizer=" + index.tokenizer() + ", or tokenize the "
                    + "corpus again with --tokenizer " + config.tokenizer());
        }
        int row = config.padded() ? config.rowLength() : 0;
        if (index.rowLength() != row) {
            String fix = index.rowLength() == 0 ? "set domain.packing=wrap"
                    : "set domain.packing=pad and domain.row_length=" + index.rowLength();
            throw new DataException("the token-cache entry " + dir + " holds "
                    + (index.rowLength() == 0 ? "one stream of joined documents" : "padded rows of " + index.rowLength()
                    + " ids") + ", but the config asks for " + (row == 0 ? "joined documents (packing wrap)"
                    : "padded rows of " + row + " ids") + "; " + fix + ", or tokenize the corpus again to match");
        }
        MappedTokenStream stream;
        try {
            stream = index.open(dir);
        } catch (CorruptShardException e) {
            throw new DataException("the token-cache entry " + dir + " is damaged: " + e.getMessage() + remake, e);
        } catch (IOException e) {
            throw new DataException("cannot map the token-cache entry " + dir + ": " + e.getMessage(), e);
        }
        if (stream.length() == 0) {
            throw new DataException("the token-cache entry " + dir + " holds no tokens; tokenize a non-empty corpus");
        }
        return stream;
    }
}
