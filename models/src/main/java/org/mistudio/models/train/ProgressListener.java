package org.mistudio.models.train;

/** Receives one report per finished epoch; the CLI and the GUI both implement it. */
@FunctionalInterface
public interface ProgressListener {

    void onEpoch(EpochReport report);

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return r -> {
        };
    }
}
