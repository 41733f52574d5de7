package org.mistudio.acquisition.io.gdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.Shared;
import org.mistudio.acquisition.io.FormatException;

/** Broken GDF files get an error naming the file, the byte offset, the field and what was expected. */
class GdfErrorsTest {

    @TempDir
    Path dir;

    private Path copy(String name, java.util.function.UnaryOperator<byte[]> change) throws Exception {
        byte[] b = change.apply(Files.readAllBytes(Shared.root().resolve("data/gdf-samples").resolve(name)));
        Path out = dir.resolve(name);
        Files.write(out, b);
        return out;
    }

    @Test
    void truncatedDataIsReported() throws Exception {
        Path cut = copy("openvibe_test_gdf211.gdf", b -> Arrays.copyOf(b, b.length - 100));
        FormatException e = assertThrows(FormatException.class, () -> GdfReader.read(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(cut, e.file());
    }

    @Test
    void badVersionIsReportedAtByteZero() throws Exception {
        Path bad = copy("mne_test_1ch.gdf", b -> {
            b[0] = 'X';
            return b;
        });
        FormatException e = assertThrows(FormatException.class, () -> GdfReader.read(bad));
        assertEquals(0, e.offset());
        assertEquals("version", e.field());
    }

    @Test
    void unknownDataTypeNamesTheChannelField() throws Exception {
        // One channel: its data type is at 256 + 220 * 1.
        Path bad = copy("mne_test_1ch.gdf", b -> {
            b[256 + 220] = 99;
            return b;
        });
        FormatException e = assertThrows(FormatException.class, () -> GdfReader.read(bad));
        assertEquals(476, e.offset());
        assertEquals("data type of channel 0", e.field());
        assertTrue(e.getMessage().contains("GDFTYP 99"), e.getMessage());
    }

    @Test
    void brokenEventTableIsReported() throws Exception {
        // The event table of this file starts right after the data: mode byte 2 is not defined.
        Path bad = copy("openvibe_spaceship-freetime.gdf", b -> {
            b[522752] = 2;
            return b;
        });
        FormatException e = assertThrows(FormatException.class, () -> GdfReader.read(bad));
        assertEquals(522752, e.offset());
        assertEquals("event table mode", e.field());
    }
}
