package org.mistudio.dsp.artifact.ica;

/** An ICA algorithm: fits an unmixing of {@code x[channel][sample]}. */
public interface Ica {

    IcaModel fit(double[][] x);
}
