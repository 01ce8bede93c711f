/**
 * Fused kernels written in Java, as ops inside SameDiff graphs: each op has a Java forward and
 * a Java backward op (its {@code doDiff}), so a graph that uses them still gets its gradient
 * function from SameDiff. Only the engine's lean executor can run them (SameDiff's own session
 * cannot dispatch a Java kernel); backbones and objectives use them through {@link
 * org.mdlm.api.kernels.FusedOps}, which falls back to composed SameDiff ops where a kernel does
 * not apply (graphs in double precision, or {@code -Dmdlm.kernels=off}).
 */
package org.mdlm.api.kernels;
