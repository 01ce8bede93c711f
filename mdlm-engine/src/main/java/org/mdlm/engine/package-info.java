/**
 * The training engine: graph assembly, AdamW with warmup and clipping, EMA, checkpoints with
 * optimizer state, exact resume, and validation NELBO.
 */
package org.mdlm.engine;
