package org.mdlm.spark.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mdlm.api.domain.DataException;

/**
 * The driver's ordering of the runs tasks report, without Spark: files in the split's order, ranges
 * by start, runs by partition and sequence; a problem's line counts the records of the file's
 * earlier runs, whichever partitions read them.
 */
class PartOrderTest {

    private static final SplitSource TWO_FILES = new SplitSource("train", "/c/train", CorpusKind.JSONL,
            List.of("file:/c/train/a.jsonl", "file:/c/train/b.jsonl"), List.of("/c/train/a.jsonl", "/c/train/b.jsonl"),
            List.of("/c/train/a.jsonl", "/c/train/b.jsonl"));

    private static PartReport run(String key, long start, int partition, int sequence, long rows, long problemRow,
                                  String problem) {
        return new PartReport(key, start, partition, sequence, "/parts/" + partition + "-" + sequence, rows, rows, rows,
                problemRow, problem);
    }

    @Test
    void runsComeInFileRangeAndReadingOrder() {
        PartReport b0 = run("/c/train/b.jsonl", 0, 0, 0, 5, -1, null);
        PartReport a2048 = run("/c/train/a.jsonl", 2048, 0, 1, 7, -1, null);
        PartReport a0 = run("/c/train/a.jsonl", 0, 1, 0, 9, -1, null);
        PartReport a4096 = run("/c/train/a.jsonl", 4096, 1, 1, 3, -1, null);
        assertEquals(List.of(a0, a2048, a4096, b0), PartOrder.of(List.of(b0, a2048, a0, a4096), TWO_FILES));
    }

    @Test
    void aProblemIsNamedByItsLineInTheFile() {
        // a.jsonl: range 0 holds lines 1-9, range 2048 lines 10-16, range 4096 lines 17-19; the problem is
        // the third record (index 2) of range 4096: line 9 + 7 + 3 = 19
        List<PartReport> reports = List.of(run("/c/train/a.jsonl", 4096, 0, 0, 3, 2, "has no \"text\" string field"),
                run("/c/train/b.jsonl", 0, 0, 1, 5, 0, "cannot be read (x)"),
                run("/c/train/a.jsonl", 0, 1, 0, 9, -1, null), run("/c/train/a.jsonl", 2048, 1, 1, 7, -1, null));
        DataException e = assertThrows(DataException.class, () -> PartOrder.of(reports, TWO_FILES));
        assertEquals("line 19 of /c/train/a.jsonl has no \"text\" string field", e.getMessage(),
                "the first problem in corpus order, not b.jsonl's");
    }

    @Test
    void parquetProblemsNameTheRow() {
        SplitSource parquet = new SplitSource("valid", "/c/valid", CorpusKind.PARQUET, List.of("file:/c/valid/p.parquet"),
                List.of("/c/valid/p.parquet"), List.of("/c/valid/p.parquet"));
        List<PartReport> reports = List.of(run("/c/valid/p.parquet", 100, 0, 0, 4, 0, "has no text (null)"),
                run("/c/valid/p.parquet", 0, 1, 0, 6, -1, null));
        assertEquals("row 7 of /c/valid/p.parquet has no text (null)",
                assertThrows(DataException.class, () -> PartOrder.of(reports, parquet)).getMessage());
    }

    @Test
    void sparksPathsAreMatchedDecoded() {
        assertEquals("/c/train/a b.jsonl", SplitSource.keyOf("file:///c/train/a%20b.jsonl"));
        assertEquals("/c/train/a b.jsonl", SplitSource.keyOf("file:/c/train/a%20b.jsonl"));
        assertThrows(IllegalStateException.class, () -> PartOrder.of(List.of(run("/elsewhere.jsonl", 0, 0, 0, 1, -1,
                null)), TWO_FILES));
    }
}
