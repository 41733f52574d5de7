package org.mistudio.acquisition.sim;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.montage.Montage;
import org.mistudio.acquisition.montage.Position;

/**
 * {@link MotorImagerySimulator}'s signal model generated sample by sample, for a simulated patient who reacts to
 * cues as they come (a live session's marker stream) instead of following a schedule fixed in advance. The same
 * sources, amplitudes, spreads and ERD/ERS time course (drop from 0.3 s to 1 s after the cue, recovery within
 * 0.5 s after the end of imagery, beta rebound in the 1.5 s after it); what differs, because the future is unknown:
 * the imagery ends when {@link #end} is called (not after a fixed time), every process is scaled to unit variance
 * by its theoretical stationary variance (not by the sample variance of the whole signal), and the random draws
 * interleave differently, so the samples are not those of the batch simulator for the same seed. No artifacts.
 *
 * <p>Two seeds: the subject's ({@code subjectSeed}: mu and beta peaks, where the background sources sit) and the
 * session's (every noise process), so one simulated patient can come back for another session with fresh noise.
 * Deterministic: the same seeds and the same {@link #cue}/{@link #end} calls at the same sample times give the
 * same samples. Not thread-safe.
 */
public final class StreamingSimulator {

    /** One imagery period: its class, the cue time and the end time (infinite while it lasts), in seconds. */
    private static final class Imagery {
        final MiClass cls;
        final double cue;
        double end = Double.POSITIVE_INFINITY;

        Imagery(MiClass cls, double cue) {
            this.cls = cls;
            this.cue = cue;
        }
    }

    /** Sum of equal-variance AR(1) processes at octave corners from 0.25 Hz: 1/f between them. */
    private static final class Pink {
        final double[] rho;
        final double[] gain;
        final double[] y;
        final double scale;

        Pink(Random r, double fs) {
            List<Double> corners = new ArrayList<>();
            for (double c = 0.25; c < fs / 2; c *= 2) {
                corners.add(c);
            }
            rho = new double[corners.size()];
            gain = new double[rho.length];
            y = new double[rho.length];
            for (int k = 0; k < rho.length; k++) {
                rho[k] = StrictMath.exp(-2 * Math.PI * corners.get(k) / fs);
                gain[k] = Math.sqrt(1 - rho[k] * rho[k]);
                y[k] = r.nextGaussian(); // stationary start
            }
            scale = 1 / Math.sqrt(rho.length); // each process has unit variance
        }

        double next(Random r) {
            double s = 0;
            for (int k = 0; k < rho.length; k++) {
                y[k] = rho[k] * y[k] + gain[k] * r.nextGaussian();
                s += y[k];
            }
            return s * scale;
        }
    }

    /** White noise through a two-pole resonator, scaled to unit stationary variance. */
    private static final class Resonator {
        final double a1;
        final double a2;
        final double scale;
        double y1;
        double y2;

        Resonator(Random r, double fs, double frequency, double bandwidth) {
            double rad = StrictMath.exp(-Math.PI * bandwidth / fs);
            a1 = 2 * rad * StrictMath.cos(2 * Math.PI * frequency / fs);
            a2 = -rad * rad;
            // stationary variance of the AR(2) process y = a1 y1 + a2 y2 + e with unit innovations (Box, Jenkins and
            // Reinsel, Time Series Analysis, chapter 3)
            double var = (1 - a2) / ((1 + a2) * ((1 - a2) * (1 - a2) - a1 * a1));
            scale = 1 / Math.sqrt(var);
            int burnIn = (int) (5 * fs / bandwidth);
            for (int i = 0; i < burnIn; i++) {
                next(r);
            }
        }

        double next(Random r) {
            double y = a1 * y1 + a2 * y2 + r.nextGaussian();
            y2 = y1;
            y1 = y;
            return y * scale;
        }
    }

