package org.mistudio.acquisition.io.xdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.Shared;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.io.xdf.XdfStream.Segment;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.Recording;

/**
 * The example files of xdf-modules/example-files (copies in ../shared/data/xdf, PROVENANCE.md section 3d) against
 * what others documented about them, never against our own output:
 * <ul>
 * <li>[README] xdf-modules/example-files README.md @ 76a6be7 (stream headers, footers, data tables);</li>
 * <li>[PYXDF] xdf-modules/pyxdf test/test_data.py @ 8ceb102 (what load_xdf returns with its defaults:
 * time stamps, segments, clock_segments, effective_srate);</li>
 * <li>[XDF_RS] Garfield100/xdf_rs tests/integration_tests.rs and tests/minimal.md @ 675481e (minimal.xdf).</li>
 * </ul>
 */
class XdfExampleFilesTest {

    private static Path xdf(String name) {
        return Shared.root().resolve("data/xdf").resolve(name);
    }

    /** [README], [PYXDF] test_minimal_file, [XDF_RS] read_minimal_xdf. */
    @Test
    void minimalFile() throws Exception {
        XdfFile f = XdfReader.read(xdf("minimal.xdf"));
        assertEquals("1.0", f.version()); // [PYXDF] header["info"]["version"][0] == "1.0"
        assertEquals(2, f.streams().size());

        XdfStream eeg = f.streams().get(0);
        assertEquals(0, eeg.id());
        assertEquals("SendDataC", eeg.name());
        assertEquals("EEG", eeg.type());
        assertEquals(3, eeg.channelCount());
        assertEquals(10.0, eeg.nominalRate());
        assertEquals(XdfChannelFormat.INT16, eeg.format());
        assertEquals(50942.723319709003, eeg.createdAt());
        int[][] expected = {{192, 255, 238}, {12, 22, 32}, {13, 23, 33}, {14, 24, 34}, {15, 25, 35},
            {12, 22, 32}, {13, 23, 33}, {14, 24, 34}, {15, 25, 35}};
        assertEquals(9, eeg.sampleCount());
        for (int k = 0; k < 9; k++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[k][c], eeg.numericSamples()[c][k], "sample " + k + " channel " + c);
            }
        }
        // [PYXDF]/[XDF_RS]: with clock synchronisation the stamps 5.1..5.9 are shifted by the offset -0.1
        for (int k = 0; k < 9; k++) {
            assertEquals(5.1 + 0.1 * k - 0.1, eeg.timestamps()[k], 1e-9, "time stamp " + k);
        }
        assertArrayEquals(new double[] {6.1, 7.1}, eeg.clockTimes());
        assertArrayEquals(new double[] {-0.1, -0.1}, eeg.clockValues(), 1e-12);
        assertEquals(10.0, eeg.effectiveRate(), 1e-9);
        assertEquals(List.of(new Segment(0, 8)), eeg.segments());
        assertEquals(List.of(new Segment(0, 8)), eeg.clockSegments());
        // [README] footer: first_timestamp 5.1, last_timestamp 5.9, sample_count 9
        assertEquals(new XdfFooter(5.1, 5.9, 9), eeg.footer());

        XdfStream markers = f.streams().get(1);
        assertEquals(0x02C0FFEEL, markers.id()); // 46202862
        assertEquals("SendDataString", markers.name());
        assertEquals("StringMarker", markers.type());
        assertEquals(XdfChannelFormat.STRING, markers.format());
        assertEquals(1, markers.channelCount());
        String[] words = {"Hello", "World", "from", "LSL", "Hello", "World", "from", "LSL"};
        String footerXml = "<?xml version=\"1.0\"?><info><writer>LabRecorder xdfwriter</writer><first_timestamp>"
                + "5.1</first_timestamp><last_timestamp>5.9</last_timestamp><sample_count>9</sample_count>"
                + "<clock_offsets><offset><time>50979.76</time><value>-.01</value></offset><offset><time>50979.86"
                + "</time><value>-.02</value></offset></clock_offsets></info>";
        assertEquals(footerXml, markers.stringSamples()[0][0]); // [PYXDF] the first marker is the footer XML
        for (int k = 1; k < 9; k++) {
            assertEquals(words[k - 1], markers.stringSamples()[0][k]);
        }
        // [PYXDF]: no clock offsets for this stream, so synchronisation has no effect
        for (int k = 0; k < 9; k++) {
            assertEquals(5.1 + 0.1 * k, markers.timestamps()[k], 1e-9);
        }
        assertEquals(0, markers.clockTimes().length);
        assertEquals(10.0, markers.effectiveRate(), 1e-9);
    }

    /** [PYXDF] test_minimal_file with synchronize_clocks=False: the raw stamps 5.1 .. 5.9. */
    @Test
    void minimalFileWithoutSynchronisation() throws Exception {
        XdfFile f = XdfReader.read(xdf("minimal.xdf"), new XdfReader.Options(false, true, true));
        for (int k = 0; k < 9; k++) {
            assertEquals(5.1 + 0.1 * k, f.streams().get(0).timestamps()[k], 1e-9);
        }
        assertEquals(List.of(), f.streams().get(0).clockSegments());
    }

    /**
     * RecordingFiles.read on minimal.xdf: the EEG stream (3 int16 channels at 10 Hz, [README]) with the 9 string
     * markers as annotations. Marker stamps 5.1..5.9 (unsynchronised, no offsets) minus the EEG stream's first
     * synchronised stamp 5.0 ([PYXDF]) give onsets 0.1 .. 0.9 s.
     */
    @Test
    void minimalFileAsRecording() throws Exception {
        Recording r = RecordingFiles.read(xdf("minimal.xdf"));
        assertEquals(3, r.channelCount());
        assertEquals(10.0, r.samplingRate());
        assertEquals(9, r.sampleCount());
        assertEquals(ChannelType.EEG, r.channels().get(0).type()); // stream type EEG, no channel descriptions
        assertEquals(List.of("ch1", "ch2", "ch3"), r.labels());
        assertEquals(192f, r.samples()[0][0]);
        assertEquals(35f, r.samples()[2][8]);
        List<Annotation> a = r.annotations();
        assertEquals(9, a.size());
        assertEquals(0.1, a.get(0).onset(), 1e-9);
        assertEquals("Hello", a.get(1).label());
        assertEquals(0.2, a.get(1).onset(), 1e-9);
        assertEquals("LSL", a.get(8).label());
        assertEquals(0.9, a.get(8).onset(), 1e-9);
        // no FileHeader datetime: start = 1970-01-01 + first stamp (5.0 s)
        assertEquals(LocalDateTime.of(1970, 1, 1, 0, 0, 5), r.start());

        assertEquals(2, RecordingFiles.readXdf(xdf("minimal.xdf")).streams().size());
    }

    /** [README] clock_resets.xdf and [PYXDF] test_clock_resets_file with the defaults (sync + dejitter). */
    @Test
    void clockResetsFile() throws Exception {
        XdfFile f = XdfReader.read(xdf("clock_resets.xdf"));
        assertEquals(2, f.streams().size());

        XdfStream m = f.streams().get(0);
        assertEquals(1, m.id());
        assertEquals("MyMarkerStream", m.name());
        assertEquals("Markers", m.type());
        assertEquals("myuidw43536", m.sourceId());
        assertEquals(0.0, m.nominalRate());
        assertEquals(175, m.sampleCount());
        assertEquals("XXX", m.stringSamples()[0][0]); // [README] first and last markers
        assertEquals("Test", m.stringSamples()[0][1]);
        assertEquals("XXX", m.stringSamples()[0][174]);
        assertEquals(0.0, m.effectiveRate());
        assertEquals(List.of(new Segment(0, 174)), m.segments());
        assertEquals(List.of(new Segment(0, 90), new Segment(91, 174)), m.clockSegments());
        assertEquals(653156.02616855, m.clockTimes()[0], 1e-6); // [PYXDF] against the footer
        assertEquals(-652340.2838639501, m.clockValues()[0], 1e-4);
        assertEquals(264.6430016000002, m.clockTimes()[m.clockTimes().length - 1], 1e-6);
        assertEquals(1121.165595, m.clockValues()[m.clockValues().length - 1], 1e-4);
        assertEquals(new XdfFooter(653153.2121885, 259.6538279, 175), m.footer());

        XdfStream eeg = f.streams().get(1);
        assertEquals(2, eeg.id());
        assertEquals("BioSemi", eeg.name());
        assertEquals(XdfChannelFormat.FLOAT32, eeg.format());
        assertEquals(8, eeg.channelCount());
        assertEquals(100.0, eeg.nominalRate());
        assertEquals(27815, eeg.sampleCount());
        assertEquals(92.934, eeg.effectiveRate(), 1e-3);
        assertEquals(List.of(new Segment(0, 12875), new Segment(12876, 27814)), eeg.segments());
        assertEquals(List.of(new Segment(0, 12875), new Segment(12876, 27814)), eeg.clockSegments());
        assertEquals(653156.0261441499, eeg.clockTimes()[0], 1e-6);
        assertEquals(-652340.28383985, eeg.clockValues()[0], 1e-4);
        assertEquals(1121.1656319, eeg.clockValues()[eeg.clockValues().length - 1], 1e-4);
        // [README] data table, first and last rows (3 decimals)
        float[] first = {0.142f, 0.463f, 0.354f, 0.220f, 0.761f, 0.323f, 0.312f, 0.861f};
        float[] last = {0.873f, 0.064f, 0.684f, 0.153f, 0.306f, 0.123f, 0.711f, 0.892f};
        for (int c = 0; c < 8; c++) {
            assertEquals(first[c], eeg.numericSamples()[c][0], 6e-4);
            assertEquals(last[c], eeg.numericSamples()[c][27814], 6e-4);
        }
    }

    /** [PYXDF] test_clock_resets_file without dejittering: one segment, clock segments still split. */
    @Test
    void clockResetsFileWithoutDejitter() throws Exception {
        XdfStream eeg = XdfReader.read(xdf("clock_resets.xdf"), new XdfReader.Options(true, true, false))
                .streams().get(1);
        assertEquals(List.of(new Segment(0, 27814)), eeg.segments());
        assertEquals(List.of(new Segment(0, 12875), new Segment(12876, 27814)), eeg.clockSegments());
        assertTrue(Math.abs(eeg.effectiveRate() - 92.934) > 1e-3);
    }

    /** [README] empty_streams.xdf and [PYXDF] test_empty_streams_file. */
    @Test
    void emptyStreamsFile() throws Exception {
        XdfFile f = XdfReader.read(xdf("empty_streams.xdf"));
        assertEquals(4, f.streams().size());
        // [PYXDF] order of appearance: stream ids 3, 4, 1, 2
        assertEquals(List.of(3L, 4L, 1L, 2L), f.streams().stream().map(XdfStream::id).toList());

        XdfStream emptyData = f.streams().get(0);
        assertEquals("Empty data stream: test stream 0 counter", emptyData.name());
        assertEquals(XdfChannelFormat.FLOAT32, emptyData.format());
        assertEquals(0, emptyData.sampleCount());
        assertEquals(1, emptyData.numericSamples().length);
        assertEquals(0, emptyData.numericSamples()[0].length);
        assertEquals("ch:00", emptyData.channels().get(0).label());
        assertEquals("misc", emptyData.channels().get(0).type());
        assertEquals(0.0, emptyData.effectiveRate());
        assertEquals(List.of(), emptyData.segments());
        assertEquals(List.of(), emptyData.clockSegments());
        assertEquals(new XdfFooter(0, 0, 0), emptyData.footer());
        assertEquals(91716.6915301265, emptyData.clockTimes()[0], 1e-6);

        XdfStream data = f.streams().get(1);
        assertEquals("Data stream: test stream 0 counter", data.name());
        assertEquals(XdfChannelFormat.INT32, data.format());
        assertEquals(10, data.sampleCount());
        for (int k = 0; k < 10; k++) {
            assertEquals(k, data.numericSamples()[0][k]);
            assertEquals(91725.21394789 + k, data.timestamps()[k], 1e-4); // [PYXDF] decimal=4 with sync
        }
        double mean = (data.timestamps()[9] - data.timestamps()[0]) / 9;
        double var = 0;
        for (int k = 1; k < 10; k++) {
            double d = data.timestamps()[k] - data.timestamps()[k - 1] - mean;
            var += d * d;
        }
        assertTrue(Math.sqrt(var / 9) < 6e-11, "[PYXDF] np.std(np.diff(time_stamps)) < 6e-11");
        assertEquals(1.0, data.effectiveRate(), 1e-6);
        assertEquals(List.of(new Segment(0, 9)), data.segments());
        assertEquals(List.of(new Segment(0, 9)), data.clockSegments());

        XdfStream ctrl = f.streams().get(2);
        assertEquals("ctrl", ctrl.name());
        assertEquals("kassia", ctrl.sourceId());
        assertEquals(1, ctrl.sampleCount());
        assertEquals("{\"state\": 2}", ctrl.stringSamples()[0][0]);
        // [PYXDF] assert_allclose(time_stamps, [91725.01400425]) (default rtol 1e-7); tighter: the raw stamp equals
        // the footer's first_timestamp, and synchronisation adds the least-squares line through the stream's 7
        // clock offsets (all within pyxdf's 0.1 ms winsor threshold of the line, where its Huber fit is least
        // squares), evaluated at that stamp
        assertEquals(91725.01400425, ctrl.timestamps()[0], 91725.01400425 * 1e-7);
        double raw = XdfReader.read(xdf("empty_streams.xdf"), XdfReader.Options.raw()).streams().get(2)
                .timestamps()[0];
        assertEquals(91725.014004246, raw, 1e-9);
        assertEquals(7, ctrl.clockTimes().length);
        assertEquals(-1.889200211735442e-05, ctrl.clockValues()[0], 1e-12); // [README] first offset
        assertEquals(raw + leastSquaresAt(ctrl.clockTimes(), ctrl.clockValues(), raw), ctrl.timestamps()[0], 1e-9);
        assertEquals(List.of(new Segment(0, 0)), ctrl.segments());
        assertEquals(List.of(new Segment(0, 0)), ctrl.clockSegments());

        XdfStream emptyMarkers = f.streams().get(3);
        assertEquals(0, emptyMarkers.sampleCount());
        assertEquals(0, emptyMarkers.stringSamples()[0].length);
        assertEquals(List.of(), emptyMarkers.segments());

        // as recordings: the empty float32 stream is a recording of 0 samples; the int32 stream is the primary
        // one (first numeric stream with samples; none is typed EEG) and carries the ctrl marker
        List<Recording> recs = f.toRecordings();
        assertEquals(2, recs.size());
        assertEquals(0, recs.get(0).samples()[0].length);
        Recording primary = f.primaryRecording();
        assertEquals(10, primary.samples()[0].length);
        assertEquals(List.of("ch:00"), primary.labels());
        assertEquals(1, primary.annotations().size());
        assertEquals("{\"state\": 2}", primary.annotations().get(0).label());
        // 91725.01400425 - 91725.21394789: the marker came 0.2 s before the data stream's first sample
        assertEquals(-0.19994364, primary.annotations().get(0).onset(), 1e-4);
    }

    /**
     * twochannel_string_marker.xdf: [README at example-files commit cd60faf] (the file is from commit 2645170):
     * stream 3735928559 "SendMarker", 2 string channels, one sample ["Marker 0A", "Marker 0B"]; stream 46202862
     * "SendDataC", 64 double64 channels, one sample of zeros.
     */
    @Test
    void twoChannelStringMarkerFile() throws Exception {
        XdfFile f = XdfReader.read(xdf("twochannel_string_marker.xdf"));
        XdfStream data = f.stream("SendDataC").orElseThrow();
        XdfStream markers = f.stream("SendMarker").orElseThrow();
        assertEquals(46202862L, data.id());
        assertEquals(3735928559L, markers.id());
        assertEquals(XdfChannelFormat.DOUBLE64, data.format());
        assertEquals(64, data.channelCount());
        assertEquals(1, data.sampleCount());
        for (int c = 0; c < 64; c++) {
            assertEquals(0f, data.numericSamples()[c][0]);
        }
        assertEquals(2, markers.channelCount());
        assertEquals("Marker 0A", markers.stringSamples()[0][0]);
        assertEquals("Marker 0B", markers.stringSamples()[1][0]);
        assertEquals("Marker 0A, Marker 0B", markers.sampleText(0));
        assertEquals(new XdfFooter(10, 10.001, 1), markers.footer());
        assertNull(f.headerDateTime());
        Recording r = RecordingFiles.read(xdf("twochannel_string_marker.xdf"));
        assertEquals(64, r.channelCount());
        assertEquals(List.of("Marker 0A, Marker 0B"), r.annotations().stream().map(Annotation::label).toList());
    }

    private static double leastSquaresAt(double[] t, double[] v, double at) {
        double mt = 0;
        double mv = 0;
        for (int i = 0; i < t.length; i++) {
            mt += t[i] / t.length;
            mv += v[i] / t.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < t.length; i++) {
            sxy += (t[i] - mt) * (v[i] - mv);
            sxx += (t[i] - mt) * (t[i] - mt);
        }
        return mv + sxy / sxx * (at - mt);
    }
}
