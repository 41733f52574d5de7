package org.mistudio.acquisition.io.edf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.mistudio.acquisition.io.FormatException;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

/** EDF+D: records placed at their time-keeping TAL onsets, gaps zero-filled and marked BAD_ACQ_SKIP. */
class EdfDiscontinuousTest {

    @TempDir
    Path dir;

    /** Five 1 s records at 100 Hz, sample value = its index, with record onsets rewritten as given. */
    private Path discontinuous(String... onsets) throws Exception {
        float[][] x = new float[1][500];
        for (int i = 0; i < 500; i++) {
            x[0][i] = i;
        }
        Recording r = new Recording(List.of(ChannelInfo.eeg("C3", 100)), x, LocalDateTime.of(2020, 1, 2, 3, 4, 5),
                List.of(new Annotation(3.5, 0, "cue")));
        Path file = dir.resolve("d.edf");
        EdfWriter.write(r, file, EdfVariant.EDF_PLUS_C);
        byte[] b = Files.readAllBytes(file);
        byte[] plusD = "EDF+D".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(plusD, 0, b, 192, 5);
        String text = new String(b, StandardCharsets.ISO_8859_1);
        for (int k = 0; k < onsets.length; k++) {
            String from = "+" + k + "\u0014\u0014\0";
            String to = onsets[k] + "\u0014\u0014\0";
            assertEquals(from.length(), to.length());
            text = text.replace(from, to);
        }
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    @Test
    void gapsAreZeroFilledAndAnnotated() throws Exception {
        // Records 3 and 4 moved from +3/+4 to +7/+8: a 4 s gap after record 2.
        Recording r = EdfReader.read(discontinuous("+0", "+1", "+2", "+7", "+8"));
        assertEquals(900, r.samples()[0].length);
        assertEquals(299, r.samples()[0][299], 0.05);
        assertEquals(0, r.samples()[0][300], 0);
        assertEquals(0, r.samples()[0][699], 0);
        assertEquals(300, r.samples()[0][700], 0.05);
        assertEquals(499, r.samples()[0][899], 0.05);
        // The cue written at 3.5 s sits in record 3's TAL with onset +3.5: annotation onsets are times, not positions.
        assertTrue(r.annotations().contains(new Annotation(3, 4, EdfReader.GAP_LABEL)), r.annotations().toString());
        try (EdfReader reader = EdfReader.open(dir.resolve("d.edf"))) {
            assertArrayEquals(new double[] {0, 1, 2, 7, 8}, reader.recordOnsets(), 0);
            // readSignal addresses samples in file order (records back to back), not time.
            assertEquals(300, reader.readSignal(0, 300, 1)[0], 0.05);
        }
    }

    @Test
    void contiguousEdfPlusDReadsLikeEdfPlusC() throws Exception {
        Recording r = EdfReader.read(discontinuous("+0", "+1", "+2", "+3", "+4"));
        assertEquals(500, r.samples()[0].length);
        assertEquals(List.of(new Annotation(3.5, 0, "cue")), r.annotations());
    }

    @Test
    void overlappingRecordsAreRejected() throws Exception {
        FormatException e = assertThrows(FormatException.class,
                () -> EdfReader.read(discontinuous("+0", "+1", "+1", "+3", "+4")));
        assertEquals("EDF Annotations", e.field());
        assertTrue(e.getMessage().contains("data record 2 starts at +1"), e.getMessage());
        assertTrue(e.offset() > 256, e.getMessage());
    }
}
