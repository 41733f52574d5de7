package org.mistudio.dsp.artifact.faster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.acquisition.montage.Position;
import org.mistudio.acquisition.sim.ArtifactConfig;
import org.mistudio.acquisition.sim.ArtifactEvent;
import org.mistudio.acquisition.sim.ArtifactType;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.Simulation;
import org.mistudio.dsp.artifact.ica.IcaModel;
import org.mistudio.dsp.artifact.interpolation.SphericalSpline;

/**
 * Scores a FASTER run against the simulator's ground truth, per artifact type, each at the level where FASTER acts
 * on it. The truth comes from a twin simulation with the same seed and no artifacts: the simulator draws the
 * artifacts after the brain signal, so recording minus twin is exactly the injected artifact signal.
 * <ul>
 *   <li>Bad channels (stage 1), per channel: the flat and the noisy channel are positives, the rest negatives.</li>
 *   <li>Blink components (stage 3), per ICA component: the component whose activation correlates best with the
 *       injected blink waveform (the blink part of the central EOG channel) is the recording's blink component (the
 *       blinks share one scalp map, a single source); one with |r| < {@link #NOT_BLINK_R} whose variance is mostly
 *       brain signal is a negative; components of other artifacts (muscle, pops, the bad channels' residue) or
 *       with part of the blink are neither.</li>
 *   <li>Muscle epochs (stage 2, or stages 3 and 4 where they repair it), per epoch: positive when the burst's
 *       energy inside the epoch on its worst channel is at least the brain signal's energy there
 *       ({@link #CONTAMINATED}: the artifact at least doubles the channel's power); negative when no muscle burst
 *       or pop reaches a tenth of it ({@link #CLEAN}). Found when the epoch is removed, a channel the burst reaches
 *       is interpolated in it, or the ICA took away at least half of the burst's energy there. A false alarm is a
 *       negative epoch removed by stage 2.</li>
 *   <li>Pops (stage 4, or 2 and 3), per channel within an epoch, with the same energy rule on the pop's channel.
 *       A false alarm is a negative channel-epoch interpolated by stage 4 (epoch removals are charged above).</li>
 * </ul>
 * Artifacts between a tenth and once the brain's energy are scored separately ("weak"), not hidden: they change a
 * channel's power by 10-100 %, which FASTER's |z| > 3 rule is not designed to see against the natural spread of
 * channel and epoch power.
 */
final class ArtifactScoring {

    static final double NOT_BLINK_R = 0.2;
    static final double CONTAMINATED = 1.0;
    static final double CLEAN = 0.1;
    static final double TMIN = 0;
    static final double TMAX = 4;

    /** Sensitivity and specificity counts. */
    record Confusion(int tp, int fn, int fp, int tn) {
        static final Confusion ZERO = new Confusion(0, 0, 0, 0);

        Confusion plus(Confusion o) {
            return new Confusion(tp + o.tp, fn + o.fn, fp + o.fp, tn + o.tn);
        }

        double sensitivity() {
            return tp / (double) (tp + fn);
        }

