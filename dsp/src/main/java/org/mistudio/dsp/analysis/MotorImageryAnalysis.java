package org.mistudio.dsp.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.epoch.EpochingResult;
import org.mistudio.dsp.spectrum.Spectrum;
import org.mistudio.dsp.spectrum.Welch;
import org.mistudio.dsp.stats.SignedR2;

/**
 * The first look at a motor-imagery recording: per-class spectra of the EEG during imagery, band power in mu and
 * beta, the signed r² between the two first classes, and whether the mu rhythm desynchronises over the hemisphere
 * contralateral to the imagined hand.
 */
public final class MotorImageryAnalysis {

    private MotorImageryAnalysis() {
    }

    public static AnalysisResult run(Recording recording, AnalysisSettings settings) {
        Recording eeg = recording.selectType(ChannelType.EEG);
        if (eeg.channelCount() == 0) {
            throw new IllegalArgumentException("the recording has no EEG channels; channels are "
                    + recording.labels());
        }
        double fs = eeg.samplingRate();
        EpochingResult cut = new Epocher(settings.classes(), settings.tmin(), settings.tmax(), null).apply(eeg);
        Epochs epochs = cut.epochs();
        List<String> classes = settings.classNames();
        Map<String, Integer> trials = new LinkedHashMap<>();
        for (String c : classes) {
            trials.put(c, 0);
        }
        for (String l : epochs.labels()) {
            trials.merge(l, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : trials.entrySet()) {
            if (e.getValue() == 0) {
                throw new IllegalArgumentException("no trial of class '" + e.getKey() + "': the recording's "
                        + "annotations are " + distinctLabels(recording));
            }
        }

        int segment = (int) Math.round(settings.segmentSeconds() * fs);
        Welch welch = Welch.of(segment);
        int channels = eeg.channelCount();
        int bins = segment / 2 + 1;
        double[] frequencies = null;
        // Per trial and channel: the spectrum, then band powers from it.
        double[][][] psd = new double[epochs.trialCount()][channels][];
        for (int t = 0; t < epochs.trialCount(); t++) {
            for (int c = 0; c < channels; c++) {
                Spectrum s = welch.estimate(epochs.data()[t][c], fs);
                psd[t][c] = s.power();
                frequencies = s.frequencies();
            }
        }
        double[][][] meanPsd = new double[classes.size()][channels][bins];
        for (int t = 0; t < epochs.trialCount(); t++) {
            int k = classes.indexOf(epochs.labels().get(t));
            for (int c = 0; c < channels; c++) {
                for (int f = 0; f < bins; f++) {
                    meanPsd[k][c][f] += psd[t][c][f] / trials.get(classes.get(k));
                }
            }
        }

        List<ClassBandPower> bands = new ArrayList<>();
        for (Band band : settings.bands()) {
            double[][] logPower = new double[epochs.trialCount()][channels];
            for (int t = 0; t < epochs.trialCount(); t++) {
                for (int c = 0; c < channels; c++) {
                    logPower[t][c] = 10 * Math.log10(new Spectrum(frequencies, psd[t][c])
                            .bandPower(band.low(), band.high()));
                }
            }
            double[][] meanDb = new double[classes.size()][channels];
            for (int t = 0; t < epochs.trialCount(); t++) {
                int k = classes.indexOf(epochs.labels().get(t));
                for (int c = 0; c < channels; c++) {
                    meanDb[k][c] += logPower[t][c] / trials.get(classes.get(k));
                }
            }
            double[] r2 = new double[classes.size() >= 2 ? channels : 0];
            for (int c = 0; c < r2.length; c++) {
                r2[c] = SignedR2.of(values(logPower, epochs.labels(), classes.get(0), c),
                        values(logPower, epochs.labels(), classes.get(1), c));
            }
            bands.add(new ClassBandPower(band, meanDb, r2));
        }

        Optional<Lateralization> lateralization = Optional.empty();
        int left = classes.indexOf("left_hand");
        int right = classes.indexOf("right_hand");
        int c3 = eeg.indexOf("C3");
        int c4 = eeg.indexOf("C4");
        Optional<ClassBandPower> mu = bands.stream().filter(b -> b.band().equals(Band.MU)).findFirst();
        if (left >= 0 && right >= 0 && c3 >= 0 && c4 >= 0 && mu.isPresent()) {
            double[][] m = mu.get().meanDb();
            lateralization = Optional.of(new Lateralization(m[right][c3] - m[left][c3], m[right][c4] - m[left][c4]));
        }
        return new AnalysisResult(eeg.labels(), fs, eeg.duration(), classes, trials, cut.dropped(), frequencies,
                meanPsd, bands, lateralization);
    }

    private static double[] values(double[][] logPower, List<String> labels, String cls, int channel) {
        return java.util.stream.IntStream.range(0, labels.size()).filter(t -> labels.get(t).equals(cls))
                .mapToDouble(t -> logPower[t][channel]).toArray();
    }

    private static List<String> distinctLabels(Recording recording) {
        return recording.annotations().stream().map(a -> a.label()).distinct().sorted().toList();
    }
}
