package org.mistudio.app;

import java.util.Map;
import java.util.Optional;

/** Whether a window can be shown. */
public final class Display {

    private Display() {
    }

    /**
     * Why no window can be opened, or empty when one can. On Linux a window needs an X11 or Wayland display; the
     * {@code glass.platform=Monocle} property selects JavaFX's headless platform, used by tests.
     */
    public static Optional<String> unavailableReason(Map<String, String> env, String osName, String glassPlatform) {
        if ("Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        if (osName.toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            boolean x11 = env.getOrDefault("DISPLAY", "").length() > 0;
            boolean wayland = env.getOrDefault("WAYLAND_DISPLAY", "").length() > 0;
            if (!x11 && !wayland) {
                return Optional.of("no display available (neither DISPLAY nor WAYLAND_DISPLAY is set)");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> unavailableReason() {
        return unavailableReason(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("glass.platform"));
    }
}
