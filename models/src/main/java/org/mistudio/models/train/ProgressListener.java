package org.mistudio.models.train;

/**
 * Receives one report per finished epoch; the CLI and the GUI both implement it. An exception thrown here (for
 * instance a {@link java.util.concurrent.CancellationException} when the user cancels) ends the training: it
 * propagates out of {@link EegTrainer#fit} and nothing is returned.
 */
@FunctionalInterface
public interface ProgressListener {

    void onEpoch(EpochReport report);

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return r -> {
        };
    }
}
