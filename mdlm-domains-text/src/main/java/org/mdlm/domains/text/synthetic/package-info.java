/**
 * The {@code "synthetic"} domain: seeded Zipf-distributed tokens over a vocabulary of any size,
 * generated on demand, for benchmarks at realistic vocabulary sizes and for smoke tests that need a
 * known entropy.
 */
package org.mdlm.domains.text.synthetic;
