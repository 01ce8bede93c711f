package org.mdlm.cli.commands;

import java.util.Locale;
import java.util.Map;

/** One-line human summaries of run results. */
final class Summaries {

    private Summaries() {
    }

    /** E.g. "steps 1500, 3,072,000 train tokens: validation 2.31 nats/token, 3.33 bits/char, ppl<=10.1". */
    static String describe(Map<String, Object> summary) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "steps %s, %,d train tokens: validation %.4f nats/token",
                summary.get("steps"), ((Number) summary.get("train_tokens")).longValue(),
                ((Number) summary.get("val_nats_per_token")).doubleValue()));
        if (summary.containsKey("val_bpc")) {
            sb.append(String.format(Locale.ROOT, ", %.4f bits/char (bound)", ((Number) summary.get("val_bpc")).doubleValue()));
        }
        sb.append(String.format(Locale.ROOT, ", perplexity <= %.3f", ((Number) summary.get("val_ppl")).doubleValue()));
        return sb.toString();
    }
}
