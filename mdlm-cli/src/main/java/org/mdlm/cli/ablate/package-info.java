/**
 * {@code mdlm ablate}: a grid of training runs (the cartesian product of {@code --vary} axes, named
 * variants and seeds) expanded into run folders under one grid folder ({@link AblationGrid},
 * {@link GridCell}, {@link GridRun}), run one after another and resumably ({@link GridRunner},
 * {@link RunState}), and summarised as a paper-style table ({@link AblationTable}), a CSV and a plot
 * of validation curves ({@link AblationPlot}).
 */
package org.mdlm.cli.ablate;
