package org.mistudio.acquisition.io.xdf;

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
import org.mistudio.acquisition.io.RecordingFiles;

/**
 * Malformed files give a FormatException naming the file, the byte offset and what was expected. The edge files
 * are from Garfield100/xdf_rs tests/ (fuzzer-derived); their failure offsets are those of PROVENANCE.md section 3d
 * ("strict chunk walk FAILS: invalid length-width byte 0x30 at offset ...").
 */
class XdfErrorsTest {

    @TempDir
    Path dir;

    private static Path edge(String name) {
        return Shared.root().resolve("data/xdf/edge").resolve(name);
    }

    private static FormatException fails(Path file) {
        FormatException e = assertThrows(FormatException.class, () -> XdfReader.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    /** PROVENANCE: "strict chunk walk FAILS: invalid length-width byte 0x30 at offset 71". */
    @Test
    void chunkLengthLie() {
        FormatException e = fails(edge("chunk_length_lie.xdf"));
        assertEquals(71, e.offset());
        assertTrue(e.getMessage().contains("invalid length-width byte 0x30 at offset 71"), e.getMessage());
    }

    /** PROVENANCE: "strict chunk walk FAILS: invalid length-width byte 0x30 at offset 655". */
    @Test
    void outOfOrderClockOffsets() {
        FormatException e = fails(edge("out_of_order_clock_offsets.xdf"));
        assertEquals(655, e.offset());
        assertTrue(e.getMessage().contains("invalid length-width byte 0x30 at offset 655"), e.getMessage());
    }

    /**
     * PROVENANCE: structurally walkable, but the fuzzer overwrote bytes with "0": the FileHeader (content at byte 8,
     * after 'XDF:', a 1-byte length width, the length and the 2-byte tag) says {@code <version>000</version>}, and
     * the specification's FileHeader has version 1.0.
     */
    @Test
    void outOfOrderSampleChunk() {
        FormatException e = fails(edge("out_of_order_sample_chunk.xdf"));
        assertEquals(8, e.offset());
        assertEquals("FileHeader version", e.field());
        assertTrue(e.getMessage().contains("'000'"), e.getMessage());
    }

    /** The same file with the header version repaired fails at the next defect: channel_count 0 of stream 2. */
    @Test
    void outOfOrderSampleChunkWithRepairedVersion() throws Exception {
        byte[] b = Files.readAllBytes(edge("out_of_order_sample_chunk.xdf"));
        String text = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        int v = text.indexOf("<version>000</version>") + "<version>".length();
        b[v] = '1';
        b[v + 1] = '.';
        Path f = Files.write(dir.resolve("repaired.xdf"), b);
        FormatException e = fails(f);
        assertEquals(338, e.offset()); // StreamHeader at 327: width byte, 4-byte length, tag, StreamID, XML at 338
        assertTrue(e.getMessage().contains("channel_count '0'"), e.getMessage());
    }

    private Path minimalCopy(byte[] bytes, String name) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] minimal() throws Exception {
        return Files.readAllBytes(Shared.root().resolve("data/xdf/minimal.xdf"));
    }

    /** Cut inside the last StreamFooter (at 1618, 4-byte length 327): truncated, never silently shortened. */
    @Test
    void truncatedFile() throws Exception {
        Path f = minimalCopy(Arrays.copyOf(minimal(), 1900), "cut.xdf");
        FormatException e = fails(f);
        assertEquals(1619, e.offset());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        FormatException viaFacade = assertThrows(FormatException.class, () -> RecordingFiles.read(f));
        assertEquals(1619, viaFacade.offset());
    }

    @Test
    void notXdf() throws Exception {
        byte[] b = minimal();
        b[3] = '!';
        FormatException e = fails(minimalCopy(b, "magic.xdf"));
        assertEquals(3, e.offset());
        assertEquals("magic", e.field());
    }

    /** The first Boundary chunk (at 605: width 1, length 18, tag 5) with one UUID byte changed. */
    @Test
    void corruptBoundary() throws Exception {
        byte[] b = minimal();
        b[605 + 4 + 5] ^= 0x01;
        FormatException e = fails(minimalCopy(b, "boundary.xdf"));
        assertEquals(614, e.offset());
        assertTrue(e.getMessage().contains("boundary UUID"), e.getMessage());
    }

    /** The first Samples chunk (at 625) with its time-stamp flag (byte 638) set to 5. */
    @Test
    void invalidTimestampFlag() throws Exception {
        byte[] b = minimal();
        assertEquals(8, b[638]);
        b[638] = 5;
        FormatException e = fails(minimalCopy(b, "flag.xdf"));
        assertEquals(638, e.offset());
        assertTrue(e.getMessage().contains("0x05"), e.getMessage());
    }

    /** A Samples chunk whose declared sample count (1) leaves bytes unread. */
    @Test
    void samplesChunkWithLeftoverBytes() throws Exception {
        XdfBytes x = new XdfBytes().fileHeader()
                .streamHeader(1, XdfBytes.header("s", "EEG", 1, 10, "int8", ""));
        int at = x.size();
        // width 1, length 2+4+2+1+8+1+3 = 21: one int8 sample then 3 stray bytes
        x.raw(new byte[] {1, 21, 3, 0, 1, 0, 0, 0, 1, 1, 8, 0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F, 7, 9, 9, 9});
        FormatException e = fails(x.write(dir.resolve("leftover.xdf")));
        assertEquals(at + 20, e.offset());
        assertTrue(e.getMessage().contains("3 bytes left over"), e.getMessage());
    }

    /** Out-of-order chunks: samples before their stream's header, and samples after its footer, are rejected. */
    @Test
    void samplesBeforeHeaderOrAfterFooter() throws Exception {
        XdfBytes before = new XdfBytes().fileHeader();
        int at = before.size();
        before.samples(1, "int8", new double[] {1}, new double[][] {{1}})
                .streamHeader(1, XdfBytes.header("s", "EEG", 1, 10, "int8", ""));
        FormatException e = fails(before.write(dir.resolve("before.xdf")));
        assertEquals(at + 4, e.offset());
        assertTrue(e.getMessage().contains("before any StreamHeader"), e.getMessage());

        XdfBytes after = new XdfBytes().fileHeader()
                .streamHeader(1, XdfBytes.header("s", "EEG", 1, 10, "int8", ""))
                .footer(1, "<info><sample_count>0</sample_count></info>");
        int chunk = after.size();
        after.samples(1, "int8", new double[] {1}, new double[][] {{1}});
        FormatException e2 = fails(after.write(dir.resolve("after.xdf")));
        assertEquals(chunk, e2.offset());
        assertTrue(e2.getMessage().contains("after its StreamFooter"), e2.getMessage());
    }

    @Test
    void firstChunkMustBeTheFileHeader() throws Exception {
        XdfBytes x = new XdfBytes().boundary().fileHeader();
        FormatException e = fails(x.write(dir.resolve("noheader.xdf")));
        assertEquals(4, e.offset());
    }

    @Test
    void unknownChannelFormat() throws Exception {
        XdfBytes x = new XdfBytes().fileHeader()
                .streamHeader(1, XdfBytes.header("s", "EEG", 1, 10, "float16", ""));
        FormatException e = fails(x.write(dir.resolve("fmt.xdf")));
        assertTrue(e.getMessage().contains("channel_format 'float16'"), e.getMessage());
    }

    @Test
    void malformedXml() throws Exception {
        XdfBytes x = new XdfBytes().fileHeader()
                .streamHeader(1, "<info><name>s</name><channel_count>1</channel_count");
        FormatException e = fails(x.write(dir.resolve("xml.xdf")));
        assertEquals("StreamHeader XML", e.field());
        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
    }
}
