package org.mistudio.acquisition.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.acquisition.montage.Position;

/**
 * A motor-imagery EEG simulator with the Graz paradigm's timing.
 *
 * <p>Signal model, in microvolts, each part projected to the electrodes through a Gaussian fall-off with the
 * angle between the source and the electrode on the unit sphere (a crude but monotone stand-in for volume
 * conduction):
 * <ul>
 *   <li>1/f background: 24 spatially spread sources plus a local part per electrode, each a sum of first-order
 *       processes with octave-spaced corner frequencies and equal variance (a sum of Lorentzians of equal
 *       variance has a 1/f spectrum between the lowest and highest corner), plus 1 uV of white sensor noise.</li>
 *   <li>Rhythms as noise-driven resonators (narrow-band, with natural amplitude waxing and waning): a posterior
 *       alpha source near POz, and mu and beta sources over each hand area (C3, C4) and the feet area (Cz).</li>
 *   <li>Event-related desynchronisation: from 0.3 s to 1 s after the cue the power of the sources contralateral
 *       to the imagined hand (or of the midline source for the feet) falls by {@code erdStrength}, stays low
 *       until the end of imagery and recovers within 0.5 s; the beta source then rebounds above baseline for about
 *       a second (post-movement beta rebound; Pfurtscheller and Lopes da Silva 1999).</li>
 *   <li>Artifacts, when asked for, with their ground truth (see {@link ArtifactType}).</li>
 * </ul>
 * Deterministic: {@link java.util.Random}'s generator and Gaussian are specified by the Java platform and the
 * transcendental functions come from {@link StrictMath} (fdlibm), not CPU intrinsics, so a seed gives the same
 * samples, bit for bit, on every JVM.
 */
public final class MotorImagerySimulator {

    /** Lead-in before the first fixation cross, so the first trial has a rest period before it. */
    static final double LEAD_IN_SECONDS = 2.0;

    static final int BACKGROUND_SOURCES = 24;
    static final double BACKGROUND_SHARED_UV = 7.0;
    static final double BACKGROUND_LOCAL_UV = 4.0;
    static final double SENSOR_NOISE_UV = 1.0;
    static final double MU_UV = 7.0;
    static final double BETA_UV = 3.5;
    static final double ALPHA_UV = 9.0;
    static final double FEET_MU_UV = 4.0;
    /** Spread (radians) of the focal sensorimotor sources: C3 keeps about 2 % of the C4 source. */
    static final double FOCAL_SPREAD = 0.3;
    static final double ALPHA_SPREAD = 0.5;
    /** Spread (radians) of the background sources. */
    static final double BACKGROUND_SPREAD = 0.6;

    private MotorImagerySimulator() {
    }

