package org.mistudio.models.network;

import java.util.List;
import org.mistudio.dsp.online.WindowClassifier;
import org.mistudio.models.train.TrainedNetwork;

/**
 * A trained network applied to one window, for the live session: the window is standardised with the training
 * channel statistics and run through the network in inference mode (no dropout, batch norm with running statistics).
 * Holds libtorch memory for as long as the process runs (a live session keeps its decoder to the end).
 */
public final class NetworkWindowClassifier implements WindowClassifier {

    private final TrainedNetwork network;
    private final List<String> classNames;

    public NetworkWindowClassifier(TrainedNetwork network, List<String> classNames) {
        if (classNames.size() != network.network().classes()) {
            throw new IllegalArgumentException("network has " + network.network().classes() + " outputs, "
                    + classNames.size() + " class names given");
        }
        this.network = network;
        this.classNames = List.copyOf(classNames);
    }

    public TrainedNetwork network() {
        return network;
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public int channelCount() {
        return network.network().channels();
    }

    @Override
    public int windowSamples() {
        return network.network().samples();
    }

    @Override
    public double[] predictProba(float[][] window) {
        checkWindow(window);
        float[] p = network.predictProbabilities(new float[][][] {window})[0];
        double[] out = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            out[k] = p[k];
        }
        return out;
    }
}
