package org.mistudio.app.live;

import java.io.IOException;
import java.util.List;

import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.lsl.StreamInfo;
import org.mistudio.acquisition.lsl.StreamInlet;
import org.mistudio.models.persist.ChannelMap;
import org.mistudio.models.persist.ModelFile;

/**
 * A stream checked against a model before a session starts, with the same rules as {@link LiveSession#run} (so a
 * window can say what does not fit while the person is still choosing).
 *
 * @param stream   the stream's full info (with its channels)
 * @param warnings what the session will accept with an assumption (channels without a unit)
 */
public record StreamCheck(StreamInfo stream, List<String> warnings) {

    public StreamCheck {
        warnings = List.copyOf(warnings);
    }

    /**
     * Connects briefly to fetch the stream's channels and matches them to the model.
     *
     * @param model null for a calibration run: only the stream's kind is checked
     * @throws org.mistudio.models.persist.ModelMismatchException listing every problem (channels, rate, units)
     * @throws IllegalArgumentException                           for a string or irregular stream
     */
    public static StreamCheck of(StreamInfo resolved, LslConfig lsl, ModelFile.Contents model) throws IOException {
        LiveSession.requireEeg(resolved);
        StreamInfo full;
        try (StreamInlet in = StreamInlet.open(resolved, lsl, false)) {
            full = in.info();
        }
        if (model == null) {
            return new StreamCheck(full, List.of());
        }
        ChannelMap map = ChannelMap.match(model.metadata(), model.file().toString(), "stream '" + full.name() + "'",
                LiveSession.labels(full), LiveSession.units(full), full.nominalSrate());
        return new StreamCheck(full, map.warnings());
    }
}
