package org.mistudio.dsp.artifact.faster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.acquisition.montage.Position;
import org.mistudio.dsp.artifact.ica.ExtendedInfomax;
import org.mistudio.dsp.artifact.ica.FastIca;
import org.mistudio.dsp.artifact.ica.Ica;
import org.mistudio.dsp.artifact.ica.IcaModel;
import org.mistudio.dsp.artifact.interpolation.SphericalSpline;

/**
 * FASTER, stages 1-4 in the paper's order (Nolan, Whelan and Reilly 2010, J Neurosci Methods 192:152-162): bad
 * channels interpolated with spherical splines (Perrin et al. 1989) in every epoch; bad epochs removed; with
 * {@link FasterConfig#averageReference()}, the EEG re-referenced to its average as FASTER's EEGLAB pipeline does at
 * this point; ICA (FastICA, Hyvärinen 1999, or extended Infomax as EEGLAB's runica; at most the data's rank, so
 * interpolated channels reduce the dimension) with bad components subtracted; outlying channels of each epoch
 * interpolated in that epoch only. EEG channels are scored; EOG channels serve stage 3. The input is not modified.
 * Stage 5 (subjects) is {@link FasterStages#badSubjects}, over several runs' results.
 */
public final class Faster {

    private final FasterConfig config;
    private final Montage montage;
    /** FASTER's EEGLAB plugin: ICA components = floor(sqrt(samples / k)) with this k. */
    static final double ICA_SAMPLES_PER_WEIGHT = 25;
    static final int MIN_FIT_SAMPLES = 5000;
    static final int FIT_SAMPLES_PER_WEIGHT = 10;
    static final int ICA_ITERATIONS = 100;
    /** runica's default maximum number of passes. */
    static final int INFOMAX_STEPS = 512;

    private final SphericalSpline spline = SphericalSpline.mne();

    public Faster(FasterConfig config, Montage montage) {
        this.config = config;
        this.montage = montage;
    }

