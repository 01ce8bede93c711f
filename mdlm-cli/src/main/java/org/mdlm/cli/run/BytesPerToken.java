package org.mdlm.cli.run;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.mdlm.api.domain.Domain;
import org.mdlm.api.domain.TokenStream;
import org.mdlm.api.domain.Vocabulary;

/**
 * How many UTF-8 bytes of text a split's tokens stand for, so that a loss per token becomes a loss
 * per byte (bits per byte compare character and subword models on the same text).
 *
 * <p>The split is decoded in chunks of {@link #CHUNK} tokens through the domain; the special ids
 * (mask, pad, BOS, EOS) stand for no text and are skipped. A character split by a chunk boundary
 * may be counted as a replacement character, so the count is exact to within a few bytes per chunk.
 */
public final class BytesPerToken {

    /** Tokens decoded at a time. */
    public static final int CHUNK = 1 << 16;

    private BytesPerToken() {
    }

    /** UTF-8 bytes per token over the whole split (specials count as tokens, not as bytes). */
    public static double of(Domain domain, TokenStream split) {
        Vocabulary v = domain.vocabulary();
        Set<Integer> specials = new HashSet<>();
        specials.add(v.maskId());
        v.padId().ifPresent(specials::add);
        v.bosId().ifPresent(specials::add);
        v.eosId().ifPresent(specials::add);
        long n = split.length();
        long bytes = 0;
        int[] buf = new int[CHUNK];
        for (long at = 0; at < n; at += CHUNK) {
            int len = (int) Math.min(CHUNK, n - at);
            split.read(at, buf, 0, len);
            int[] text = new int[len];
            int k = 0;
            for (int i = 0; i < len; i++) {
                if (!specials.contains(buf[i])) {
                    text[k++] = buf[i];
                }
            }
            bytes += domain.decode(java.util.Arrays.copyOf(text, k)).getBytes(StandardCharsets.UTF_8).length;
        }
        return n == 0 ? Double.NaN : bytes / (double) n;
    }
}
