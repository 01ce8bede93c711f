package org.mdlm.cli.ablate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws {@value #FILE}: the validation curves of the grid's finished runs (their periodic
 * evaluations), one colour per cell: the mean over its seeds as a line with markers, each seed as a
 * thin light line. Bits per character when every run is character-level, else nats per token.
 */
public final class AblationPlot {

    /** The plot's file name in the grid folder. */
    public static final String FILE = "ablation.png";
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207)};

    private AblationPlot() {
    }

    /**
     * Writes the plot into {@code gridDir} atomically (temporary file, then rename).
     *
     * @return the file, or null when no finished run has a curve (nothing is written)
     */
    public static Path write(Path gridDir, String title, List<RunResult> results) throws IOException {
        Map<GridCell, List<RunResult>> byCell = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (r.status() == RunResult.Status.FINISHED && !r.curve().isEmpty()) {
                byCell.computeIfAbsent(r.run().cell(), c -> new ArrayList<>()).add(r);
            }
        }
        if (byCell.isEmpty()) {
            return null;
        }
        boolean bits = byCell.values().stream().flatMap(List::stream).allMatch(RunResult::characterLevel);
        double scale = bits ? 1 / Math.log(2) : 1;
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title)
                .xAxisTitle("step (thick: mean over seeds, thin: each seed)")
                .yAxisTitle(bits ? "validation bits per character" : "validation nats per token").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        int colour = 0;
        for (Map.Entry<GridCell, List<RunResult>> e : byCell.entrySet()) {
            Color c = PALETTE[colour++ % PALETTE.length];
            List<RunResult> runs = e.getValue();
            TreeMap<Integer, List<Double>> atStep = new TreeMap<>();
            for (RunResult r : runs) {
                for (RunResult.EvalPoint p : r.curve()) {
                    atStep.computeIfAbsent(p.step(), s -> new ArrayList<>()).add(p.natsPerToken() * scale);
                }
                if (runs.size() > 1) {
                    XYSeries seed = chart.addSeries(e.getKey().label() + " / seed " + r.run().seed(),
                            r.curve().stream().mapToDouble(RunResult.EvalPoint::step).toArray(),
                            r.curve().stream().mapToDouble(p -> p.natsPerToken() * scale).toArray());
                    seed.setMarker(SeriesMarkers.NONE);
                    seed.setLineColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
                    seed.setLineStyle(new BasicStroke(1f));
                    seed.setShowInLegend(false);
                }
            }
            XYSeries mean = chart.addSeries(e.getKey().label() + " (n=" + runs.size() + ")",
                    atStep.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                    atStep.values().stream().mapToDouble(v -> v.stream().mapToDouble(Double::doubleValue).average()
                            .orElse(Double.NaN)).toArray());
            mean.setMarker(SeriesMarkers.CIRCLE);
            mean.setMarkerColor(c);
            mean.setLineColor(c);
            mean.setLineStyle(new BasicStroke(2.5f));
        }
        Path target = gridDir.resolve(FILE);
        Path tmp = gridDir.resolve("ablation.tmp.png");
        BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
