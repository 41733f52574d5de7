package org.mistudio.acquisition.io.xdf;

import java.util.Objects;

/**
 * One channel as an XDF stream header describes it in {@code <desc><channels><channel>} (the XDF meta-data
 * conventions used by LSL apps: {@code label}, {@code unit}, {@code type}).
 *
 * @param label the channel's label; when the header has none, {@code "ch" + (index + 1)}
 * @param type  the channel's type as written (e.g. {@code EEG}, {@code misc}); empty when absent
 * @param unit  the unit as written (e.g. {@code microvolts}); empty when absent
 */
public record XdfChannel(String label, String type, String unit) {

    public XdfChannel {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
    }
}