    private final Random random;
    private final double fs;
    private final double erd;
    private final int channels;
    private final Pink[] background;
    private final double[][] backgroundGain; // [source][channel], amplitude included
    private final Pink[] local;
    private final Resonator alpha;
    private final double[] alphaGain;
    private final Resonator[] mu = new Resonator[2]; // C3, C4
    private final Resonator[] beta = new Resonator[2];
    private final double[][] focalGain = new double[3][]; // C3, C4, Cz
    private final Resonator feetMu;
    private final List<Imagery> imagery = new ArrayList<>();
    private final double muFrequency;
    private final double betaFrequency;
    private final List<String> labels;
    private long position;

    /**
     * @param labels      EEG channel labels (10-05 positions)
     * @param fs          sampling rate, Hz (at least 64)
     * @param erdStrength fraction of contralateral mu/beta power lost during imagery, in [0, 1)
     * @param subjectSeed the subject: rhythm peaks and background source positions
     * @param sessionSeed the session: every noise process
     */
    public StreamingSimulator(List<String> labels, double fs, double erdStrength, long subjectSeed, long sessionSeed) {
        if (!(fs >= 64) || !Double.isFinite(fs)) {
            throw new IllegalArgumentException("simulator: sampling rate must be at least 64 Hz, got " + fs);
        }
        if (!(erdStrength >= 0 && erdStrength < 1)) {
            throw new IllegalArgumentException("simulator: ERD strength must be in [0, 1), got " + erdStrength);
        }
        this.labels = List.copyOf(labels);
        Random subject = new Random(subjectSeed);
        this.random = new Random(subjectSeed * 1_000_003L + sessionSeed); // one noise stream per (subject, session)
        this.fs = fs;
        this.erd = erdStrength;
        Montage montage = Montage.standard1005();
        List<Position> pos = montage.positions(labels);
        channels = pos.size();
        muFrequency = 9.5 + 2.0 * subject.nextDouble();
        betaFrequency = 20.0 + 4.0 * subject.nextDouble();
        int nb = MotorImagerySimulator.BACKGROUND_SOURCES;
        background = new Pink[nb];
        backgroundGain = new double[nb][];
        double amp = MotorImagerySimulator.BACKGROUND_SHARED_UV / Math.sqrt(nb / 4.0);
        for (int s = 0; s < nb; s++) {
            backgroundGain[s] = gains(pos, MotorImagerySimulator.randomScalpPoint(subject),
                    MotorImagerySimulator.BACKGROUND_SPREAD, amp);
            background[s] = new Pink(random, fs);
        }
        local = new Pink[channels];
        for (int c = 0; c < channels; c++) {
            local[c] = new Pink(random, fs);
        }
        Position c3 = montage.position("C3").orElseThrow();
        Position c4 = montage.position("C4").orElseThrow();
        Position cz = montage.position("Cz").orElseThrow();
        Position poz = montage.position("POz").orElseThrow();
        alpha = new Resonator(random, fs, 10.0, 2.0);
        alphaGain = gains(pos, poz, MotorImagerySimulator.ALPHA_SPREAD, MotorImagerySimulator.ALPHA_UV);
        Position[] hands = {c3, c4};
        for (int h = 0; h < 2; h++) {
            mu[h] = new Resonator(random, fs, muFrequency, 2.0);
            beta[h] = new Resonator(random, fs, betaFrequency, 4.0);
            focalGain[h] = gains(pos, hands[h], MotorImagerySimulator.FOCAL_SPREAD, 1);
        }
        feetMu = new Resonator(random, fs, muFrequency, 2.0);
        focalGain[2] = gains(pos, cz, MotorImagerySimulator.FOCAL_SPREAD, 1);
    }

    private static double[] gains(List<Position> pos, Position source, double spread, double amplitude) {
        double[] g = new double[pos.size()];
        for (int c = 0; c < g.length; c++) {
            double a = source.angle(pos.get(c));
            g[c] = amplitude * StrictMath.exp(-a * a / (2 * spread * spread));
        }
        return g;
    }

    public List<String> labels() {
        return labels;
    }

