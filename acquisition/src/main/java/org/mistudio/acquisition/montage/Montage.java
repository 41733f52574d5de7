package org.mistudio.acquisition.montage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.mistudio.acquisition.model.Recording;

/**
 * Sensor positions by channel label. Lookup is case-insensitive and ignores the padding dots of EEGMMIDB labels,
 * so {@code C3..}, {@code Fcz.} and {@code FCZ} all find their 10-05 position.
 */
public final class Montage {

    private static final Montage STANDARD_1005 = new Montage("standard_1005", StandardPositions.build());

    private final String name;
    private final Map<String, Position> byLabel;
    private final Map<String, String> canonical = new LinkedHashMap<>();

    /**
     * @param name      a name for messages, e.g. the file the positions came from
     * @param positions label to position; labels must stay distinct after normalisation
     */
    public Montage(String name, Map<String, Position> positions) {
        this.name = Objects.requireNonNull(name, "montage name");
        this.byLabel = new LinkedHashMap<>();
        for (Map.Entry<String, Position> e : positions.entrySet()) {
            String key = Recording.normalizeLabel(e.getKey());
            String previous = canonical.put(key, e.getKey());
            if (previous != null) {
                throw new IllegalArgumentException("montage '" + name + "': labels '" + previous + "' and '"
                        + e.getKey() + "' are the same channel");
            }
            byLabel.put(key, Objects.requireNonNull(e.getValue(), "position of " + e.getKey()));
        }
    }

    /** The 345 positions of the 10-05 system (plus the old 10-20 aliases and ear/mastoid references). */
    public static Montage standard1005() {
        return STANDARD_1005;
    }

    public String name() {
        return name;
    }

    public Optional<Position> position(String label) {
        return Optional.ofNullable(byLabel.get(Recording.normalizeLabel(label)));
    }

    public boolean contains(String label) {
        return byLabel.containsKey(Recording.normalizeLabel(label));
    }

    /** Positions for the given labels in order; fails naming every label the montage lacks. */
    public List<Position> positions(List<String> labels) {
        List<Position> out = new ArrayList<>(labels.size());
        List<String> missing = new ArrayList<>();
        for (String label : labels) {
            Position p = byLabel.get(Recording.normalizeLabel(label));
            if (p == null) {
                missing.add(label);
            }
            out.add(p);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("montage '" + name + "' has no position for " + missing);
        }
        return out;
    }

    /** The labels as the montage spells them. */
    public List<String> labels() {
        return Collections.unmodifiableList(new ArrayList<>(canonical.values()));
    }

    public int size() {
        return byLabel.size();
    }
}
