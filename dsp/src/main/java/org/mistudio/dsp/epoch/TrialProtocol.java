package org.mistudio.dsp.epoch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.filter.fir.FirFilter;

/**
 * From runs to trials as MNE-Python's motor-imagery CSP example (examples/decoding/decoding_csp_eeg.py, MNE 1.3):
 * EEG channels only; each run band-passed on its own with MNE's default FIR ({@link FirFilter#bandPass}, as
 * {@code raw.filter(l, h, skip_by_annotation='edge')} after {@code concatenate_raws}); runs joined
 * ({@link Concatenation}); epochs {@code [tmin, tmax]} around each cue, dropped where they overlap a joint or
 * leave the data; then cropped to {@code [cropMin, cropMax]}.
 *
 * @param classes annotation label to class label (e.g. T1 -> T1)
 * @param lFreq   band-pass lower edge, Hz (NaN: no filtering)
 * @param hFreq   band-pass upper edge, Hz
 * @param tmin    epoch start relative to the cue, s
 * @param tmax    epoch end, s
 * @param cropMin kept window start, s
 * @param cropMax kept window end, s
 */
public record TrialProtocol(Map<String, String> classes, double lFreq, double hFreq, double tmin, double tmax,
                            double cropMin, double cropMax) {

    public TrialProtocol {
        classes = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(classes, "classes")));
        if (!(cropMin >= tmin && cropMax <= tmax && cropMax > cropMin)) {
            throw new IllegalArgumentException("trial protocol: crop [" + cropMin + ", " + cropMax
                    + "] s must lie inside the epoch [" + tmin + ", " + tmax + "] s");
        }
    }

    /** MNE's example: 7-30 Hz, epochs -1 to 4 s cropped to 1-2 s. */
    public static TrialProtocol mneCspExample(List<String> labels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : labels) {
            m.put(l, l);
        }
        return new TrialProtocol(m, 7, 30, -1, 4, 1, 2);
    }

    public TrialProtocol withCrop(double from, double to) {
        return new TrialProtocol(classes, lFreq, hFreq, tmin, tmax, from, to);
    }

    /** Filters, joins, epochs and crops; the result's dropped list names every event that gave no trial. */
    public EpochingResult apply(List<Recording> runs) {
        List<Recording> filtered = new ArrayList<>();
        for (Recording run : runs) {
            Recording eeg = run.selectType(ChannelType.EEG);
            if (eeg.channelCount() == 0) {
                throw new IllegalArgumentException("the recording has no EEG channels; channels are " + run.labels());
            }
            filtered.add(Double.isNaN(lFreq) ? eeg : FirFilter.bandPass(eeg.samplingRate(), lFreq, hFreq).apply(eeg));
        }
        Recording joined = Concatenation.concatenate(filtered);
        EpochingResult cut = new Epocher(classes, tmin, tmax, null).apply(joined, true);
        if (cut.epochs().trialCount() == 0) {
            throw new IllegalArgumentException("no trial of the classes " + classes.keySet() + " in the recording"
                    + (cut.dropped().isEmpty() ? "" : "; dropped: " + cut.dropped().get(0).reason()));
        }
        return new EpochingResult(Epocher.crop(cut.epochs(), cropMin, cropMax), cut.dropped());
    }
}