    public static Simulation simulate(SimulatorConfig config) {
        Random random = new Random(config.seed());
        double fs = config.samplingRate();
        Montage montage = Montage.standard1005();
        List<Position> positions = montage.positions(config.channels());
        int eeg = config.channels().size();
        int eogCount = config.eog() ? ChannelSets.EOG_3.size() : 0;

        // The subject: individual mu and beta peaks.
        double muFrequency = 9.5 + 2.0 * random.nextDouble();
        double betaFrequency = 20.0 + 4.0 * random.nextDouble();

        // The session's timeline.
        List<MiClass> order = new ArrayList<>();
        for (MiClass c : config.classes()) {
            for (int t = 0; t < config.trialsPerClass(); t++) {
                order.add(c);
            }
        }
        Collections.shuffle(order, random);
        List<Annotation> annotations = new ArrayList<>();
        double[] cues = new double[order.size()];
        double t = LEAD_IN_SECONDS;
        for (int i = 0; i < order.size(); i++) {
            if (config.fixationSeconds() > 0) {
                annotations.add(new Annotation(t, config.fixationSeconds(), "fixation"));
            }
            cues[i] = t + config.fixationSeconds();
            annotations.add(new Annotation(cues[i], config.imagerySeconds(), order.get(i).label()));
            double rest = config.restMinSeconds()
                    + (config.restMaxSeconds() - config.restMinSeconds()) * random.nextDouble();
            t = cues[i] + config.imagerySeconds() + rest;
        }
        // Whole seconds, so the recording splits into one-second EDF data records.
        int n = (int) Math.ceil(Math.ceil(t) * fs);

        double[][] x = new double[eeg + eogCount][n];

        // Background.
        for (int s = 0; s < BACKGROUND_SOURCES; s++) {
            Position source = randomScalpPoint(random);
            double[] signal = pinkNoise(random, n, fs);
            double[] gains = new double[eeg];
            for (int c = 0; c < eeg; c++) {
                double a = source.angle(positions.get(c));
                gains[c] = StrictMath.exp(-a * a / (2 * BACKGROUND_SPREAD * BACKGROUND_SPREAD));
            }
            addProjected(x, signal, gains, BACKGROUND_SHARED_UV / Math.sqrt(BACKGROUND_SOURCES / 4.0));
        }
        for (int c = 0; c < eeg + eogCount; c++) {
            double[] local = pinkNoise(random, n, fs);
            for (int i = 0; i < n; i++) {
                x[c][i] += BACKGROUND_LOCAL_UV * local[i] + SENSOR_NOISE_UV * random.nextGaussian();
            }
        }

        // Rhythms and their modulation by the task.
        Position c3 = montage.position("C3").orElseThrow();
        Position c4 = montage.position("C4").orElseThrow();
        Position cz = montage.position("Cz").orElseThrow();
        Position poz = montage.position("POz").orElseThrow();
        double s = config.erdStrength();
        addRhythm(x, positions, poz, ALPHA_SPREAD, resonator(random, n, fs, 10.0, 2.0), ALPHA_UV, null);
        for (boolean left : new boolean[] {true, false}) {
            MiClass contralateral = left ? MiClass.RIGHT_HAND : MiClass.LEFT_HAND;
            Position where = left ? c3 : c4;
            double[] muEnvelope = erdEnvelope(n, fs, cues, order, contralateral, config.imagerySeconds(), s, 0);
            double[] betaEnvelope = erdEnvelope(n, fs, cues, order, contralateral, config.imagerySeconds(), s, 0.5);
            addRhythm(x, positions, where, FOCAL_SPREAD, resonator(random, n, fs, muFrequency, 2.0), MU_UV,
                    muEnvelope);
            addRhythm(x, positions, where, FOCAL_SPREAD, resonator(random, n, fs, betaFrequency, 4.0), BETA_UV,
                    betaEnvelope);
        }
        double[] feetEnvelope = erdEnvelope(n, fs, cues, order, MiClass.FEET, config.imagerySeconds(), s, 0);
        addRhythm(x, positions, cz, FOCAL_SPREAD, resonator(random, n, fs, muFrequency, 2.0), FEET_MU_UV,
                feetEnvelope);

        List<String> labels = new ArrayList<>(config.channels());
        if (config.eog()) {
            labels.addAll(ChannelSets.EOG_3);
        }
        List<ArtifactEvent> artifacts = new Artifacts(random, x, positions, labels, eeg, fs, montage)
                .inject(config.artifacts());

        List<ChannelInfo> infos = new ArrayList<>();
        float[][] samples = new float[x.length][];
        for (int c = 0; c < x.length; c++) {
            infos.add(new ChannelInfo(labels.get(c), c < eeg ? ChannelType.EEG : ChannelType.EOG, "uV", fs));
            samples[c] = new float[n];
            for (int i = 0; i < n; i++) {
                samples[c][i] = (float) x[c][i];
            }
        }
        annotations.sort(Comparator.comparingDouble(Annotation::onset));
        Recording recording = new Recording(infos, samples, config.start(), annotations);
        return new Simulation(recording, artifacts, muFrequency, betaFrequency);
    }

    /** A point on the upper part of the unit sphere, where the cortex under the cap is. */
    static Position randomScalpPoint(Random random) {
        double z = -0.2 + 1.2 * random.nextDouble();
        double phi = 2 * Math.PI * random.nextDouble();
        double r = Math.sqrt(1 - z * z);
        return new Position(r * StrictMath.cos(phi), r * StrictMath.sin(phi), z);
    }

    private static void addProjected(double[][] x, double[] signal, double[] gains, double amplitude) {
        for (int c = 0; c < gains.length; c++) {
            double g = gains[c] * amplitude;
            if (g < 1e-6) {
                continue;
            }
            double[] row = x[c];
            for (int i = 0; i < signal.length; i++) {
                row[i] += g * signal[i];
            }
        }
    }

