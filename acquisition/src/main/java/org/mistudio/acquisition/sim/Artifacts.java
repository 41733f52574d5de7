package org.mistudio.acquisition.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.mistudio.acquisition.montage.Montage;
import org.mistudio.acquisition.montage.Position;

/** Injects artifacts into simulated signals and returns where they went. */
final class Artifacts {

    /** Below the eyes' level in front: where the corneo-retinal dipoles project from. */
    private static final Position LEFT_EYE = positionOf(100, 25);
    private static final Position RIGHT_EYE = new Position(-LEFT_EYE.x(), LEFT_EYE.y(), LEFT_EYE.z());
    /** How strongly each EOG channel sees a blink (left and right of the eyes, and above them). */
    private static final double[] EOG_BLINK_GAIN = {0.7, 1.0, 0.7};
    /** Channels that see less than this fraction of an artifact are not listed in its ground truth. */
    private static final double LISTED_GAIN = 0.1;

    private final Random random;
    private final double[][] x;
    private final List<Position> positions;
    private final List<String> labels;
    private final int eeg;
    private final double fs;
    private final Montage montage;
    private final int n;

    Artifacts(Random random, double[][] x, List<Position> positions, List<String> labels, int eeg, double fs,
              Montage montage) {
        this.random = random;
        this.x = x;
        this.positions = positions;
        this.labels = labels;
        this.eeg = eeg;
        this.fs = fs;
        this.montage = montage;
        this.n = x[0].length;
    }

    private static Position positionOf(double polarDeg, double azimuthDeg) {
        double t = Math.toRadians(polarDeg);
        double a = Math.toRadians(azimuthDeg);
        return new Position(-StrictMath.sin(t) * StrictMath.sin(a), StrictMath.sin(t) * StrictMath.cos(a), StrictMath.cos(t));
    }

    List<ArtifactEvent> inject(ArtifactConfig config) {
        List<ArtifactEvent> events = new ArrayList<>();
        config.flatChannel().ifPresent(label -> {
            int c = channel(label);
            java.util.Arrays.fill(x[c], 0.0);
            events.add(new ArtifactEvent(ArtifactType.FLAT_CHANNEL, List.of(labels.get(c)), 0, n / fs));
        });
        config.noisyChannel().ifPresent(label -> {
            int c = channel(label);
            for (int i = 0; i < n; i++) {
                x[c][i] += 40.0 * random.nextGaussian();
            }
            events.add(new ArtifactEvent(ArtifactType.NOISY_CHANNEL, List.of(labels.get(c)), 0, n / fs));
        });
        for (double onset : poisson(config.blinksPerMinute(), 0.4)) {
            events.add(blink(onset));
        }
        for (double onset : poisson(config.musclePerMinute(), 1.5)) {
            events.add(muscle(onset));
        }
        for (double onset : poisson(config.popsPerMinute(), 3.0)) {
            events.add(pop(onset));
        }
        // A flat channel stays flat whatever else happens on the scalp.
        config.flatChannel().ifPresent(label -> java.util.Arrays.fill(x[channel(label)], 0.0));
        events.sort(java.util.Comparator.comparingDouble(ArtifactEvent::onset));
        return events;
    }

    private int channel(String label) {
        for (int c = 0; c < labels.size(); c++) {
            if (labels.get(c).equalsIgnoreCase(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("artifact channel '" + label + "' is not among the simulated channels "
                + labels);
    }

    /**
     * Onsets at {@code perMinute} on average: a Poisson process with a dead time of {@code maxDuration}, so two
     * events of a kind never overlap (a blink does not start during a blink).
     */
    private List<Double> poisson(double perMinute, double maxDuration) {
        List<Double> onsets = new ArrayList<>();
        if (perMinute <= 0) {
            return onsets;
        }
        double mean = Math.max(60.0 / perMinute - maxDuration, 0.1 * 60.0 / perMinute);
        double end = n / fs - maxDuration;
        double t = -mean * StrictMath.log(1 - random.nextDouble());
        while (t < end) {
            onsets.add(t);
            t += maxDuration - mean * StrictMath.log(1 - random.nextDouble());
        }
        return onsets;
    }

    private ArtifactEvent blink(double onset) {
        double width = 0.2 + 0.2 * random.nextDouble();
        double amplitude = 80 + 120 * random.nextDouble();
        int from = (int) Math.round(onset * fs);
        int len = (int) Math.round(width * fs);
        List<String> hit = new ArrayList<>();
        for (int c = 0; c < x.length; c++) {
            double gain;
            if (c < eeg) {
                Position p = positions.get(c);
                double a = Math.min(p.angle(LEFT_EYE), p.angle(RIGHT_EYE));
                // Frontal poles keep ~75 %, Fz ~25 %, Cz ~5 %, Pz nothing: the anterior-posterior gradient of blinks.
                gain = StrictMath.exp(-a * a / (2 * 0.7 * 0.7));
            } else {
                gain = EOG_BLINK_GAIN[(c - eeg) % EOG_BLINK_GAIN.length];
            }
            if (gain < 1e-4) {
                continue;
            }
            if (gain >= LISTED_GAIN) {
                hit.add(labels.get(c));
            }
            for (int i = 0; i < len && from + i < n; i++) {
                x[c][from + i] += gain * amplitude * 0.5 * (1 - StrictMath.cos(2 * Math.PI * i / len));
            }
        }
        return new ArtifactEvent(ArtifactType.BLINK, hit, onset, width);
    }

    private ArtifactEvent muscle(double onset) {
        double duration = 0.5 + random.nextDouble();
        double amplitude = 15 + 25 * random.nextDouble();
        Position centre = montage.position(random.nextBoolean() ? "T7" : "T8").orElseThrow();
        int from = (int) Math.round(onset * fs);
        int len = (int) Math.round(duration * fs);
        // Broadband EMG: first differences of white noise, a spectrum rising with frequency.
        double[] burst = new double[len];
        double previous = random.nextGaussian();
        for (int i = 0; i < len; i++) {
            double w = random.nextGaussian();
            double taper = StrictMath.sin(Math.PI * i / len);
            burst[i] = (w - previous) / Math.sqrt(2) * taper;
            previous = w;
        }
        List<String> hit = new ArrayList<>();
        for (int c = 0; c < eeg; c++) {
            double a = centre.angle(positions.get(c));
            double gain = StrictMath.exp(-a * a / (2 * 0.3 * 0.3));
            if (gain < 1e-4) {
                continue;
            }
            if (gain >= LISTED_GAIN) {
                hit.add(labels.get(c));
            }
            for (int i = 0; i < len && from + i < n; i++) {
                x[c][from + i] += gain * amplitude * burst[i];
            }
        }
        return new ArtifactEvent(ArtifactType.MUSCLE, hit, onset, duration);
    }

    private ArtifactEvent pop(double onset) {
        int c = random.nextInt(eeg);
        double tau = 0.3 + 0.7 * random.nextDouble();
        double amplitude = (random.nextBoolean() ? 1 : -1) * (80 + 120 * random.nextDouble());
        int from = (int) Math.round(onset * fs);
        for (int i = from; i < n; i++) {
            double decay = StrictMath.exp(-(i - from) / (tau * fs));
            if (decay < 1e-3) {
                break;
            }
            x[c][i] += amplitude * decay;
        }
        return new ArtifactEvent(ArtifactType.POP, List.of(labels.get(c)), onset, 3 * tau);
    }
}
