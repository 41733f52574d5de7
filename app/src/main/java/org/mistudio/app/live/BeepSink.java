package org.mistudio.app.live;

/**
 * Where a live session's beep goes: called on the session's thread when a beep stimulation of its own protocol
 * (OpenViBE's {@code OVTK_StimulationId_Beep}, 33282) is given, at the same moment its marker is sent: once per
 * trial, and, as in OpenViBE, at the baseline block's start and end when the protocol has one (trial -1). An implementation must
 * return at once (the session decodes on that thread); {@link TonePlayer} plays the tone on a thread of its own.
 */
@FunctionalInterface
public interface BeepSink {

    /**
     * @param time  the beep's stream time (seconds on the recording's axis), as its marker is stamped
     * @param trial the trial, from 0
     */
    void beep(double time, int trial);
}
