package org.mistudio.acquisition.sim;

import java.util.List;

import org.mistudio.acquisition.model.Recording;

/**
 * The simulator's output: the recording (cues as annotations) and the ground truth behind it.
 *
 * @param recording the EEG (and EOG) in microvolts with one annotation per fixation and per cue
 * @param artifacts every injected artifact
 * @param muFrequency  the simulated subject's mu peak in Hz
 * @param betaFrequency the simulated subject's beta peak in Hz
 */
public record Simulation(Recording recording, List<ArtifactEvent> artifacts, double muFrequency,
                         double betaFrequency) {

    public Simulation {
        artifacts = List.copyOf(artifacts);
    }
}
