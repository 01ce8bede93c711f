package org.example.protein;

/**
 * Config of the {@code "protein"} domain.
 *
 * @param data a FASTA file; null or empty for the bundled synthetic demo sequences
 */
public record ProteinConfig(String data) {
}
