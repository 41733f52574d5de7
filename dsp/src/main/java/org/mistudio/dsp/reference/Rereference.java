package org.mistudio.dsp.reference;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;

/**
 * Re-referencing of EEG channels. Only EEG channels are changed and only EEG channels enter the reference; EOG,
 * EMG, stim and misc channels pass through untouched (as MNE-Python's {@code set_eeg_reference} does).
 */
public final class Rereference {

    private Rereference() {
    }

    /** Common average reference: each EEG channel minus the mean of all EEG channels at that sample. */
    public static Recording average(Recording recording) {
        return toMeanOf(recording, eegIndices(recording), "average");
    }

    /** Reference to one channel (e.g. {@code Cz}); that channel becomes zero. */
    public static Recording toChannel(Recording recording, String channel) {
        return toChannels(recording, List.of(channel));
    }

    /** Reference to the mean of a set of channels (e.g. linked mastoids {@code M1, M2}). */
    public static Recording toChannels(Recording recording, List<String> channels) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("reference: no reference channel given");
        }
        List<Integer> idx = new ArrayList<>();
        for (String c : channels) {
            int i = recording.indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException("reference channel '" + c + "' is not in the recording; channels "
                        + "are " + recording.labels());
            }
            idx.add(i);
        }
        return toMeanOf(recording, idx, String.join("+", channels));
    }

    private static List<Integer> eegIndices(Recording recording) {
        List<Integer> idx = new ArrayList<>();
        for (int c = 0; c < recording.channelCount(); c++) {
            if (recording.channels().get(c).type() == ChannelType.EEG) {
                idx.add(c);
            }
        }
        if (idx.isEmpty()) {
            throw new IllegalArgumentException("reference: the recording has no EEG channel");
        }
        return idx;
    }

    private static Recording toMeanOf(Recording recording, List<Integer> reference, String name) {
        int n = recording.sampleCount();
        float[][] x = recording.samples();
        double[] ref = new double[n];
        for (int c : reference) {
            float[] row = x[c];
            for (int i = 0; i < n; i++) {
                ref[i] += row[i];
            }
        }
        for (int i = 0; i < n; i++) {
            ref[i] /= reference.size();
        }
        float[][] out = new float[x.length][];
        for (int c = 0; c < x.length; c++) {
            if (recording.channels().get(c).type() != ChannelType.EEG) {
                out[c] = x[c];
                continue;
            }
            float[] row = x[c];
            float[] o = new float[n];
            for (int i = 0; i < n; i++) {
                o[i] = (float) (row[i] - ref[i]);
            }
            out[c] = o;
        }
        return new Recording(recording.channels(), out, recording.start(), recording.annotations());
    }
}
