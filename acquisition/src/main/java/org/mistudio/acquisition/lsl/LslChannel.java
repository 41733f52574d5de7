package org.mistudio.acquisition.lsl;

import java.util.Objects;

/** One entry of {@code desc/channels/channel} in stream info (label, unit, type), as OpenViBE and MNE-LSL read it. */
public record LslChannel(String label, String unit, String type) {
    public LslChannel {
        Objects.requireNonNull(label, "label");
        unit = unit == null ? "" : unit;
        type = type == null ? "" : type;
    }
}
