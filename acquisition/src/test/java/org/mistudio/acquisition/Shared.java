package org.mistudio.acquisition;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The {@code ../shared} folder beside the checkout: real recordings and other tools' reference numbers. */
public final class Shared {

    private Shared() {
    }

    public static Path root() {
        String p = System.getProperty("mistudio.shared");
        Path path = p != null ? Paths.get(p) : Paths.get("..", "..", "shared");
        if (!Files.isDirectory(path.resolve("golden"))) {
            throw new IllegalStateException("the shared reference data is missing: expected " + path.toAbsolutePath()
                    + "/golden (CI places ../shared beside the checkout)");
        }
        return path;
    }
}
