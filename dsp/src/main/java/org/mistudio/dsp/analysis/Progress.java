package org.mistudio.dsp.analysis;

/**
 * Where long work stands, for a progress bar. The work calls it between steps; throwing from it (a
 * {@link java.util.concurrent.CancellationException}, say) stops the work there, which is how callers cancel.
 */
@FunctionalInterface
public interface Progress {

    /** Nobody listens. */
    Progress NONE = (stage, fraction) -> { };

    /** @param fraction of the whole work done, 0 to 1, never decreasing */
    void update(String stage, double fraction);
}
