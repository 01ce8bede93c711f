package org.mdlm.cli.run;

import java.util.Locale;
import org.mdlm.engine.EvalResult;

/** Unit conversions and one-line forms of reported metrics. */
public final class Reports {

    private Reports() {
    }

    /** Nats to bits. */
    public static double bitsPerToken(double nats) {
        return nats / Math.log(2);
    }

    /** Formats a duration in seconds as e.g. "4m05s". */
    public static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /**
     * One line for an evaluation: nats per token with its standard error, bits per character when the
     * domain is character-level, perplexity, and whether the figure is a bound or the exact NLL, e.g.
     * {@code "2.2122 ± 0.0210 nats/token, 3.1915 ± 0.0303 bits/char, perplexity <= 9.136 (NELBO bound)"}.
     */
    public static String evaluation(EvalResult r, boolean characterLevel) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.4f%s nats/token", r.natsPerToken(),
                se(r.standardError())));
        if (characterLevel) {
            sb.append(String.format(Locale.ROOT, ", %.4f%s bits/char", r.bitsPerToken(), se(r.bitsStandardError())));
        }
        sb.append(String.format(Locale.ROOT, ", perplexity %s %.3f", r.exact() ? "=" : "<=", Math.exp(r.natsPerToken())));
        sb.append(r.exact() ? " (exact NLL)" : " (NELBO bound)");
        return sb.toString();
    }

    private static String se(double standardError) {
        return Double.isNaN(standardError) ? "" : String.format(Locale.ROOT, " ± %.4f", standardError);
    }
}
