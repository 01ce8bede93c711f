package org.mdlm.spark.tokenize;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mdlm.api.domain.DataException;

/**
 * The rows of a split as Spark's readers give them, one per record: its raw bytes (binary, to be
 * decoded strictly as UTF-8), the file it comes from and the start of the byte range Spark read it
 * in (both from the hidden {@code _metadata} column). JSON lines come from Spark's text reader with
 * {@code '\n'} as the only separator (as the text domain cuts lines), Parquet from its reader's
 * string column.
 */
final class DocumentRows {

    /** Column positions of a row. */
    static final int BYTES = 0;
    static final int FILE = 1;
    static final int RANGE_START = 2;

    private DocumentRows() {
    }

    /**
     * The rows of {@code source}.
     *
     * @param column the Parquet column holding the documents
     * @throws DataException when Parquet files lack the column or it does not hold strings
     */
    static Dataset<Row> of(SparkSession spark, SplitSource source, String column) {
        String[] files = source.files().toArray(String[]::new);
        Dataset<Row> data;
        Column text;
        if (source.kind() == CorpusKind.JSONL) {
            data = spark.read().option("lineSep", "\n").text(files);
            text = col("value");
        } else {
            data = spark.read().parquet(files);
            StructType schema = data.schema();
            if (!Arrays.asList(schema.fieldNames()).contains(column)) {
                throw new DataException("the Parquet files of split " + source.split() + " (" + source.location()
                        + ") have no column '" + column + "' (they have " + String.join(", ", schema.fieldNames())
                        + "); name the text column with --column");
            }
            DataType type = schema.apply(column).dataType();
            if (!type.equals(DataTypes.StringType)) {
                throw new DataException("column '" + column + "' of the Parquet files of split " + source.split() + " ("
                        + source.location() + ") holds " + type.simpleString() + ", not strings; name the text column "
                        + "with --column");
            }
            text = data.col("`" + column.replace("`", "``") + "`");
        }
        return data.select(text.cast(DataTypes.BinaryType), col("_metadata.file_path"),
                col("_metadata.file_block_start"));
    }
}
