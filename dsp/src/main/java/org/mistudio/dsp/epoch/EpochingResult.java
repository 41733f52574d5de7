package org.mistudio.dsp.epoch;

import java.util.List;

import org.mistudio.acquisition.model.Epochs;

/** The epochs cut, and the events that could not be cut, each with its reason. */
public record EpochingResult(Epochs epochs, List<DroppedEpoch> dropped) {

    public EpochingResult {
        dropped = List.copyOf(dropped);
    }
}
