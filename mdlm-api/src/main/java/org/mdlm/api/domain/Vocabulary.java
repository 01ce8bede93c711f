package org.mdlm.api.domain;

/** Token ids 0..size()-1, one of which is the mask token. */
public interface Vocabulary {

    /** Number of ids including the mask token. */
    int size();

    /** The id of the mask token. */
    int maskId();

    /** A printable form of one id (the mask prints as e.g. "[MASK]"). */
    String symbol(int id);
}
