package org.mistudio.dsp.evaluation;

import java.util.List;

/** A cross-validation scheme. */
@FunctionalInterface
public interface Splitter {

    /** The splits for trials with labels {@code y} (only the length matters to unstratified splitters). */
    List<Split> split(int[] y);
}
