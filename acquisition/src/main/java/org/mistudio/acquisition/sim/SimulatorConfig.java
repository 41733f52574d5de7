package org.mistudio.acquisition.sim;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What to simulate. The Graz timing defaults follow BCI Competition IV 2a (Brunner et al. 2008): a fixation cross
 * 2 s before the cue, motor imagery for 4 s from the cue, then a rest of random length.
 *
 * @param channels        EEG channel labels, each a 10-05 position
 * @param eog             whether to add the three EOG channels of dataset 2a
 * @param samplingRate    Hz
 * @param trialsPerClass  trials of each class, in a shuffled order
 * @param classes         the cued classes
 * @param erdStrength     fraction of sensorimotor mu/beta power that the contralateral source loses during
 *                        imagery (0 = no effect; typical ERD magnitudes are 20-50 %, Pfurtscheller and Lopes da
 *                        Silva 1999, Clin Neurophysiol 110:1842-1857)
 * @param fixationSeconds fixation before the cue
 * @param imagerySeconds  imagery from the cue
 * @param restMinSeconds  shortest rest after imagery
 * @param restMaxSeconds  longest rest after imagery
 * @param seed            random seed: the same configuration gives the same samples, bit for bit
 * @param artifacts       artifacts to inject
 * @param start           the recording's start time
 */
public record SimulatorConfig(List<String> channels, boolean eog, double samplingRate, int trialsPerClass,
                              List<MiClass> classes, double erdStrength, double fixationSeconds,
                              double imagerySeconds, double restMinSeconds, double restMaxSeconds, long seed,
                              ArtifactConfig artifacts, LocalDateTime start) {

    public SimulatorConfig {
        channels = List.copyOf(channels);
        classes = List.copyOf(classes);
        Objects.requireNonNull(artifacts, "artifacts");
        Objects.requireNonNull(start, "start");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("simulator: no channels");
        }
        if (!Double.isFinite(samplingRate) || samplingRate < 64) {
            throw new IllegalArgumentException("simulator: sampling rate must be at least 64 Hz to hold the beta "
                    + "band and muscle activity, got " + samplingRate);
        }
        if (trialsPerClass < 1) {
            throw new IllegalArgumentException("simulator: trials per class must be >= 1, got " + trialsPerClass);
        }
        if (classes.isEmpty() || classes.size() != classes.stream().distinct().count()) {
            throw new IllegalArgumentException("simulator: classes must be distinct and non-empty, got " + classes);
        }
        if (!(erdStrength >= 0 && erdStrength < 1)) {
            throw new IllegalArgumentException("simulator: ERD strength must be in [0, 1), got " + erdStrength);
        }
        if (!(fixationSeconds >= 0) || !(imagerySeconds > 0) || !(restMinSeconds >= 0)
                || !(restMaxSeconds >= restMinSeconds)) {
            throw new IllegalArgumentException("simulator: timing must satisfy fixation >= 0, imagery > 0, "
                    + "0 <= rest min <= rest max; got fixation " + fixationSeconds + ", imagery " + imagerySeconds
                    + ", rest " + restMinSeconds + "-" + restMaxSeconds);
        }
    }

    /** Dataset 2a's layout and timing: 22 EEG + 3 EOG at 250 Hz, left and right hand, clean signals. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(ChannelSets.BCI_IV_2A, true, 250, 20,
                List.of(MiClass.LEFT_HAND, MiClass.RIGHT_HAND), 0.5, 2, 4, 1.5, 3.5, 42, ArtifactConfig.none(),
                LocalDateTime.of(2026, 1, 1, 9, 0, 0));
    }

    public SimulatorConfig withChannels(List<String> newChannels) {
        return new SimulatorConfig(newChannels, eog, samplingRate, trialsPerClass, classes, erdStrength,
                fixationSeconds, imagerySeconds, restMinSeconds, restMaxSeconds, seed, artifacts, start);
    }

    public SimulatorConfig withEog(boolean newEog) {
        return new SimulatorConfig(channels, newEog, samplingRate, trialsPerClass, classes, erdStrength,
                fixationSeconds, imagerySeconds, restMinSeconds, restMaxSeconds, seed, artifacts, start);
    }

    public SimulatorConfig withSamplingRate(double rate) {
        return new SimulatorConfig(channels, eog, rate, trialsPerClass, classes, erdStrength, fixationSeconds,
                imagerySeconds, restMinSeconds, restMaxSeconds, seed, artifacts, start);
    }

    public SimulatorConfig withTrialsPerClass(int trials) {
        return new SimulatorConfig(channels, eog, samplingRate, trials, classes, erdStrength, fixationSeconds,
                imagerySeconds, restMinSeconds, restMaxSeconds, seed, artifacts, start);
    }

    public SimulatorConfig withClasses(List<MiClass> newClasses) {
        return new SimulatorConfig(channels, eog, samplingRate, trialsPerClass, newClasses, erdStrength,
                fixationSeconds, imagerySeconds, restMinSeconds, restMaxSeconds, seed, artifacts, start);
    }

    public SimulatorConfig withErdStrength(double strength) {
        return new SimulatorConfig(channels, eog, samplingRate, trialsPerClass, classes, strength, fixationSeconds,
                imagerySeconds, restMinSeconds, restMaxSeconds, seed, artifacts, start);
    }

    public SimulatorConfig withSeed(long newSeed) {
        return new SimulatorConfig(channels, eog, samplingRate, trialsPerClass, classes, erdStrength,
                fixationSeconds, imagerySeconds, restMinSeconds, restMaxSeconds, newSeed, artifacts, start);
    }

    public SimulatorConfig withArtifacts(ArtifactConfig newArtifacts) {
        return new SimulatorConfig(channels, eog, samplingRate, trialsPerClass, classes, erdStrength,
                fixationSeconds, imagerySeconds, restMinSeconds, restMaxSeconds, seed, newArtifacts, start);
    }
}
