package org.mdlm.spark.tokenize;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.mdlm.api.domain.Tokenizer;

/**
 * The task of one partition of a split's rows ({@link DocumentRows}), on an executor: every run of
 * consecutive rows of one byte range of one file goes into its own part file ({@link PartWriter}),
 * and the task returns the runs' reports. A partition may hold several ranges (Spark packs small
 * ones together); part names carry the task attempt's id, so a retried or speculative attempt
 * never writes over another's files.
 *
 * @param partsDir the folder of the part files (seen by every executor at this path)
 * @param tokenizer the tokenizer's registry name
 * @param kind how the split's files hold documents
 * @param column the Parquet column, for messages
 * @param rowLength padded row length, or 0 to join documents
 * @param wide int32 ids instead of uint16
 */
record PartitionTokenizer(String partsDir, String tokenizer, CorpusKind kind, String column, int rowLength, boolean wide)
        implements Function2<Integer, Iterator<Row>, Iterator<PartReport>> {

    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<PartReport> call(Integer partition, Iterator<Row> rows) {
        Tokenizer t = ExecutorTokenizers.get(tokenizer);
        TaskContext task = TaskContext.get();
        long attempt = task == null ? 0 : task.taskAttemptId();
        Path dir = Path.of(partsDir);
        List<PartReport> reports = new ArrayList<>();
        PartWriter part = null;
        String key = null;
        long rangeStart = -1;
        while (rows.hasNext()) {
            Row r = rows.next();
            String file = r.getString(DocumentRows.FILE);
            long start = r.getLong(DocumentRows.RANGE_START);
            if (part == null || start != rangeStart || !file.equals(key)) {
                if (part != null) {
                    reports.add(part.finish());
                }
                key = file;
                rangeStart = start;
                int sequence = reports.size();
                PartReport id = new PartReport(SplitSource.keyOf(file), start, partition, sequence, null, 0, 0, 0, -1,
                        null);
                part = new PartWriter(dir, "part-" + attempt + "-" + sequence, id, kind, column, t, rowLength, wide);
            }
            part.add(r.isNullAt(DocumentRows.BYTES) ? null : (byte[]) r.get(DocumentRows.BYTES));
        }
        if (part != null) {
            reports.add(part.finish());
        }
        return reports.iterator();
    }
}