    private static void addRhythm(double[][] x, List<Position> positions, Position source, double spread,
                                  double[] signal, double amplitude, double[] envelope) {
        if (envelope != null) {
            for (int i = 0; i < signal.length; i++) {
                signal[i] *= envelope[i];
            }
        }
        double[] gains = new double[positions.size()];
        for (int c = 0; c < gains.length; c++) {
            double a = source.angle(positions.get(c));
            gains[c] = StrictMath.exp(-a * a / (2 * spread * spread));
        }
        addProjected(x, signal, gains, amplitude);
    }

    /**
     * Amplitude envelope of a sensorimotor source: 1 at rest, sqrt(1 - strength) during imagery of the class it
     * serves, and for beta ({@code rebound > 0}) a rise to sqrt(1 + rebound * strength) in the second after
     * imagery.
     */
    static double[] erdEnvelope(int n, double fs, double[] cues, List<MiClass> order, MiClass served,
                                double imagery, double strength, double rebound) {
        double[] power = new double[n];
        java.util.Arrays.fill(power, 1.0);
        for (int k = 0; k < cues.length; k++) {
            if (order.get(k) != served) {
                continue;
            }
            double cue = cues[k];
            int from = Math.max(0, (int) Math.floor((cue + 0.3) * fs));
            int to = Math.min(n, (int) Math.ceil((cue + imagery + 2.0) * fs));
            for (int i = from; i < to; i++) {
                double time = i / fs - cue;
                double drop = smoothstep(0.3, 1.0, time) * (1 - smoothstep(imagery, imagery + 0.5, time));
                double rise = rebound * bump(imagery + 0.3, imagery + 1.8, time);
                power[i] = power[i] * (1 - strength * drop) + strength * rise;
            }
        }
        for (int i = 0; i < n; i++) {
            power[i] = Math.sqrt(power[i]);
        }
        return power;
    }

    static double smoothstep(double from, double to, double t) {
        if (t <= from) {
            return 0;
        }
        if (t >= to) {
            return 1;
        }
        double u = (t - from) / (to - from);
        return u * u * (3 - 2 * u);
    }

    /** A raised-cosine bump that is 0 outside [from, to] and 1 in the middle. */
    static double bump(double from, double to, double t) {
        if (t <= from || t >= to) {
            return 0;
        }
        return 0.5 * (1 - StrictMath.cos(2 * Math.PI * (t - from) / (to - from)));
    }

    /** Unit-variance 1/f noise: equal-variance AR(1) processes with corners at 0.25, 0.5, 1, ... Hz. */
    static double[] pinkNoise(Random random, int n, double fs) {
        double[] out = new double[n];
        for (double corner = 0.25; corner < fs / 2; corner *= 2) {
            double rho = StrictMath.exp(-2 * Math.PI * corner / fs);
            double gain = Math.sqrt(1 - rho * rho);
            double y = random.nextGaussian(); // start in the stationary distribution
            for (int i = 0; i < n; i++) {
                y = rho * y + gain * random.nextGaussian();
                out[i] += y;
            }
        }
        return normalize(out);
    }

    /**
     * Unit-variance narrow-band noise: white noise through a two-pole resonator at {@code frequency} with a
     * -3 dB bandwidth of about {@code bandwidth} Hz (pole radius exp(-pi bw / fs)).
     */
    static double[] resonator(Random random, int n, double fs, double frequency, double bandwidth) {
        double r = StrictMath.exp(-Math.PI * bandwidth / fs);
        double a1 = 2 * r * StrictMath.cos(2 * Math.PI * frequency / fs);
        double a2 = -r * r;
        int burnIn = (int) (5 * fs / bandwidth);
        double y1 = 0;
        double y2 = 0;
        double[] out = new double[n];
        for (int i = -burnIn; i < n; i++) {
            double y = a1 * y1 + a2 * y2 + random.nextGaussian();
            y2 = y1;
            y1 = y;
            if (i >= 0) {
                out[i] = y;
            }
        }
        return normalize(out);
    }

    private static double[] normalize(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= v.length;
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        double sd = Math.sqrt(ss / v.length);
        for (int i = 0; i < v.length; i++) {
            v[i] = (v[i] - mean) / sd;
        }
        return v;
    }
}
