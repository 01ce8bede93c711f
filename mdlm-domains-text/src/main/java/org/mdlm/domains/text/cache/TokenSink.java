package org.mdlm.domains.text.cache;

/** Where encoded token ids go, appended in order (a shard writer, or an array in tests). */
public interface TokenSink {

    /** Appends one id. */
    void add(int id);

    /** Appends ids in order. */
    default void addAll(int[] ids) {
        for (int id : ids) {
            add(id);
        }
    }

    /** Number of ids appended so far. */
    long size();

    /** The last id appended, or -1 when none was. */
    int last();
}
