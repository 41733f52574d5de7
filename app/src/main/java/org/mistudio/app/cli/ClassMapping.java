package org.mistudio.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code --classes}: {@code T1=left_hand,T2=right_hand} or plain labels {@code left_hand,right_hand}. */
final class ClassMapping {

    private ClassMapping() {
    }

    static Map<String, String> parse(String spec) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String label = eq < 0 ? p : p.substring(0, eq).trim();
            String cls = eq < 0 ? p : p.substring(eq + 1).trim();
            if (label.isEmpty() || cls.isEmpty()) {
                throw new IllegalArgumentException("--classes: '" + p + "' must be LABEL or LABEL=CLASS");
            }
            out.put(label, cls);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--classes: no class given");
        }
        return out;
    }
}
