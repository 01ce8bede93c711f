/**
 * An example third-party mdlm plugin: a protein domain (20 amino acids, X for unknown, and the mask
 * token) reading FASTA, with a preset shipped inside the jar. It depends on mdlm-api only.
 */
package org.example.protein;
