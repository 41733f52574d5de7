package org.mistudio.dsp.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.acquisition.montage.Position;

/**
 * Hjorth's surface Laplacian (Hjorth 1975, Electroencephalogr Clin Neurophysiol 39:526-530): each EEG channel minus
 * the mean of its nearest neighbours on the montage. For motor imagery it sharpens the C3/C4 mu rhythm against
 * the widespread background (McFarland et al. 1997, Electroencephalogr Clin Neurophysiol 103:386-394).
 *
 * @param montage    sensor positions
 * @param neighbours how many nearest EEG channels form each channel's surround (4 = the classic cross)
 * @param maxAngle   neighbours farther than this angle (radians on the head sphere) are not used, so edge
 *                   channels are not referenced to distant ones
 */
public record SurfaceLaplacian(Montage montage, int neighbours, double maxAngle) {

    public SurfaceLaplacian {
        if (neighbours < 1) {
            throw new IllegalArgumentException("Laplacian: neighbours must be >= 1, got " + neighbours);
        }
        if (!(maxAngle > 0)) {
            throw new IllegalArgumentException("Laplacian: maximum neighbour angle must be > 0, got " + maxAngle);
        }
    }

    /** The four nearest channels within 40 degrees on the standard 10-05 positions. */
    public static SurfaceLaplacian standard() {
        return new SurfaceLaplacian(Montage.standard1005(), 4, Math.toRadians(40));
    }

    /** {@code [channel][k]}: the indices of each EEG channel's neighbours (empty for non-EEG channels). */
    public int[][] neighbourIndices(Recording recording) {
        List<Integer> eeg = new ArrayList<>();
        for (int c = 0; c < recording.channelCount(); c++) {
            if (recording.channels().get(c).type() == ChannelType.EEG) {
                eeg.add(c);
            }
        }
        List<String> labels = eeg.stream().map(c -> recording.channels().get(c).label()).toList();
        List<Position> pos = montage.positions(labels);
        int[][] out = new int[recording.channelCount()][0];
        for (int a = 0; a < eeg.size(); a++) {
            final int self = a;
            Integer[] order = new Integer[eeg.size()];
            for (int b = 0; b < order.length; b++) {
                order[b] = b;
            }
            Arrays.sort(order, (p, q) -> Double.compare(pos.get(self).angle(pos.get(p)), pos.get(self).angle(pos.get(q))));
            List<Integer> chosen = new ArrayList<>();
            for (int b : order) {
                if (b != self && chosen.size() < neighbours && pos.get(self).angle(pos.get(b)) <= maxAngle) {
                    chosen.add(eeg.get(b));
                }
            }
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException("Laplacian: channel '" + labels.get(a) + "' has no neighbour within "
                        + Math.toDegrees(maxAngle) + " degrees");
            }
            out[eeg.get(a)] = chosen.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    public Recording apply(Recording recording) {
        int[][] nb = neighbourIndices(recording);
        int n = recording.sampleCount();
        float[][] x = recording.samples();
        float[][] out = new float[x.length][];
        for (int c = 0; c < x.length; c++) {
            if (nb[c].length == 0) {
                out[c] = x[c];
                continue;
            }
            float[] o = new float[n];
            double w = 1.0 / nb[c].length;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k : nb[c]) {
                    s += x[k][i];
                }
                o[i] = (float) (x[c][i] - w * s);
            }
            out[c] = o;
        }
        return new Recording(recording.channels(), out, recording.start(), recording.annotations());
    }
}
