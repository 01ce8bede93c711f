package org.mdlm.cli.commands;

import java.util.Locale;
import java.util.Map;

/** One-line human summaries of run results. */
final class Summaries {

    private Summaries() {
    }

    /**
     * E.g. "steps 1500, 3,072,000 train tokens: validation 2.2122 ± 0.0300 nats/token, 3.1915 bits/char,
     * perplexity <= 9.136 (NELBO bound)"; a summary with a {@code token_unit} (DNA: {@code base})
     * names its nats and bits per that unit.
     */
    static String describe(Map<String, Object> summary) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "steps %s, %,d train tokens: validation %.4f",
                summary.get("steps"), ((Number) summary.get("train_tokens")).longValue(),
                ((Number) summary.get("val_nats_per_token")).doubleValue()));
        boolean bound = !Boolean.FALSE.equals(summary.get("val_is_bound"));
        if (summary.get("val_se") instanceof Number se && Double.isFinite(se.doubleValue())) {
            sb.append(String.format(Locale.ROOT, " ± %.4f", se.doubleValue()));
        }
        String unit = String.valueOf(summary.getOrDefault("token_unit", "token"));
        sb.append(" nats/").append(unit);
        if (summary.containsKey("val_bpc")) {
            sb.append(String.format(Locale.ROOT, ", %.4f bits/char", ((Number) summary.get("val_bpc")).doubleValue()));
        } else if (summary.get("val_bits_per_" + unit) instanceof Number bits) {
            sb.append(String.format(Locale.ROOT, ", %.4f bits/%s", bits.doubleValue(), unit));
        }
        sb.append(String.format(Locale.ROOT, ", perplexity %s %.3f %s", bound ? "<=" : "=",
                ((Number) summary.get("val_ppl")).doubleValue(), bound ? "(NELBO bound)" : "(exact NLL)"));
        return sb.toString();
    }
}
