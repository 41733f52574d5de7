package org.mistudio.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the bundled sample recording lives. */
public final class SampleData {

    /** The file name under {@code sample-data/}. */
    public static final String FILE_NAME = "mi-sample.edf";

    private SampleData() {
    }

    /**
     * The sample recording: {@code $MISTUDIO_HOME/sample-data/mi-sample.edf} (the launcher sets
     * {@code mistudio.home}), else {@code sample-data/mi-sample.edf} under the working directory.
     */
    public static Path path() {
        String home = System.getProperty("mistudio.home");
        if (home == null) {
            home = System.getenv("MISTUDIO_HOME");
        }
        Path base = home != null ? Paths.get(home) : Paths.get("");
        return base.resolve("sample-data").resolve(FILE_NAME);
    }

    public static boolean exists() {
        return Files.isRegularFile(path());
    }
}
