package org.mdlm.spark.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.mdlm.api.domain.DataException;

/**
 * The files of one corpus split, in the order their documents are read: a file {@code SPLIT.jsonl},
 * {@code SPLIT.jsonl.gz} or {@code SPLIT.parquet} in the corpus folder, or a folder {@code SPLIT/} of
 * such files (all of one kind; names starting with {@code _} or {@code .}, Spark's and Hadoop's
 * markers, are skipped), sorted by name as the text domain sorts a folder's files.
 *
 * @param split {@code train}, {@code valid} or {@code test}
 * @param location the file or folder, for messages
 * @param kind how the files hold documents
 * @param files the files' paths as Spark reads them
 * @param keys each file's decoded path, which {@link #keyOf} gives for the paths Spark reports
 * @param names each file's name for messages (the local path for {@code file:} paths)
 */
record SplitSource(String split, String location, CorpusKind kind, List<String> files, List<String> keys,
                   List<String> names) {

    /** The splits, in the order they are tokenized. */
    static final List<String> SPLITS = List.of("train", "valid", "test");
    private static final List<String> FILE_SUFFIXES = List.of(".jsonl", ".jsonl.gz", ".parquet");

    /** What a corpus folder must hold, for messages. */
    static final String EXPECTED = "train, valid and test, each a .jsonl, .jsonl.gz or .parquet file (train.jsonl, "
            + "...) or a folder of such files (train/part-0.parquet, ...)";

    /**
     * Finds split {@code split} of the corpus folder {@code input}.
     *
     * @return the split, or null when the folder holds none of its names
     * @throws DataException when the split is ambiguous (a file and a folder), or its folder is empty
     *         or holds other files
     */
    static SplitSource find(Configuration hadoop, String input, String split) {
        try {
            Path dir = new Path(input);
            FileSystem fs = dir.getFileSystem(hadoop);
            List<Path> found = new ArrayList<>();
            for (String suffix : FILE_SUFFIXES) {
                Path f = new Path(dir, split + suffix);
                if (fs.isFile(f)) {
                    found.add(f);
                }
            }
            Path sub = new Path(dir, split);
            if (fs.exists(sub) && fs.getFileStatus(sub).isDirectory()) {
                found.add(sub);
            }
            if (found.isEmpty()) {
                return null;
            }
            if (found.size() > 1) {
                throw new DataException("the corpus folder " + input + " holds split " + split + " more than once ("
                        + found.stream().map(Path::getName).toList() + "); keep one of them");
            }
            Path p = fs.makeQualified(found.get(0));
            List<FileStatus> files = fs.getFileStatus(p).isDirectory() ? listFolder(fs, p) : List.of(fs.getFileStatus(p));
            CorpusKind kind = CorpusKind.of(files.get(0).getPath().getName());
            List<String> paths = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (FileStatus f : files) {
                paths.add(f.getPath().toString());
                keys.add(f.getPath().toUri().getPath());
                names.add(display(f.getPath()));
            }
            return new SplitSource(split, display(p), kind, paths, keys, names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the corpus folder " + input + ": " + e.getMessage(), e);
        }
    }

    private static List<FileStatus> listFolder(FileSystem fs, Path folder) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        CorpusKind kind = null;
        for (FileStatus f : fs.listStatus(folder)) {
            String name = f.getPath().getName();
            if (name.startsWith("_") || name.startsWith(".")) {
                continue;
            }
            CorpusKind k = f.isFile() ? CorpusKind.of(name) : null;
            if (k == null) {
                throw new DataException("the corpus folder " + display(folder) + " holds " + name + ", which is not a "
                        + ".jsonl, .jsonl.gz or .parquet file; move it out (a split folder holds only such files)");
            }
            if (kind != null && k != kind) {
                throw new DataException("the corpus folder " + display(folder) + " mixes JSON lines and Parquet files; "
                        + "keep one kind per split");
            }
            kind = k;
            files.add(f);
        }
        if (files.isEmpty()) {
            throw new DataException("the corpus folder " + display(folder) + " holds no .jsonl, .jsonl.gz or .parquet "
                    + "file; give split " + folder.getName() + " a non-empty corpus");
        }
        // name order, as java.nio sorts the files of a folder for the text domain's folder format
        files.sort(Comparator.comparing(f -> java.nio.file.Path.of(f.getPath().getName())));
        return files;
    }

    /** The local path of a {@code file:} path, else the path as Hadoop prints it. */
    static String display(Path p) {
        URI u = p.toUri();
        return u.getScheme() == null || u.getScheme().equals("file") ? u.getPath() : p.toString();
    }

    /** The decoded path of a file as Spark's {@code _metadata.file_path} reports it (a URL-encoded URI). */
    static String keyOf(String sparkFilePath) {
        try {
            return new Path(new URI(sparkFilePath)).toUri().getPath();
        } catch (URISyntaxException e) {
            return new Path(sparkFilePath).toUri().getPath();
        }
    }

    /** The number of files. */
    int size() {
        return files.size();
    }
}
