package org.mistudio.acquisition.sim;

import java.util.List;

/** Standard electrode sets the simulator offers. */
public final class ChannelSets {

    private ChannelSets() {
    }

    /**
     * The 22 EEG channels of BCI Competition IV dataset 2a (Brunner et al. 2008, "BCI Competition 2008 - Graz
     * data set A", figure 3), in the dataset's order.
     */
    public static final List<String> BCI_IV_2A = List.of(
            "Fz", "FC3", "FC1", "FCz", "FC2", "FC4", "C5", "C3", "C1", "Cz", "C2", "C4", "C6",
            "CP3", "CP1", "CPz", "CP2", "CP4", "P1", "Pz", "P2", "POz");

    /** The 64 channels of the PhysioNet EEG Motor Movement/Imagery dataset (Schalk et al. 2004), in its order. */
    public static final List<String> EEGMMIDB_64 = List.of(
            "FC5", "FC3", "FC1", "FCz", "FC2", "FC4", "FC6", "C5", "C3", "C1", "Cz", "C2", "C4", "C6",
            "CP5", "CP3", "CP1", "CPz", "CP2", "CP4", "CP6", "Fp1", "Fpz", "Fp2", "AF7", "AF3", "AFz", "AF4",
            "AF8", "F7", "F5", "F3", "F1", "Fz", "F2", "F4", "F6", "F8", "FT7", "FT8", "T7", "T8", "T9", "T10",
            "TP7", "TP8", "P7", "P5", "P3", "P1", "Pz", "P2", "P4", "P6", "P8", "PO7", "PO3", "POz", "PO4",
            "PO8", "O1", "Oz", "O2", "Iz");

    /** Three EOG channels as dataset 2a records them: left, central (vertical) and right of the eyes. */
    public static final List<String> EOG_3 = List.of("EOG-left", "EOG-central", "EOG-right");

    /** A named set: {@code 22} (BCI IV 2a) or {@code 64} (EEGMMIDB). */
    public static List<String> named(String name) {
        switch (name) {
            case "22":
            case "bci-iv-2a":
                return BCI_IV_2A;
            case "64":
            case "eegmmidb":
                return EEGMMIDB_64;
            default:
                throw new IllegalArgumentException("unknown channel set '" + name
                        + "': expected 22 (BCI IV 2a) or 64 (EEGMMIDB)");
        }
    }
}