    public FasterResult run(Epochs epochs) {
        List<ChannelInfo> chs = epochs.channels();
        List<Integer> eegList = new ArrayList<>();
        List<Integer> eogList = new ArrayList<>();
        for (int c = 0; c < chs.size(); c++) {
            if (chs.get(c).type() == ChannelType.EEG) {
                eegList.add(c);
            } else if (chs.get(c).type() == ChannelType.EOG) {
                eogList.add(c);
            }
        }
        if (eegList.size() < 4) {
            throw new IllegalArgumentException("FASTER needs at least 4 EEG channels, got " + eegList.size());
        }
        if (epochs.trialCount() < 3) {
            throw new IllegalArgumentException("FASTER needs at least 3 epochs, got " + epochs.trialCount());
        }
        int[] eeg = eegList.stream().mapToInt(Integer::intValue).toArray();
        List<String> eegLabels = new ArrayList<>();
        for (int c : eeg) {
            eegLabels.add(chs.get(c).label());
        }
        List<Position> pos = montage.positions(eegLabels);
        double[] refAngles = null;
        if (config.referenceChannel().isPresent()) {
            String ref = config.referenceChannel().get();
            Position r = montage.position(ref).orElseThrow(() -> new IllegalArgumentException(
                    "FASTER: montage '" + montage.name() + "' has no position for reference channel '" + ref + "'"));
            refAngles = new double[eeg.length];
            for (int i = 0; i < eeg.length; i++) {
                refAngles[i] = pos.get(i).angle(r);
            }
        }
        Map<String, Long> millis = new LinkedHashMap<>();
        Map<String, double[][]> splines = new java.util.HashMap<>();
        float[][][] data = copy(epochs.data());
        double fs = epochs.samplingRate();

        // Stage 1
        long t0 = System.nanoTime();
        Optional<StageReport> s1 = Optional.empty();
        List<String> interpolated = new ArrayList<>();
        boolean[] badChannel = new boolean[eeg.length];
        if (config.stages().contains(1)) {
            StageReport r = FasterStages.badChannels(data, eeg, eegLabels, refAngles, config);
            s1 = Optional.of(r);
            for (int b : r.bad()) {
                badChannel[b] = true;
                interpolated.add(eegLabels.get(b));
            }
            if (r.bad().length > 0) {
                if (r.bad().length > eeg.length - 3) {
                    throw new IllegalArgumentException("FASTER: " + r.bad().length + " of " + eeg.length
                            + " channels are bad; too few left to interpolate from");
                }
                for (float[][] trial : data) {
                    interpolate(trial, eeg, pos, badChannel, splines);
                }
            }
        }
        millis.put("stage1", (System.nanoTime() - t0) / 1_000_000);

        // Stage 2 (scores the good channels only)
        t0 = System.nanoTime();
        int[] goodRows = select(eeg, badChannel, false);
        Optional<StageReport> s2 = Optional.empty();
        List<Integer> kept = new ArrayList<>();
        for (int t = 0; t < data.length; t++) {
            kept.add(t);
        }
        if (config.stages().contains(2)) {
            StageReport r = FasterStages.badEpochs(data, goodRows, config);
            s2 = Optional.of(r);
            for (int b : r.bad()) {
                kept.remove(Integer.valueOf(b));
            }
            float[][][] k = new float[kept.size()][][];
            for (int i = 0; i < k.length; i++) {
                k[i] = data[kept.get(i)];
            }
            data = k;
        }
        millis.put("stage2", (System.nanoTime() - t0) / 1_000_000);

        if (config.averageReference()) {
            for (float[][] trial : data) {
                averageReference(trial, eeg);
            }
        }

        // Stage 3
        t0 = System.nanoTime();
        Optional<StageReport> s3 = Optional.empty();
        Optional<IcaModel> ica = Optional.empty();
        if (config.stages().contains(3) && data.length > 0) {
            int s = data[0][0].length;
            double[][] x = concatenateDouble(data, eeg);
            // FASTER's EEGLAB plugin runs runica with 'pca' = floor(sqrt(samples / k)), k = 25 (at least k samples
            // per unmixing weight), never above the rank left after interpolation. The fit uses a regular subsample of
            // 10 k^2 points and at most 100 iterations: the artifact components (blinks, EMG, pops) are far from
            // Gaussian and converge in a few tens of iterations; near-Gaussian background components never do, and
            // were most of the time (200 iterations on all points: 1.6-2.6 s for 22 channels).
            // FASTER_process: num_pca <= channels - interpolated - 1 (the average reference removes one dimension).
            int rank = eeg.length - interpolated.size() - (config.averageReference() ? 1 : 0);
            int k = Math.max(2, Math.min(rank, (int) Math.sqrt(x[0].length / ICA_SAMPLES_PER_WEIGHT)));
            int fitSamples = (int) Math.min(x[0].length, Math.max(MIN_FIT_SAMPLES, FIT_SAMPLES_PER_WEIGHT * k * k));
            // Extended Infomax fits on every sample, as runica does (FASTER's original, and slow); FastICA on the
            // subsample.
            Ica method = config.ica() == IcaMethod.INFOMAX ? new ExtendedInfomax(k, INFOMAX_STEPS, 0, config.seed())
                    : new FastIca(k, ICA_ITERATIONS, 1e-4, fitSamples, config.seed());
            IcaModel model = method.fit(x);
            ica = Optional.of(model);
            double[][] sources = model.sources(x);
            int[] eogRows = eogList.stream().mapToInt(Integer::intValue).toArray();
            double[][] eogX = concatenateDouble(data, eogRows);
            StageReport r = FasterStages.badComponents(model, sources, eogX, fs, config);
            s3 = Optional.of(r);
            ica = Optional.of(model);
            if (r.bad().length > 0) {
                double[][] clean = model.remove(x, sources, r.bad());
                for (int t = 0; t < data.length; t++) {
                    for (int i = 0; i < eeg.length; i++) {
                        float[] row = new float[s];
                        for (int j = 0; j < s; j++) {
                            row[j] = (float) clean[i][t * s + j];
                        }
                        data[t][eeg[i]] = row;
                    }
                }
            }
        }
        millis.put("stage3", (System.nanoTime() - t0) / 1_000_000);

        // Stage 4
        t0 = System.nanoTime();
        List<StageReport> s4 = List.of();
        if (config.stages().contains(4) && data.length > 0) {
            double[] goodAngles = null;
            if (refAngles != null) {
                goodAngles = new double[goodRows.length];
                for (int i = 0, j = 0; i < eeg.length; i++) {
                    if (!badChannel[i]) {
                        goodAngles[j++] = refAngles[i];
                    }
                }
            }
            List<String> goodLabels = new ArrayList<>();
            for (int i = 0; i < eeg.length; i++) {
                if (!badChannel[i]) {
                    goodLabels.add(eegLabels.get(i));
                }
            }
            s4 = FasterStages.channelsInEpochs(data, goodRows, goodLabels, goodAngles, config);
            for (int t = 0; t < data.length; t++) {
                int[] bad = s4.get(t).bad();
                if (bad.length == 0 || bad.length > goodRows.length - 3) {
                    continue;
                }
                boolean[] mask = new boolean[eeg.length];
                for (int b : bad) {
                    mask[indexOf(eeg, goodRows[b])] = true;
                }
                interpolate(data[t], eeg, pos, mask, splines);
            }
        }
        millis.put("stage4", (System.nanoTime() - t0) / 1_000_000);

        if (config.averageReference()) {
            for (float[][] trial : data) {
                averageReference(trial, eeg);
            }
        }

        List<String> labels = new ArrayList<>();
        for (int t : kept) {
            labels.add(epochs.labels().get(t));
        }
        Epochs cleaned = new Epochs(data, labels, fs, chs, epochs.tmin());
        return new FasterResult(cleaned, s1, s2, s3, s4, kept.stream().mapToInt(Integer::intValue).toArray(),
                interpolated, millis, eegLabels, ica);
    }

