package org.mistudio.app;

import java.nio.file.Path;
import java.nio.file.Paths;

/** The checkout's root, where the launcher and sample-data live. */
public final class Root {

    private Root() {
    }

    public static Path path() {
        return Paths.get(System.getProperty("mistudio.root", "..")).toAbsolutePath().normalize();
    }
}
