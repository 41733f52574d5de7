package org.mistudio.dsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.model.Recording;

/** The shared SciPy 1.10 / MNE 1.3 reference numbers for EEGMMIDB S001R04 and the recording they came from. */
public final class Golden {

    private static JsonNode json;
    private static Recording recording;

    private Golden() {
    }

    public static Path shared() {
        return Paths.get(System.getProperty("mistudio.shared", "../../shared"));
    }

    public static synchronized JsonNode json() {
        if (json == null) {
            try {
                json = new ObjectMapper().readTree(shared().resolve("golden/dsp/S001R04_reference.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }

    /** The EDF file, in microvolts. */
    public static synchronized Recording recording() {
        if (recording == null) {
            try {
                recording = EdfReader.read(shared().resolve("data").resolve(json().get("file").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return recording;
    }

    public static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i));
        }
        return m;
    }

    public static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asDouble();
        }
        return v;
    }
}