        double specificity() {
            return tn / (double) (tn + fp);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "sensitivity %.3f (%d/%d), specificity %.3f (%d/%d)", sensitivity(),
                    tp, tp + fn, specificity(), tn, tn + fp);
        }
    }

    /** Scores of one or more recordings. */
    record Scores(Confusion channels, Confusion blinks, Confusion muscle, Confusion pops, int weakMuscleFound,
                  int weakMuscle, int weakPopsFound, int weakPops) {
        static final Scores ZERO = new Scores(Confusion.ZERO, Confusion.ZERO, Confusion.ZERO, Confusion.ZERO, 0, 0,
                0, 0);

        Scores plus(Scores o) {
            return new Scores(channels.plus(o.channels), blinks.plus(o.blinks), muscle.plus(o.muscle),
                    pops.plus(o.pops), weakMuscleFound + o.weakMuscleFound, weakMuscle + o.weakMuscle,
                    weakPopsFound + o.weakPopsFound, weakPops + o.weakPops);
        }

        String table() {
            return String.format(Locale.ROOT, "  bad channels     %s%n  blink components %s%n  muscle epochs    %s"
                            + "%n  pops             %s%n  weak (0.1-1x brain energy): muscle %d/%d found, pops %d/%d found",
                    channels, blinks, muscle, pops, weakMuscleFound, weakMuscle, weakPopsFound, weakPops);
        }
    }

    private ArtifactScoring() {
    }

    /**
     * The artifacts of recording {@code seed}: 12 blinks, 3 muscle bursts and 3 pops a minute, one flat and one
     * noisy channel drawn from the seed.
     */
    static ArtifactConfig artifacts(long seed) {
        Random pick = new Random(seed);
        List<String> ch = ChannelSets.BCI_IV_2A;
        String flat = ch.get(pick.nextInt(ch.size()));
        String noisy;
        do {
            noisy = ch.get(pick.nextInt(ch.size()));
        } while (noisy.equals(flat));
        return new ArtifactConfig(12, 3, 3, Optional.of(flat), Optional.of(noisy));
    }

    static Scores score(long seed, FasterConfig config, boolean verbose) {
        Simulation sim = FasterSimulationTest.simulate(seed, artifacts(seed));
        Simulation twin = FasterSimulationTest.simulate(seed, ArtifactConfig.none());
        Epochs ep = FasterSimulationTest.epochs(sim);
        Epochs brain = FasterSimulationTest.epochs(twin);
        Montage montage = Montage.standard1005();
        FasterResult res = new Faster(config, montage).run(ep);
        List<String> labels = ep.channels().stream().map(c -> c.label()).toList();
        int eeg = ChannelSets.BCI_IV_2A.size();
        int eogCentral = labels.indexOf("EOG-central");
        double fs = ep.samplingRate();
        int n = ep.sampleCount();
        int trials = ep.trialCount();
        List<Double> cues = FasterSimulationTest.cues(sim);
        float[][][] art = new float[trials][ep.channelCount()][n];
        for (int t = 0; t < trials; t++) {
            for (int c = 0; c < ep.channelCount(); c++) {
                for (int i = 0; i < n; i++) {
                    art[t][c][i] = ep.data()[t][c][i] - brain.data()[t][c][i];
                }
            }
        }

        // Bad channels.
        Set<String> badTruth = new java.util.HashSet<>();
        for (ArtifactEvent a : sim.artifacts()) {
            if (a.type() == ArtifactType.FLAT_CHANNEL || a.type() == ArtifactType.NOISY_CHANNEL) {
                badTruth.addAll(a.channels());
            }
        }
        int ctp = 0;
        int cfn = 0;
        int cfp = 0;
        int ctn = 0;
        for (int c = 0; c < eeg; c++) {
            boolean truth = badTruth.contains(labels.get(c));
            boolean found = res.interpolated().contains(labels.get(c));
            ctp += truth && found ? 1 : 0;
            cfn += truth && !found ? 1 : 0;
            cfp += !truth && found ? 1 : 0;
            ctn += !truth && !found ? 1 : 0;
        }
        Confusion channels = new Confusion(ctp, cfn, cfp, ctn);

        // Blink components: activations of the ICA's input (stages 1-2 output) and of its brain and blink parts.
        Confusion blinks = Confusion.ZERO;
        if (res.ica().isPresent()) {
            IcaModel model = res.ica().get();
            int[] kept = res.keptEpochs();
            boolean[] bad = new boolean[eeg];
            for (int c = 0; c < eeg; c++) {
                bad[c] = res.interpolated().contains(labels.get(c));
            }
            double[][] x = concat(stage12(ep, kept, bad, labels, eeg, montage), eeg);
            double[][] b = concat(stage12(brain, kept, bad, labels, eeg, montage), eeg);
            double[] blinkWave = new double[kept.length * n];
            for (int k = 0; k < kept.length; k++) {
                for (int i = 0; i < n; i++) {
                    blinkWave[k * n + i] = art[kept[k]][eogCentral][i];
                }
            }
            double[][] s = model.sources(x);
            double[][] sb = model.sources(b);
            Set<Integer> flagged = new java.util.HashSet<>();
            for (int p : res.badComponents().orElseThrow().bad()) {
                flagged.add(p);
            }
            double[] r = new double[s.length];
            int best = 0;
            for (int p = 0; p < s.length; p++) {
                r[p] = Math.abs(FasterStages.correlation(s[p], blinkWave));
                best = r[p] > r[best] ? p : best;
            }
            int tp = 0;
            int fn = 0;
            int fp = 0;
            int tn = 0;
            for (int p = 0; p < s.length; p++) {
                double brainShare = variance(sb[p]) / variance(s[p]);
                boolean f = flagged.contains(p);
                if (p == best) {
                    tp += f ? 1 : 0;
                    fn += f ? 0 : 1;
                } else if (r[p] < NOT_BLINK_R && brainShare >= 0.5) {
                    fp += f ? 1 : 0;
                    tn += f ? 0 : 1;
                }
                if (verbose && (r[p] >= NOT_BLINK_R || f || brainShare < 0.5)) {
                    System.out.printf(Locale.ROOT, "  IC%d blink r %.2f brain share %.2f %s%n", p, r[p], brainShare,
                            f ? "FLAGGED " + res.badComponents().get().reasons(p) : "");
                }
            }
            blinks = new Confusion(tp, fn, fp, tn);
        }

        // Muscle epochs and pops.
        boolean[] removed = new boolean[trials];
        for (int b : res.badEpochs().orElseThrow().bad()) {
            removed[b] = true;
        }
        List<Set<String>> within = new ArrayList<>();
        int[] keptIndex = new int[trials];
        java.util.Arrays.fill(keptIndex, -1);
        for (int t = 0; t < trials; t++) {
            within.add(Set.of());
        }
        for (int k = 0; k < res.keptEpochs().length; k++) {
            keptIndex[res.keptEpochs()[k]] = k;
            within.set(res.keptEpochs()[k], Set.copyOf(res.channelsInEpochs().get(k).badItems()));
        }
        // What the cleaned epochs should equal where FASTER left no artifact: the brain signal through stage 1's
        // interpolation and, when configured, the average reference.
        boolean[] badRows = new boolean[eeg];
        for (int c = 0; c < eeg; c++) {
            badRows[c] = res.interpolated().contains(labels.get(c));
        }
        float[][][] target = stage12(brain, res.keptEpochs(), badRows, labels, eeg, montage);
        if (config.averageReference()) {
            for (float[][] trial : target) {
                Faster.averageReference(trial, java.util.stream.IntStream.range(0, eeg).toArray());
            }
        }
        int mtp = 0;
        int mfn = 0;
        int mfp = 0;
        int mtn = 0;
        int ptp = 0;
        int pfn = 0;
        int pfp = 0;
        int ptn = 0;
        int weakM = 0;
        int weakMF = 0;
        int weakP = 0;
        int weakPF = 0;
        for (int t = 0; t < trials; t++) {
            double start = cues.get(t) + TMIN;
            double[] brainEnergy = new double[eeg];
            for (int c = 0; c < eeg; c++) {
                brainEnergy[c] = variance(brain.data()[t][c]) * n;
            }
            double[] anyRatio = new double[eeg];
            double muscleRatio = 0;
            boolean muscleFound = false;
            for (ArtifactEvent a : sim.artifacts()) {
                if (a.type() != ArtifactType.MUSCLE && a.type() != ArtifactType.POP) {
                    continue;
                }
                // Pops decay as exp(-t / tau) with tau = duration / 3; the simulator stops them at 1e-3.
                double end = a.type() == ArtifactType.POP ? a.onset() + a.duration() / 3 * Math.log(1000)
                        : a.onset() + a.duration();
                int from = Math.max(0, (int) Math.floor((a.onset() - start) * fs));
                int to = Math.min(n, (int) Math.ceil((end - start) * fs) + 1);
                if (to <= from) {
                    continue;
                }
                double worst = 0;
                int worstCh = -1;
                for (String label : a.channels()) {
                    int c = labels.indexOf(label);
                    if (c < 0 || c >= eeg || badTruth.contains(label)) {
                        continue;
                    }
                    double e = 0;
                    for (int i = from; i < to; i++) {
                        e += art[t][c][i] * (double) art[t][c][i];
                    }
                    double ratio = e / brainEnergy[c];
                    anyRatio[c] = Math.max(anyRatio[c], ratio);
                    if (ratio > worst) {
                        worst = ratio;
                        worstCh = c;
                    }
                }
                if (worstCh < 0) {
                    continue;
                }
                // Found: epoch removed, an affected channel interpolated in it, or the ICA took half its energy.
                boolean found = removed[t];
                String how = found ? "removed" : "";
                if (!found) {
                    for (String label : a.channels()) {
                        if (within.get(t).contains(label)) {
                            found = true;
                            how = "interpolated " + label;
                        }
                    }
                }
                if (!found && keptIndex[t] >= 0) {
                    float[] cleaned = res.cleaned().data()[keptIndex[t]][worstCh];
                    double before = 0;
                    double after = 0;
                    for (int i = from; i < to; i++) {
                        double o = art[t][worstCh][i];
                        double r = cleaned[i] - target[keptIndex[t]][worstCh][i];
                        before += o * o;
                        after += r * r;
                    }
                    if (after < 0.5 * before) {
                        found = true;
                        how = String.format(Locale.ROOT, "ICA left %.0f %%", 100 * after / before);
                    }
                }
                if (a.type() == ArtifactType.MUSCLE) {
                    if (worst > muscleRatio) {
                        muscleRatio = worst;
                        muscleFound = found;
                    }
                } else if (worst >= CONTAMINATED) {
                    ptp += found ? 1 : 0;
                    pfn += found ? 0 : 1;
                } else if (worst >= CLEAN) {
                    weakP++;
                    weakPF += found ? 1 : 0;
                }
                if (verbose && worst >= CLEAN) {
                    System.out.printf(Locale.ROOT, "  epoch %2d %-6s on %-4s at %5.2f s: %6.2f x brain energy, %s%n",
                            t, a.type(), labels.get(worstCh), a.onset() - start, worst, found ? how : "MISSED");
                }
            }
            if (muscleRatio >= CONTAMINATED) {
                mtp += muscleFound ? 1 : 0;
                mfn += muscleFound ? 0 : 1;
            } else if (muscleRatio >= CLEAN) {
                weakM++;
                weakMF += muscleFound ? 1 : 0;
            }
            boolean cleanEpoch = true;
            for (int c = 0; c < eeg; c++) {
                cleanEpoch &= anyRatio[c] < CLEAN;
            }
            if (cleanEpoch) {
                mfp += removed[t] ? 1 : 0;
                mtn += removed[t] ? 0 : 1;
                if (verbose && removed[t]) {
                    System.out.printf(Locale.ROOT, "  epoch %2d clean but removed: %s%n", t,
                            res.badEpochs().get().reasons(t));
                }
            }
            if (!removed[t]) {
                for (int c = 0; c < eeg; c++) {
                    if (badTruth.contains(labels.get(c)) || anyRatio[c] >= CLEAN) {
                        continue;
                    }
                    boolean f = within.get(t).contains(labels.get(c));
                    pfp += f ? 1 : 0;
                    ptn += f ? 0 : 1;
                    if (verbose && f) {
                        System.out.printf(Locale.ROOT, "  epoch %2d %s clean but interpolated: %s%n", t,
                                labels.get(c), res.channelsInEpochs().get(keptIndex[t]).reasons(
                                        res.channelsInEpochs().get(keptIndex[t]).items().indexOf(labels.get(c))));
                    }
                }
            }
        }
        return new Scores(channels, blinks, new Confusion(mtp, mfn, mfp, mtn), new Confusion(ptp, pfn, pfp, ptn),
                weakMF, weakM, weakPF, weakP);
    }

    /** The input's kept epochs with the bad channels interpolated as stage 1 does (linear, so brain and artifact separate). */
    private static float[][][] stage12(Epochs ep, int[] kept, boolean[] bad, List<String> labels, int eeg,
                                       Montage montage) {
        List<Position> good = new ArrayList<>();
        List<Position> badPos = new ArrayList<>();
        List<Integer> goodRows = new ArrayList<>();
        List<Integer> badRows = new ArrayList<>();
        for (int c = 0; c < eeg; c++) {
            Position p = montage.position(labels.get(c)).orElseThrow();
            if (bad[c]) {
                badPos.add(p);
                badRows.add(c);
            } else {
                good.add(p);
                goodRows.add(c);
            }
        }
        double[][] w = badRows.isEmpty() ? new double[0][0]
                : SphericalSpline.mne().matrix(good, badPos, new Position(0, 0, 0));
        float[][][] out = new float[kept.length][][];
        for (int k = 0; k < kept.length; k++) {
            float[][] trial = ep.data()[kept[k]].clone();
            for (int b = 0; b < badRows.size(); b++) {
                float[] row = new float[ep.sampleCount()];
                for (int j = 0; j < goodRows.size(); j++) {
                    float[] src = trial[goodRows.get(j)];
                    for (int i = 0; i < row.length; i++) {
                        row[i] += (float) (w[b][j] * src[i]);
                    }
                }
                trial[badRows.get(b)] = row;
            }
            out[k] = trial;
        }
        return out;
    }

    private static double[][] concat(float[][][] d, int rows) {
        int n = d[0][0].length;
        double[][] out = new double[rows][d.length * n];
        for (int t = 0; t < d.length; t++) {
            for (int c = 0; c < rows; c++) {
                for (int i = 0; i < n; i++) {
                    out[c][t * n + i] = d[t][c][i];
                }
            }
        }
        return out;
    }

    private static double variance(float[] x) {
        return FasterMetrics.variance(x);
    }

    private static double variance(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }
}
