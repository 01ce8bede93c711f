package org.mdlm.spark.tokenize;

import java.io.Serializable;

/**
 * What a task wrote for one run of consecutive rows of one byte range of one file: a part file of
 * ids (none when it holds no id) and its counts, or the first problem found in the run.
 *
 * @param key the file's decoded path ({@link SplitSource#keyOf})
 * @param rangeStart the start of the byte range Spark read the rows in
 * @param partition the task's partition
 * @param sequence the run's number within the partition
 * @param file the part file's absolute path, or null when the run wrote no id
 * @param rows the records of the run (lines, blank ones included; Parquet rows)
 * @param documents the non-empty documents encoded
 * @param tokens the ids written
 * @param problemRow the run's record (from 0) where the first problem is, or -1 when there is none
 * @param problem the problem, worded to follow "line N of FILE" (null when there is none)
 */
record PartReport(String key, long rangeStart, int partition, int sequence, String file, long rows, long documents,
                  long tokens, long problemRow, String problem) implements Serializable {
}
