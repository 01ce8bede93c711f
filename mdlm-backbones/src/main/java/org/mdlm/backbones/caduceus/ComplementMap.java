package org.mdlm.backbones.caduceus;

import org.mdlm.api.domain.Vocabulary;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The complement map of a vocabulary as an array, checked to be an involution of the ids (what
 * reverse-complement equivariance needs: complementing twice gives the token back), and as the
 * permutation matrix that reorders the rows of a [V, D] table by it.
 */
final class ComplementMap {

    private final int[] map;

    private ComplementMap(int[] map) {
        this.map = map;
    }

    /**
     * Reads and checks {@code vocabulary}'s complement map.
     *
     * @throws IllegalArgumentException if the vocabulary has no complement map, or it is not an
     *                                  involution of 0..V-1
     */
    static ComplementMap of(Vocabulary vocabulary) {
        if (!vocabulary.hasComplement()) {
            throw new IllegalArgumentException("model.rc_equivariant=true needs a vocabulary with a complement map "
                    + "(the dna domain has one); this domain's vocabulary has none: set model.rc_equivariant=false");
        }
        int v = vocabulary.size();
        int[] map = new int[v];
        for (int id = 0; id < v; id++) {
            map[id] = vocabulary.complement(id);
            if (map[id] < 0 || map[id] >= v) {
                throw new IllegalArgumentException("the vocabulary's complement of id " + id + " is " + map[id]
                        + ", outside 0.." + (v - 1) + "; fix the domain's Vocabulary.complement");
            }
        }
        for (int id = 0; id < v; id++) {
            if (map[map[id]] != id) {
                throw new IllegalArgumentException("the vocabulary's complement map is not an involution: id " + id
                        + " -> " + map[id] + " -> " + map[map[id]] + "; reverse-complement equivariance needs "
                        + "complement(complement(id)) == id for every id");
            }
        }
        return new ComplementMap(map);
    }

    /** The complement of {@code id}. */
    int apply(int id) {
        return map[id];
    }

    /** Number of ids. */
    int size() {
        return map.length;
    }

    /** P [V, V] with P[v, complement(v)] = 1, so that (P T)[v] = T[complement(v)] for a table T [V, D]. */
    INDArray permutation(DataType type) {
        double[][] p = new double[map.length][map.length];
        for (int id = 0; id < map.length; id++) {
            p[id][map[id]] = 1.0;
        }
        return Nd4j.createFromArray(p).castTo(type);
    }
}
