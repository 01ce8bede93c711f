/**
 * What {@code mdlm finetune} adds around the engine's cross-validation: its output folder, its
 * progress lines with the time left, and its reports ({@code finetune.json}, {@code finetune.md}).
 */
package org.mdlm.cli.finetune;
