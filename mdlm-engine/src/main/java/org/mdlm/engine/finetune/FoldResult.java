package org.mdlm.engine.finetune;

/**
 * How one fold's model did on the rows held out from its training.
 *
 * @param fold 0-based fold index
 * @param trainRows rows it trained on
 * @param testRows rows held out and scored
 * @param correct held-out rows whose most probable class is their label
 * @param steps optimizer steps taken
 * @param finalLoss mean training loss (nats) over the last report window of steps
 * @param seconds wall time of the fold (training and scoring)
 * @param confusion counts [true class][predicted class] over the held-out rows
 */
public record FoldResult(int fold, int trainRows, int testRows, int correct, int steps, double finalLoss,
                         double seconds, int[][] confusion) {

    /** The held-out accuracy, correct / testRows. */
    public double accuracy() {
        return testRows == 0 ? Double.NaN : (double) correct / testRows;
    }
}
