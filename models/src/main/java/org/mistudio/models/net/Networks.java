package org.mistudio.models.net;

import java.util.List;
import java.util.Locale;

/** The five networks by their command-line names. */
public final class Networks {

    /** Names accepted by {@link #create}: the {@code --model} values of {@code mistudio train}. */
    public static final List<String> NAMES = List.of("shallow", "deep", "eegnet", "eegnet-fusion", "mi-eegnet");

    private Networks() {
    }

    /** Builds a network with its published (128 Hz) configuration. */
    public static EegNetwork create(String name, int channels, int samples, int classes) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "shallow", "shallowconvnet" -> ShallowConvNet.build(channels, samples, classes);
            case "deep", "deepconvnet" -> DeepConvNet.build(channels, samples, classes);
            case "eegnet" -> EegNet.build(channels, samples, classes);
            case "eegnet-fusion", "fusion" -> EegNetFusion.build(channels, samples, classes);
            case "mi-eegnet", "mieegnet" -> MiEegNet.build(channels, samples, classes);
            default -> throw new IllegalArgumentException("unknown model '" + name + "': expected one of "
                    + String.join(", ", NAMES));
        };
    }
}
