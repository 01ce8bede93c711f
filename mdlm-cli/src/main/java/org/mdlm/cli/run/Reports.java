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
     * One line for an evaluation in the domain's units: nats per unit with its standard error, bits
     * per character or per unit when the units have them, perplexity, and whether the figure is a
     * bound or the exact NLL; e.g. {@code "2.2122 ± 0.0210 nats/token, 3.1915 ± 0.0303 bits/char,
     * perplexity <= 9.136 (NELBO bound)"}, or for DNA {@code "1.3500 ± 0.0100 nats/base, 1.9476 ±
     * 0.0144 bits/base, perplexity <= 3.857 (NELBO bound)"}.
     */
    public static String evaluation(EvalResult r, ReportUnit units) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%.4f%s nats/%s", r.natsPerToken(),
                se(r.standardError()), units.unit()));
        if (units.bitsPer().isPresent()) {
            sb.append(String.format(Locale.ROOT, ", %.4f%s bits/%s", r.bitsPerToken(), se(r.bitsStandardError()),
                    units.bitsPer().get()));
        }
        sb.append(String.format(Locale.ROOT, ", perplexity %s %.3f", r.exact() ? "=" : "<=", Math.exp(r.natsPerToken())));
        sb.append(r.exact() ? " (exact NLL)" : " (NELBO bound)");
        return sb.toString();
    }

    private static String se(double standardError) {
        return Double.isNaN(standardError) ? "" : String.format(Locale.ROOT, " ± %.4f", standardError);
    }
}
