package org.mistudio.acquisition.sim;

import java.util.List;

/**
 * Where the simulator put an artifact: the ground truth artifact-rejection methods are scored against.
 *
 * @param type     what was injected
 * @param channels the channels it affects noticeably
 * @param onset    seconds from the start of the recording
 * @param duration seconds
 */
public record ArtifactEvent(ArtifactType type, List<String> channels, double onset, double duration) {

    public ArtifactEvent {
        channels = List.copyOf(channels);
    }
}
