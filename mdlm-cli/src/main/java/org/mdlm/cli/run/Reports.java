package org.mdlm.cli.run;

/** Unit conversions for reported metrics. */
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
}
