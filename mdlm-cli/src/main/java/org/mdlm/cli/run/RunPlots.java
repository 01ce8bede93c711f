package org.mdlm.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a run's training loss and validation NELBO against steps into {@code curves.png}. */
public final class RunPlots {

    /** The plot's file name inside the run folder. */
    public static final String FILE = "curves.png";

    private RunPlots() {
    }

    /**
     * Reads {@code metrics.jsonl} and writes the plot atomically; does nothing when there is nothing to plot.
     *
     * @return the plot file, or null when the log held no steps
     */
    public static Path write(Path metrics, Path runDir, String title) throws IOException {
        List<Double> steps = new ArrayList<>();
        List<Double> loss = new ArrayList<>();
        List<Double> evalSteps = new ArrayList<>();
        List<Double> evalNats = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        if (!Files.exists(metrics)) {
            return null;
        }
        for (String line : Files.readAllLines(metrics)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode m = json.readTree(line);
            if (m.has("loss") && Double.isFinite(m.get("loss").asDouble())) {
                steps.add(m.get("step").asDouble());
                loss.add(m.get("loss").asDouble());
            } else if (m.has("val_nats_per_token")) {
                evalSteps.add(m.get("step").asDouble());
                evalNats.add(m.get("val_nats_per_token").asDouble());
            }
        }
        if (steps.isEmpty() && evalSteps.isEmpty()) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(900).height(540).title(title).xAxisTitle("step")
                .yAxisTitle("nats per token").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        if (!steps.isEmpty()) {
            XYSeries train = chart.addSeries("training loss (batch NELBO)", steps, loss);
            train.setMarker(SeriesMarkers.NONE);
        }
        if (!evalSteps.isEmpty()) {
            XYSeries val = chart.addSeries("validation NELBO (EMA weights)", evalSteps, evalNats);
            val.setMarker(SeriesMarkers.CIRCLE);
        }
        Path target = runDir.resolve(FILE);
        Path tmp = runDir.resolve("curves.tmp.png");
        BitmapEncoder.saveBitmap(chart, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
