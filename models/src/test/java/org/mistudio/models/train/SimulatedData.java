package org.mistudio.models.train;

import java.util.List;
import java.util.Optional;
import org.mistudio.dsp.preprocess.Preprocessing;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.resample.RecordingResampler;

/** Left/right-hand simulator trials: 22 channels, resampled to 128 Hz, 2 s windows (256 samples) from 0.5 s. */
final class SimulatedData {

    static final List<String> CLASSES = List.of("left_hand", "right_hand");

    final float[][][] x;
    final int[] y;

    private SimulatedData(float[][][] x, int[] y) {
        this.x = x;
        this.y = y;
    }

    /** The trials of one class-balanced subset: {@code first} to {@code first + perClass} of each class. */
    SimulatedData subset(int first, int perClass) {
        java.util.List<Integer> idx = new java.util.ArrayList<>();
        for (int c = 0; c < CLASSES.size(); c++) {
            int seen = 0;
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    if (seen >= first && seen < first + perClass) {
                        idx.add(i);
                    }
                    seen++;
                }
            }
        }
        float[][][] xs = new float[idx.size()][][];
        int[] ys = new int[idx.size()];
        for (int k = 0; k < idx.size(); k++) {
            xs[k] = x[idx.get(k)];
            ys[k] = y[idx.get(k)];
        }
        return new SimulatedData(xs, ys);
    }

    static SimulatedData of(int trialsPerClass, long seed) {
        return of(trialsPerClass, seed, null);
    }

    /** As {@link #of(int, long)}, band-passed (zero-phase Butterworth order 4) first when {@code band} is given. */
    static SimulatedData of(int trialsPerClass, long seed, double[] band) {
        Recording rec = MotorImagerySimulator.simulate(SimulatorConfig.defaults().withEog(false)
                .withTrialsPerClass(trialsPerClass).withSeed(seed)).recording();
        if (band != null) {
            rec = new Preprocessing(Optional.empty(), Optional.empty(), Optional.of(band), 4, Optional.empty()).apply(rec);
        }
        Recording r128 = RecordingResampler.resample(rec, 128);
        Epochs e = Epocher.of(CLASSES, 0.5, 0.5 + 255 / 128.0).apply(r128).epochs();
        int[] y = new int[e.trialCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = CLASSES.indexOf(e.labels().get(i));
        }
        float[][][] x = e.data();
        int bad = 0;
        double max = 0;
        for (float[][] tr : x) {
            for (float[] ch : tr) {
                for (float v : ch) {
                    if (!Float.isFinite(v)) {
                        bad++;
                    }
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        if (bad > 0) {
            throw new IllegalStateException("simulated epochs hold " + bad + " non-finite samples");
        }
        if (max > 1e4) {
            throw new IllegalStateException("simulated epochs reach " + max);
        }
        // Left in microvolts: EegTrainer standardises each channel with the training trials' statistics.
        return new SimulatedData(x, y);
    }
}
