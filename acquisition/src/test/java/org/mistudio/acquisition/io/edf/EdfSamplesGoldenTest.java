package org.mistudio.acquisition.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mistudio.acquisition.Shared;
import org.mistudio.acquisition.io.FormatException;
import org.mistudio.acquisition.io.MneGolden;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Recording;

/**
 * Every EDF/BDF file under ../shared/data/{edf-samples,edf-edge,bdf-samples} against what MNE-Python 1.3 read
 * (rules in {@link MneGolden}); files MNE could not read, and files where we deliberately differ from MNE, have their
 * own tests below with independent expectations (header values, TAL counts).
 */
class EdfSamplesGoldenTest {

    static Stream<Path> goldenFiles() throws IOException {
        return MneGolden.goldenFiles("edf-samples", "edf-edge", "bdf-samples");
    }

    /** Nihon Kohden exports omit the 0 byte that ends the time-keeping TAL; see {@link #nihonKohdenTals()}. */
    private static boolean nihonKohden(String file) {
        // (mne_chtypes_edf.edf, also Nihon Kohden, closes its TALs properly; there "+0.000000" is real annotation text,
        // which we read as MNE does.)
        return file.contains("nihonkohden_MB0400FU");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void readsAsMneDoesOrAsDocumented(Path goldenFile) throws IOException {
        JsonNode g = MneGolden.load(goldenFile);
        Path data = MneGolden.dataFile(g);
        if (g.has("mne_error")) {
            // MNE failed; each such file is checked against independent expectations in the tests below.
            assertTrue(data.getFileName().toString().matches(".*(annotations_only.*|crlf-corrupted\\.edf)"),
                    "unexpected MNE failure without a dedicated test: " + data);
            return;
        }
        Recording r = RecordingFiles.read(data);
        MneGolden.Options options = new MneGolden.Options();
        options.annotations = !nihonKohden(data.toString());
        try (EdfReader reader = EdfReader.open(data)) {
            List<Integer> signals = reader.dataSignals();
            if (reader.header().variant().isBdf()) {
                // MNE reads a BDF stim channel as its digital value masked to the 17 trigger bits.
                options.stimToMne = (c, v) -> {
                    EdfSignal s = reader.header().signals().get(signals.get(c));
                    long digital = Math.round((v - s.offset()) / s.gain());
                    return (double) (digital & ((1 << 17) - 1));
                };
            }
            MneGolden.assertMatches(g, r, options);
        }
    }

    @Test
    void nihonKohdenTals() throws IOException {
        // The exporter writes "+1.000000<20><20>+1.140000<20>A1+A2 OFF<20>": the time-keeping TAL is not closed by a
        // 0 byte, so MNE reads "+1.140000" as the text of an annotation at 1.0 s. We read it as EDF+ means it: an
        // annotation "A1+A2 OFF" at 1.14 s (records are 1 s apart, so the onset lies in record 1).
        Recording r = EdfReader.read(Shared.root().resolve("data/edf-edge/nihonkohden_MB0400FU_edfplusD.EDF"));
        assertEquals(List.of(new Annotation(0, 0, "Segment: REC START ALLE EEG"), new Annotation(1.14, 0, "A1+A2 OFF")),
                r.annotations());
    }

    @Test
    void edfPlusDPlacesRecordsAtTheirOnsets() throws IOException {
        // MB0400FU.EDF is EDF+D, but its 29 records start at +0, +1, ... +28 s: contiguous, no gap to fill.
        Recording r = EdfReader.read(Shared.root().resolve("data/edf-edge/nihonkohden_MB0400FU_edfplusD.EDF"));
        assertEquals(29 * 200, r.samples()[0].length);
        assertFalse(r.annotations().stream().anyMatch(a -> a.label().equals(EdfReader.GAP_LABEL)));
    }

    @Test
    void annotationOnlyFilesReadEveryTal() throws IOException {
        // MNE 1.3 fails on these ("picks yielded no channels"). The hypnogram holds 154 TALs (stages from +0 to
        // +79500 s, PROVENANCE.md), the wfdb file 856; the header start time is the recording's start.
        Recording edf = EdfReader.read(
                Shared.root().resolve("data/edf-edge/sleepedf_SC4001EC-Hypnogram_annotations_only.edf"));
        Recording bdf = EdfReader.read(
                Shared.root().resolve("data/edf-edge/edfio_SC4001EC-Hypnogram_annotations_only.bdf"));
        assertEquals(0, edf.channelCount());
        assertEquals(154, edf.annotations().size());
        assertEquals(new Annotation(0, 30630, "Sleep stage W"), edf.annotations().get(0));
        assertEquals(79500, edf.annotations().get(153).onset(), 0);
        assertEquals(LocalDateTime.of(1989, 4, 24, 16, 13), edf.start());
        assertEquals(edf.annotations(), bdf.annotations());
        assertEquals(edf.start(), bdf.start());

        Recording wfdb = EdfReader.read(
                Shared.root().resolve("data/edf-edge/wfdb_test_edfann_annotations_only_recdur0.edf"));
        assertEquals(0, wfdb.channelCount());
        assertEquals(856, wfdb.annotations().size());
        assertTrue(wfdb.annotations().get(0).label().startsWith("Sleep stage W"), wfdb.annotations().get(0).label());
    }

    @Test
    void crlfCorruptedFileIsRejectedWithItsOffset() {
        // MNE: "Encountered invalid byte in at least one annotations channel". The header is intact; the 10853
        // inserted bytes show as surplus bytes after the last declared record (byte 2596896), which we reject.
        FormatException e = assertThrows(FormatException.class,
                () -> EdfReader.read(Shared.root().resolve("data/edf-edge/eegmmidb_S001R04_crlf-corrupted.edf")));
        assertTrue(e.offset() >= 16896, e.getMessage());
    }
}
