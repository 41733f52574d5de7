package org.mistudio.app.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.mistudio.acquisition.protocol.Stimulation;
import org.mistudio.models.persist.ModelMetadata;

/** Which cue asks for which of a model's classes: given, or read from the labels the model was trained on. */
public final class LiveCues {

    private LiveCues() {
    }

    /**
     * @param model    the model (null: a calibration run, cues left and right hand)
     * @param explicit cue (label or code) to class, as the person gave them, or null
     * @return each cue and its model class, in the model's class order (explicit: in the order given)
     * @throws IllegalArgumentException naming the cue or class that does not fit
     */
    public static Map<Stimulation, String> forModel(ModelMetadata model, Map<String, String> explicit) {
        Map<Stimulation, String> m = new LinkedHashMap<>();
        if (explicit != null) {
            for (Map.Entry<String, String> e : explicit.entrySet()) {
                Optional<Stimulation> s = Stimulation.parse(e.getKey());
                if (s.isEmpty() || !s.get().isCue()) {
                    throw new IllegalArgumentException("'" + e.getKey() + "' is not a cue; cues are left_hand, "
                            + "right_hand, feet, tongue (or 769-772)");
                }
                m.put(s.get(), e.getValue().equals(e.getKey()) ? s.get().label() : e.getValue());
            }
        } else if (model == null) {
            m.put(Stimulation.LEFT_HAND, Stimulation.LEFT_HAND.label());
            m.put(Stimulation.RIGHT_HAND, Stimulation.RIGHT_HAND.label());
        } else {
            for (String cls : model.classNames()) {
                Optional<Stimulation> s = Stimulation.parse(cls);
                for (Map.Entry<String, String> e : model.cueLabels().entrySet()) {
                    if (s.isEmpty() && e.getValue().equals(cls)) {
                        s = Stimulation.parse(e.getKey());
                    }
                }
                if (s.isEmpty() || !s.get().isCue()) {
                    throw new IllegalArgumentException("cannot tell which cue means the model's class '" + cls
                            + "' (trained on " + model.cueLabels() + "); give the cues, e.g. left_hand="
                            + model.classNames().get(0) + ",right_hand=" + model.classNames().get(1));
                }
                m.put(s.get(), cls);
            }
        }
        if (model != null) {
            for (String cls : m.values()) {
                if (!model.classNames().contains(cls)) {
                    throw new IllegalArgumentException("'" + cls + "' is not one of the model's classes "
                            + model.classNames());
                }
            }
        }
        return m;
    }
}
