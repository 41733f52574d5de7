package org.mistudio.models.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mistudio.dsp.online.WindowClassifier;
import org.mistudio.models.net.EegNetwork;
import org.mistudio.models.net.Networks;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelFileException;
import org.mistudio.models.persist.ModelKind;
import org.mistudio.models.train.ChannelScaler;
import org.mistudio.models.train.TrainedNetwork;

/**
 * "network": one of the five networks; model.json's {@code architecture} is its {@link Networks} name, the input
 * shape is the metadata's channels x window samples. Entries: {@code scaler.json} (the per-channel mean and standard
 * deviation of the training trials, applied before the network) and {@code parameters.params} (DJL's parameter
 * format, batch-norm running statistics included).
 */
public final class NetworkKind implements ModelKind {
    public static final String NAME = "network";
    static final String SCALER = "scaler.json";
    static final String PARAMETERS = "parameters.params";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return NAME;
    }

    /** The entries of a trained network. */
    public static Map<String, byte[]> entries(TrainedNetwork trained) {
        ObjectNode s = MAPPER.createObjectNode();
        s.set("mean", MAPPER.valueToTree(trained.scaler().mean()));
        s.set("sd", MAPPER.valueToTree(trained.scaler().sd()));
        Map<String, byte[]> out = new LinkedHashMap<>();
        try {
            out.put(SCALER, MAPPER.writeValueAsBytes(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.put(PARAMETERS, trained.parameterBytes());
        return out;
    }

    @Override
    public WindowClassifier load(ModelFile.Contents contents) throws ModelFileException {
        Path f = contents.file();
        String arch = contents.metadata().architecture();
        if (arch == null || !Networks.NAMES.contains(arch)) {
            throw new ModelFileException(f, "model.json: architecture '" + arch + "' is not one of " + Networks.NAMES);
        }
        int channels = contents.metadata().channels().size();
        int samples = contents.metadata().windowSamples();
        int classes = contents.metadata().classNames().size();
        JsonNode s = contents.json(SCALER);
        double[] mean = doubles(s, "mean", channels, f);
        double[] sd = doubles(s, "sd", channels, f);
        EegNetwork net;
        try {
            net = Networks.create(arch, channels, samples, classes);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(f, "model.json: " + e.getMessage());
        }
        try {
            TrainedNetwork t = TrainedNetwork.load(net, new ChannelScaler(mean, sd), contents.entry(PARAMETERS));
            return new NetworkWindowClassifier(t, contents.metadata().classNames());
        } catch (IOException e) {
            throw new ModelFileException(f, PARAMETERS + ": " + e.getMessage());
        }
    }

    private static double[] doubles(JsonNode o, String field, int n, Path f) throws ModelFileException {
        JsonNode a = o.get(field);
        if (a == null || !a.isArray() || a.size() != n) {
            throw new ModelFileException(f, SCALER + ": '" + field + "' must be an array of " + n
                    + " numbers (one per channel), got " + (a == null ? "nothing" : a.toString().length() > 60
                    ? a.getNodeType() + " of " + a.size() : a.toString()));
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            if (!a.get(i).isNumber() || !(a.get(i).asDouble() > 0 || field.equals("mean"))) {
                throw new ModelFileException(f, SCALER + ": '" + field + "'[" + i + "] must be a "
                        + (field.equals("mean") ? "number" : "positive number") + ", got " + a.get(i));
            }
            v[i] = a.get(i).asDouble();
        }
        return v;
    }
}