    /** EEG channel infos in microvolts. */
    public List<ChannelInfo> channelInfos() {
        return labels.stream().map(l -> ChannelInfo.eeg(l, fs)).toList();
    }

    public double samplingRate() {
        return fs;
    }

    public double muFrequency() {
        return muFrequency;
    }

    public double betaFrequency() {
        return betaFrequency;
    }

    /** Samples generated so far; the next one is at {@code position() / fs} s. */
    public long position() {
        return position;
    }

    /** The patient starts imagining {@code cls} at {@code time} s (the cue); an ongoing imagery ends there. */
    public void cue(MiClass cls, double time) {
        end(time);
        imagery.add(new Imagery(cls, time));
    }

    /** The current imagery ends at {@code time} s (end of trial). */
    public void end(double time) {
        for (Imagery m : imagery) {
            if (m.end == Double.POSITIVE_INFINITY && time >= m.cue) {
                m.end = time;
            }
        }
    }

    /** The next {@code n} samples, {@code [channel][sample]} in microvolts. */
    public float[][] next(int n) {
        float[][] out = new float[channels][n];
        double[] x = new double[channels];
        for (int i = 0; i < n; i++) {
            double t = position / fs;
            java.util.Arrays.fill(x, 0);
            for (int s = 0; s < background.length; s++) {
                double v = background[s].next(random);
                double[] g = backgroundGain[s];
                for (int c = 0; c < channels; c++) {
                    x[c] += g[c] * v;
                }
            }
            for (int c = 0; c < channels; c++) {
                x[c] += MotorImagerySimulator.BACKGROUND_LOCAL_UV * local[c].next(random)
                        + MotorImagerySimulator.SENSOR_NOISE_UV * random.nextGaussian();
            }
            add(x, alphaGain, alpha.next(random));
            for (int h = 0; h < 2; h++) {
                MiClass contralateral = h == 0 ? MiClass.RIGHT_HAND : MiClass.LEFT_HAND; // C3 serves the right hand
                add(x, focalGain[h], MotorImagerySimulator.MU_UV * envelope(t, contralateral, 0) * mu[h].next(random));
                add(x, focalGain[h], MotorImagerySimulator.BETA_UV * envelope(t, contralateral, 0.5)
                        * beta[h].next(random));
            }
            add(x, focalGain[2], MotorImagerySimulator.FEET_MU_UV * envelope(t, MiClass.FEET, 0) * feetMu.next(random));
            for (int c = 0; c < channels; c++) {
                out[c][i] = (float) x[c];
            }
            position++;
        }
        prune(position / fs);
        return out;
    }

    private static void add(double[] x, double[] g, double v) {
        for (int c = 0; c < x.length; c++) {
            x[c] += g[c] * v;
        }
    }

    /**
     * Amplitude of a source serving {@code served} at {@code t}: the batch simulator's power course per imagery
     * period (drop from cue + 0.3 s to cue + 1 s, recovery in the 0.5 s after its end, for beta a rebound of
     * {@code rebound x strength} between end + 0.3 s and end + 1.8 s).
     */
    private double envelope(double t, MiClass served, double rebound) {
        double power = 1;
        for (Imagery m : imagery) {
            if (m.cls != served || t < m.cue) {
                continue;
            }
            double since = t - m.cue;
            double length = m.end - m.cue; // infinite while ongoing
            double drop = MotorImagerySimulator.smoothstep(0.3, 1.0, since)
                    * (1 - MotorImagerySimulator.smoothstep(length, length + 0.5, since));
            double rise = rebound * MotorImagerySimulator.bump(length + 0.3, length + 1.8, since);
            power = power * (1 - erd * drop) + erd * rise;
        }
        return Math.sqrt(power);
    }

    private void prune(double now) {
        for (Iterator<Imagery> it = imagery.iterator(); it.hasNext();) {
            Imagery m = it.next();
            if (now > m.end + 2.0) {
                it.remove();
            }
        }
    }
}
