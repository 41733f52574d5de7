package org.mistudio.dsp.artifact.faster;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mistudio.acquisition.model.Epochs;
import org.mistudio.dsp.artifact.ica.IcaModel;

/**
 * The cleaned epochs and what each FASTER stage found.
 *
 * @param cleaned          the epochs after all stages that ran
 * @param badChannels      stage 1 (empty when not run)
 * @param badEpochs        stage 2, epoch indices of the input
 * @param badComponents    stage 3
 * @param ica              stage 3's fitted ICA (its scalp maps and unmixing), when stage 3 ran
 * @param channelsInEpochs stage 4, one report per kept epoch (indices of the kept epochs)
 * @param keptEpochs       indices into the input of the epochs in {@code cleaned}
 * @param interpolated     the channels interpolated in every epoch (stage 1)
 * @param millis           wall time per stage
 * @param eegChannels      the scored EEG channels, in the order of the ICA's mixing rows
 * @param ica              stage 3's ICA (empty when stage 3 did not run): the column of a removed component is
 *                         its scalp map, for the report's topographies
 */
public record FasterResult(Epochs cleaned, Optional<StageReport> badChannels, Optional<StageReport> badEpochs,
                           Optional<StageReport> badComponents, List<StageReport> channelsInEpochs,
                           int[] keptEpochs, List<String> interpolated, Map<String, Long> millis,
                           List<String> eegChannels, Optional<IcaModel> ica) {

    public FasterResult {
        channelsInEpochs = List.copyOf(channelsInEpochs);
        keptEpochs = keptEpochs.clone();
        interpolated = List.copyOf(interpolated);
        millis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(millis));
        eegChannels = List.copyOf(eegChannels);
    }
}
