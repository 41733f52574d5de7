package org.mistudio.dsp.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mistudio.dsp.epoch.DroppedEpoch;

/**
 * What the motor-imagery analysis found.
 *
 * @param channels       the EEG channels analysed
 * @param samplingRate   Hz
 * @param duration       seconds of recording
 * @param classes        class names in order
 * @param trials         trials per class
 * @param dropped        events whose window ran outside the recording
 * @param frequencies    Welch bin centres, Hz
 * @param meanPsd        {@code [class][channel][frequency]} class-mean power spectral density, unit^2/Hz
 * @param bands          band power per class and channel
 * @param lateralization the C3/C4 check when both hands and both channels are present
 */
public record AnalysisResult(List<String> channels, double samplingRate, double duration, List<String> classes,
                             Map<String, Integer> trials, List<DroppedEpoch> dropped, double[] frequencies,
                             double[][][] meanPsd, List<ClassBandPower> bands,
                             Optional<Lateralization> lateralization) {
}
