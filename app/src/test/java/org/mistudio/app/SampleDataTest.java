package org.mistudio.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.app.cli.MiStudioCommand;

/** The bundled sample is exactly what the command in sample-data/README.md produces. */
class SampleDataTest {

    /** The command as sample-data/README.md gives it, after {@code ./mistudio}. */
    static final String COMMAND = "simulate --out sample-data/mi-sample.edf --artifacts typical "
            + "--truth sample-data/mi-sample.truth.json";

    @TempDir
    Path dir;

    @Test
    void regeneratingTheSampleGivesTheCommittedBytes() throws Exception {
        Path sampleDir = Root.path().resolve("sample-data");
        String readme = Files.readString(sampleDir.resolve("README.md"));
        assertTrue(readme.contains("./mistudio " + COMMAND), "sample-data/README.md must give the command");
        String[] args = COMMAND.replace("sample-data/", dir + "/").split(" ");
        int status = MiStudioCommand.execute(args, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        assertEquals(0, status);
        assertArrayEquals(Files.readAllBytes(sampleDir.resolve("mi-sample.edf")),
                Files.readAllBytes(dir.resolve("mi-sample.edf")));
        assertEquals(Files.readString(sampleDir.resolve("mi-sample.truth.json")),
                Files.readString(dir.resolve("mi-sample.truth.json")));
    }
}