    private void interpolate(float[][] trial, int[] eeg, List<Position> pos, boolean[] bad,
                             Map<String, double[][]> splineCache) {
        List<Integer> goodRows = new ArrayList<>();
        List<Integer> badRows = new ArrayList<>();
        List<Position> gp = new ArrayList<>();
        List<Position> bp = new ArrayList<>();
        for (int i = 0; i < eeg.length; i++) {
            if (bad[i]) {
                badRows.add(eeg[i]);
                bp.add(pos.get(i));
            } else {
                goodRows.add(eeg[i]);
                gp.add(pos.get(i));
            }
        }
        // One spline matrix per set of bad channels (stage 1: one for all epochs; stage 4: few distinct sets).
        double[][] w = splineCache.computeIfAbsent(java.util.Arrays.toString(bad),
                key -> spline.matrix(gp, bp, new Position(0, 0, 0)));
        int n = trial[eeg[0]].length;
        double[] acc = new double[n];
        for (int b = 0; b < badRows.size(); b++) {
            java.util.Arrays.fill(acc, 0);
            for (int j = 0; j < goodRows.size(); j++) {
                double wj = w[b][j];
                float[] src = trial[goodRows.get(j)];
                for (int i = 0; i < n; i++) {
                    acc[i] += wj * src[i];
                }
            }
            float[] row = new float[n];
            for (int i = 0; i < n; i++) {
                row[i] = (float) acc[i];
            }
            trial[badRows.get(b)] = row;
        }
    }

    /** Subtracts the mean over the EEG rows at every sample (new rows; the input's rows are shared). */
    static void averageReference(float[][] trial, int[] eeg) {
        int n = trial[eeg[0]].length;
        double[] mean = new double[n];
        for (int c : eeg) {
            float[] x = trial[c];
            for (int i = 0; i < n; i++) {
                mean[i] += x[i];
            }
        }
        for (int c : eeg) {
            float[] x = trial[c];
            float[] row = new float[n];
            for (int i = 0; i < n; i++) {
                row[i] = (float) (x[i] - mean[i] / eeg.length);
            }
            trial[c] = row;
        }
    }

    private static double[][] concatenateDouble(float[][][] data, int[] rows) {
        int s = data[0][0].length;
        double[][] out = new double[rows.length][data.length * s];
        for (int t = 0; t < data.length; t++) {
            for (int i = 0; i < rows.length; i++) {
                float[] src = data[t][rows[i]];
                double[] dst = out[i];
                int o = t * s;
                for (int j = 0; j < s; j++) {
                    dst[o + j] = src[j];
                }
            }
        }
        return out;
    }

    private static int[] select(int[] rows, boolean[] mask, boolean want) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (mask[i] == want) {
                out.add(rows[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new IllegalStateException("row " + v + " not found");
    }

    private static float[][][] copy(float[][][] d) {
        float[][][] out = new float[d.length][][];
        for (int t = 0; t < d.length; t++) {
            out[t] = d[t].clone();
        }
        return out;
    }
}
