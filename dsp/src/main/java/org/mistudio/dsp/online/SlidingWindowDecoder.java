package org.mistudio.dsp.online;

import java.util.ArrayList;
import java.util.List;

import org.mistudio.dsp.filter.Sos;
import org.mistudio.dsp.filter.StreamingSosFilter;

/**
 * The online half of a decoder: samples come in chunk by chunk, are band-passed causally (filter state kept
 * across chunks, so the output equals {@code sosfilt} of the whole stream whatever the chunking), kept in a ring
 * buffer of one window, and every {@code step} samples the latest window goes to the {@link WindowClassifier}.
 * Predictions are smoothed by averaging the probabilities of the last {@code smoothing} windows (the feedback
 * bar's input). Not thread-safe: feed it from one thread.
 */
public final class SlidingWindowDecoder {

    /**
     * One prediction.
     *
     * @param sampleCount   samples received when it was made: its window holds samples
     *                      {@code sampleCount - windowSamples} to {@code sampleCount - 1}
     * @param probabilities this window's class probabilities
     * @param smoothed      mean probabilities of the last {@code smoothing} windows (this one included)
     */
    public record Prediction(long sampleCount, double[] probabilities, double[] smoothed) {

        /** Index of the most probable class after smoothing. */
        public int smoothedClass() {
            return argmax(smoothed);
        }

        /** Index of the most probable class of this window alone. */
        public int windowClass() {
            return argmax(probabilities);
        }
    }

    private final WindowClassifier classifier;
    private final StreamingSosFilter filter;
    private final int step;
    private final int window;
    private final float[][] ring;
    private final double[][] recent;
    private int recentCount;
    private int recentNext;
    private long received;

    /**
     * @param classifier the trained decoder (its channel count and window length rule)
     * @param sos        the causal band-pass the model was trained with, or null for none
     * @param step       samples between predictions, at least 1
     * @param smoothing  predictions averaged for the smoothed output, at least 1
     */
    public SlidingWindowDecoder(WindowClassifier classifier, Sos sos, int step, int smoothing) {
        this.classifier = classifier;
        if (step < 1 || smoothing < 1) {
            throw new IllegalArgumentException("sliding window: step and smoothing must be at least 1, got step "
                    + step + ", smoothing " + smoothing);
        }
        this.step = step;
        this.window = classifier.windowSamples();
        this.filter = sos == null ? null : new StreamingSosFilter(sos, classifier.channelCount());
        this.ring = new float[classifier.channelCount()][window];
        this.recent = new double[smoothing][];
    }

    public WindowClassifier classifier() {
        return classifier;
    }

    /** Samples received so far. */
    public long received() {
        return received;
    }

    /**
     * The next chunk {@code [channel][sample]} (the model's channels, in its order, equal lengths); returns the
     * predictions whose windows end inside it, oldest first.
     */
    public List<Prediction> push(float[][] chunk) {
        if (chunk.length != ring.length) {
            throw new IllegalArgumentException("sliding window: chunk has " + chunk.length + " channels, the model "
                    + ring.length);
        }
        float[][] x = filter == null ? chunk : filter.process(chunk);
        int n = x.length == 0 ? 0 : x[0].length;
        List<Prediction> out = new ArrayList<>(2);
        for (int i = 0; i < n; i++) {
            int at = (int) (received % window);
            for (int c = 0; c < x.length; c++) {
                ring[c][at] = x[c][i];
            }
            received++;
            if (received >= window && (received - window) % step == 0) {
                out.add(predict());
            }
        }
        return out;
    }

    /** The window that ends with the latest sample, oldest sample first. */
    public float[][] currentWindow() {
        float[][] w = new float[ring.length][window];
        int head = (int) (received % window); // the oldest sample's slot once the ring is full
        for (int c = 0; c < ring.length; c++) {
            System.arraycopy(ring[c], head, w[c], 0, window - head);
            System.arraycopy(ring[c], 0, w[c], window - head, head);
        }
        return w;
    }

    private Prediction predict() {
        double[] p = classifier.predictProba(currentWindow());
        recent[recentNext] = p;
        recentNext = (recentNext + 1) % recent.length;
        recentCount = Math.min(recentCount + 1, recent.length);
        double[] mean = new double[p.length];
        for (int k = 0; k < recentCount; k++) {
            for (int j = 0; j < p.length; j++) {
                mean[j] += recent[k][j] / recentCount;
            }
        }
        return new Prediction(received, p, mean);
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
