package org.mistudio.dsp.analysis;

/**
 * Band power of one band for every class and channel.
 *
 * @param band      the band
 * @param meanDb    {@code [class][channel]} the class mean of 10 log10(band power) over trials
 * @param signedR2  {@code [channel]} signed r² of the log band power between the first two classes (positive when
 *                  the second class has more power); empty with fewer than two classes
 */
public record ClassBandPower(Band band, double[][] meanDb, double[] signedR2) {
}
