package org.mistudio.acquisition.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.Shared;
import org.mistudio.acquisition.io.FormatException;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

/** Broken files get an error that names the file, the byte offset, the field and what was expected. */
class EdfErrorsTest {

    @TempDir
    Path dir;

    private Path validFile() throws Exception {
        float[][] x = new float[2][500];
        Recording r = new Recording(List.of(ChannelInfo.eeg("C3", 100), ChannelInfo.eeg("C4", 100)), x,
                LocalDateTime.of(2021, 3, 4, 5, 6, 7), List.of(new Annotation(1, 0, "cue")));
        Path file = dir.resolve("ok.edf");
        EdfWriter.write(r, file, EdfVariant.EDF_PLUS_C);
        return file;
    }

    private Path patched(Path source, int offset, String text) throws Exception {
        byte[] b = Files.readAllBytes(source);
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, b, offset, t.length);
        Path out = dir.resolve("patched-" + offset + ".edf");
        Files.write(out, b);
        return out;
    }

    @Test
    void truncatedFileSaysHowManyBytesAreMissing() throws Exception {
        Path ok = validFile();
        byte[] b = Files.readAllBytes(ok);
        Path cut = dir.resolve("cut.edf");
        Files.write(cut, java.util.Arrays.copyOf(b, b.length - 100));
        FormatException e = assertThrows(FormatException.class, () -> EdfReader.read(cut));
        assertEquals(cut, e.file());
        assertTrue(e.getMessage().contains("declares 5 data records"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void badVersionIsReportedAtByteZero() throws Exception {
        FormatException e = assertThrows(FormatException.class,
                () -> EdfReader.read(patched(validFile(), 0, "PK\u0003\u0004    ")));
        assertEquals(0, e.offset());
        assertEquals("version", e.field());
    }

    @Test
    void nonNumericFieldsNameTheFieldAndOffset() throws Exception {
        FormatException e = assertThrows(FormatException.class,
                () -> EdfReader.read(patched(validFile(), 236, "ten     ")));
        assertEquals(236, e.offset());
        assertEquals("number of data records", e.field());
        assertTrue(e.getMessage().contains("found 'ten'"), e.getMessage());
        // Signal 1's physical minimum: 256 + 104 * ns + 8 * 1 with ns = 3 (two channels + annotations).
        FormatException p = assertThrows(FormatException.class,
                () -> EdfReader.read(patched(validFile(), 256 + 104 * 3 + 8, "abc     ")));
        assertEquals(256 + 104 * 3 + 8, p.offset());
        assertEquals("physical minimum of signal 1", p.field());
    }

    @Test
    void badDateIsReported() throws Exception {
        FormatException e = assertThrows(FormatException.class,
                () -> EdfReader.read(patched(validFile(), 168, "31.02.21")));
        assertEquals(168, e.offset());
    }

    @Test
    void tinyFileIsNotAnEdfFile() throws Exception {
        Path f = dir.resolve("tiny.edf");
        Files.writeString(f, "0       hello");
        FormatException e = assertThrows(FormatException.class, () -> EdfReader.read(f));
        assertTrue(e.getMessage().contains("13 bytes"), e.getMessage());
    }

    @Test
    void annotationsThatAreNotUtf8AreRejectedWithTheirOffset() throws Exception {
        // A real EEGMMIDB run whose bytes went through a CR/LF conversion; MNE 1.3 also refuses it.
        Path f = Shared.root().resolve("data/edf-edge/eegmmidb_S001R04_crlf-corrupted.edf");
        FormatException e = assertThrows(FormatException.class, () -> EdfReader.read(f));
        assertTrue(e.offset() > 0, e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void surplusBytesAfterTheDeclaredRecordsAreRejectedNotIgnored() throws Exception {
        // One sample fewer per record in the header would misplace every later sample; the file size tells.
        Path ok = validFile();
        byte[] b = Files.readAllBytes(ok);
        Path longer = dir.resolve("longer.edf");
        Files.write(longer, java.util.Arrays.copyOf(b, b.length + 7));
        FormatException e = assertThrows(FormatException.class, () -> EdfReader.read(longer));
        assertEquals(b.length, e.offset(), e.getMessage());
        assertEquals("number of data records", e.field());
        assertTrue(e.getMessage().contains("7 more bytes"), e.getMessage());
    }
}
