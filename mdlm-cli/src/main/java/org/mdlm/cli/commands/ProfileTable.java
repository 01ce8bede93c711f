package org.mdlm.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mdlm.engine.OpProfiler;

/** Formats a per-op profile as text rows or JSON-ready maps. */
final class ProfileTable {

    private ProfileTable() {
    }

    /** The first {@code top} rows as maps (op, calls, total_ms, ms_per_call, share). */
    static List<Map<String, Object>> rows(List<OpProfiler.OpTime> profile, int top) {
        double total = profile.stream().mapToDouble(OpProfiler.OpTime::totalMs).sum();
        List<Map<String, Object>> out = new ArrayList<>();
        for (OpProfiler.OpTime o : profile.subList(0, Math.min(top, profile.size()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("op", o.op());
            m.put("calls", o.calls());
            m.put("total_ms", o.totalMs());
            m.put("ms_per_call", o.msPerCall());
            m.put("share", o.totalMs() / total);
            out.add(m);
        }
        return out;
    }

    /** Prints the first {@code top} rows and the sum over all ops. */
    static void print(PrintWriter out, List<OpProfiler.OpTime> profile, int top) {
        double total = profile.stream().mapToDouble(OpProfiler.OpTime::totalMs).sum();
        out.printf(Locale.ROOT, "ops per step: %.1f ms in %d calls%n", total,
                profile.stream().mapToLong(OpProfiler.OpTime::calls).sum());
        out.printf(Locale.ROOT, "%-28s %7s %10s %10s %6s%n", "op", "calls", "total ms", "ms/call", "share");
        for (OpProfiler.OpTime o : profile.subList(0, Math.min(top, profile.size()))) {
            out.printf(Locale.ROOT, "%-28s %7d %10.2f %10.3f %5.1f%%%n", o.op(), o.calls(), o.totalMs(),
                    o.msPerCall(), 100 * o.totalMs() / total);
        }
    }
}
