package org.mdlm.spark.tokenize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mdlm.api.domain.DataException;
import org.mdlm.domains.text.JsonLineDocument;

/**
 * Puts the runs that tasks report into corpus order: the split's files in name order, in a file
 * the byte ranges by start, in a range the runs as the task read them. Spark's partitions do not
 * keep that order (it packs ranges into partitions largest first), so the driver restores it here
 * from what each run reports, and counts records across ranges to name the line (or Parquet row)
 * of the first problem.
 */
final class PartOrder {

    private PartOrder() {
    }

    /**
     * The runs in corpus order.
     *
     * @throws DataException for the first problem in corpus order, naming its file and line (or row)
     * @throws IllegalStateException when a run names a file the split does not list
     */
    static List<PartReport> of(List<PartReport> reports, SplitSource source) {
        Map<String, Integer> fileIndex = new HashMap<>();
        for (int i = 0; i < source.size(); i++) {
            fileIndex.put(source.keys().get(i), i);
        }
        for (PartReport r : reports) {
            if (!fileIndex.containsKey(r.key())) {
                throw new IllegalStateException("Spark read " + r.key() + ", which split " + source.split()
                        + " does not list (" + source.keys() + ")");
            }
        }
        List<PartReport> ordered = new ArrayList<>(reports);
        ordered.sort(Comparator.<PartReport>comparingInt(r -> fileIndex.get(r.key()))
                .thenComparingLong(PartReport::rangeStart)
                .thenComparingInt(PartReport::partition)
                .thenComparingInt(PartReport::sequence));
        long[] recordsBefore = new long[source.size()];
        for (PartReport r : ordered) {
            int f = fileIndex.get(r.key());
            if (r.problem() != null) {
                long number = recordsBefore[f] + r.problemRow() + 1;
                String where = source.names().get(f);
                throw source.kind() == CorpusKind.JSONL ? JsonLineDocument.at(where, number, r.problem())
                        : new DataException(source.kind().record + " " + number + " of " + where + " " + r.problem());
            }
            recordsBefore[f] += r.rows();
        }
        return ordered;
    }
}
