package org.mistudio.dsp.epoch;

/**
 * An event that gave no epoch, and why.
 *
 * @param onset  the event's onset in seconds
 * @param label  the event's label
 * @param reason e.g. "window [-0.5, 4.0] s runs past the end of the recording (250.0 s)"
 */
public record DroppedEpoch(double onset, String label, String reason) {
}
