package org.mistudio.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Byte-level checks of stream info XML, sample encoding, test patterns, queries and scopes against
 * ../shared/docs/lsl-protocol.md and liblsl's src/sample.cpp. */
class LslFormatTest {

    private static byte[] le(int bytes, java.util.function.Consumer<ByteBuffer> fill) {
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        fill.accept(b);
        return b.array();
    }

    @Test
    void doublesAreWrittenWith16SignificantDigitsAndAPoint() {
        assertEquals("1000.000000000000", StreamInfo.formatDouble(1000));
        assertEquals("1.100000000000000", StreamInfo.formatDouble(110 / 100.0));
        assertEquals("0.000000000000000", StreamInfo.formatDouble(0));
    }

    @Test
    void shortAndFullInfoRoundTrip() throws Exception {
        StreamInfo info = StreamInfo.of("EEG <1> & co", "EEG", 2, 250, ChannelFormat.INT16, "src-1")
                .withChannels(List.of(new LslChannel("C3", "microvolts", "EEG"), new LslChannel("C4", "microvolts", "EEG")))
                .withOutletFields("uid-1", 12.5, "host", 16572, 16573);
        String shortXml = info.toShortInfoXml();
        assertTrue(shortXml.startsWith("<?xml version=\"1.0\"?>\n<info>\n\t<name>EEG &lt;1&gt; &amp; co</name>\n"));
        assertTrue(shortXml.contains("\t<channel_format>int16</channel_format>\n"));
        assertTrue(shortXml.contains("\t<nominal_srate>250.0000000000000</nominal_srate>\n"));
        assertTrue(shortXml.contains("\t<version>1.100000000000000</version>\n"));
        assertTrue(shortXml.contains("\t<session_id>default</session_id>\n"));
        assertTrue(shortXml.contains("\t<v4data_port>16572</v4data_port>\n\t<v4service_port>16573</v4service_port>\n"));
        assertTrue(shortXml.endsWith("\t<desc />\n</info>\n"));
        StreamInfo back = StreamInfo.parse(shortXml);
        assertEquals(info.withChannels(List.of()), back);
        String full = info.toFullInfoXml();
        assertTrue(full.contains("<desc>\n\t\t<channels>\n\t\t\t<channel>\n\t\t\t\t<label>C3</label>\n"
                + "\t\t\t\t<unit>microvolts</unit>\n\t\t\t\t<type>EEG</type>\n\t\t\t</channel>\n"));
        assertEquals(info, StreamInfo.parse(full));
        assertEquals(List.of("C3", "C4"), StreamInfo.parse(full).labels());
    }

    @Test
    void parsesLiblslStyleInfoWithForeignDesc() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n<info><name>BioSemi</name><type>EEG</type><channel_count>1</channel_count>"
                + "<channel_format>float32</channel_format><source_id>x</source_id><nominal_srate>512.0000000000000"
                + "</nominal_srate><version>1.100000000000000</version><created_at>50942.72792246000</created_at>"
                + "<uid>u</uid><session_id>default</session_id><hostname>h</hostname><v4address />"
                + "<v4data_port>16572</v4data_port><v4service_port>16572</v4service_port><v6address />"
                + "<v6data_port>0</v6data_port><v6service_port>0</v6service_port>"
                + "<desc><manufacturer>B</manufacturer><channels><channel><label>Fp1</label></channel></channels></desc></info>";
        StreamInfo i = StreamInfo.parse(xml);
        assertEquals(512.0, i.nominalSrate());
        assertEquals(110, i.version());
        assertEquals(50942.72792246, i.createdAt(), 1e-9);
        assertEquals(List.of(new LslChannel("Fp1", "", "")), i.channels());
        LslProtocolException e = assertThrows(LslProtocolException.class, () -> StreamInfo.parse("<foo/>"));
        assertTrue(e.getMessage().contains("expected root element <info>, got <foo>"), e.getMessage());
        assertThrows(LslProtocolException.class, () -> StreamInfo.parse(xml.replace("float32", "float16")));
    }

    @Test
    void transmittedAndDeducedTimestampTags() {
        byte[] b = SampleCodec.encode(ChannelFormat.FLOAT32, 2, new float[] {1.5f, -2f, 3f, 4f}, 0, 2,
                new double[] {10.25, SampleCodec.DEDUCED});
        byte[] want = le(1 + 8 + 8 + 1 + 8, x -> x.put((byte) 2).putDouble(10.25).putFloat(1.5f).putFloat(-2f)
                .put((byte) 1).putFloat(3f).putFloat(4f));
        assertArrayEquals(want, b);
        assertEquals(2, b[0]);
        assertEquals(1, b[17]); // deduced: the tag alone, no timestamp bytes (sample.cpp save_streambuf)
    }

    @Test
    void everyNumericFormatIsLittleEndian() {
        double[] ts = {1.0};
        assertArrayEquals(le(9 + 16, x -> x.put((byte) 2).putDouble(1).putDouble(Math.PI).putDouble(-0.0)),
                SampleCodec.encode(ChannelFormat.DOUBLE64, 2, new double[] {Math.PI, -0.0}, 0, 1, ts));
        assertArrayEquals(le(9 + 8, x -> x.put((byte) 2).putDouble(1).putInt(0x01020304).putInt(-1)),
                SampleCodec.encode(ChannelFormat.INT32, 2, new int[] {0x01020304, -1}, 0, 1, ts));
        byte[] i16 = SampleCodec.encode(ChannelFormat.INT16, 2, new short[] {0x0102, -2}, 0, 1, ts);
        assertArrayEquals(new byte[] {0x02, 0x01, (byte) 0xFE, (byte) 0xFF}, java.util.Arrays.copyOfRange(i16, 9, 13));
        assertArrayEquals(new byte[] {2, 0, 0, 0, 0, 0, 0, (byte) 0xF0, 0x3F, 5, (byte) -6},
                SampleCodec.encode(ChannelFormat.INT8, 2, new byte[] {5, -6}, 0, 1, ts));
        assertArrayEquals(le(9 + 8, x -> x.put((byte) 2).putDouble(1).putLong(0x0102030405060708L)),
                SampleCodec.encode(ChannelFormat.INT64, 1, new long[] {0x0102030405060708L}, 0, 1, ts));
    }

    @Test
    void stringsCarryTheirLengthWidthAndLength() throws Exception {
        String longText = "x".repeat(300);
        byte[] b = SampleCodec.encode(ChannelFormat.STRING, 3, new String[] {"T1", "", longText}, 0, 1,
                new double[] {SampleCodec.DEDUCED});
        byte[] want = le(1 + 4 + 2 + 5 + 300, x -> {
            x.put((byte) 1).put((byte) 1).put((byte) 2).put((byte) 'T').put((byte) '1').put((byte) 1).put((byte) 0)
                    .put((byte) 4).putInt(300);
            for (int i = 0; i < 300; i++) {
                x.put((byte) 'x');
            }
        });
        assertArrayEquals(want, b);
        double[] ts = new double[1];
        Object back = new SampleCodec.Reader(new ByteArrayInputStream(b), ChannelFormat.STRING, 3).read(ts);
        assertArrayEquals(new String[] {"T1", "", longText}, (String[]) back);
        assertEquals(SampleCodec.DEDUCED, ts[0]);
    }

    @Test
    void testPatternsPerFormat() {
        assertArrayEquals(new float[] {4, -5, 6}, (float[]) SampleCodec.testPattern(ChannelFormat.FLOAT32, 3, 4));
        assertArrayEquals(new double[] {16777219, -16777220}, (double[]) SampleCodec.testPattern(ChannelFormat.DOUBLE64, 2, 2));
        assertArrayEquals(new int[] {65541, -65542}, (int[]) SampleCodec.testPattern(ChannelFormat.INT32, 2, 4));
        assertArrayEquals(new short[] {261, -262}, (short[]) SampleCodec.testPattern(ChannelFormat.INT16, 2, 4));
        assertArrayEquals(new long[] {2147483653L, -2147483654L}, (long[]) SampleCodec.testPattern(ChannelFormat.INT64, 2, 4));
        assertArrayEquals(new String[] {"10", "-11", "12"}, (String[]) SampleCodec.testPattern(ChannelFormat.STRING, 3, 4));
        byte[] i8 = (byte[]) SampleCodec.testPattern(ChannelFormat.INT8, 130, 4);
        assertEquals(5, i8[0]);
        assertEquals(-6, i8[1]);
        assertEquals(0, i8[122]);
        assertEquals(-1, i8[123]); // (123+5)%127 = 1, odd channel: -1
    }

    @Test
    void decodeRoundTripsEveryFormat() throws Exception {
        for (ChannelFormat f : ChannelFormat.values()) {
            Object v = SampleCodec.testPattern(f, 5, 4);
            byte[] b = SampleCodec.encode(f, 5, v, 0, 1, new double[] {123456.789});
            double[] ts = new double[1];
            Object back = new SampleCodec.Reader(new ByteArrayInputStream(b), f, 5).read(ts);
            assertTrue(SampleCodec.sameValues(v, back), f.toString());
            assertEquals(123456.789, ts[0]);
        }
        LslProtocolException e = assertThrows(LslProtocolException.class, () -> new SampleCodec.Reader(
                new ByteArrayInputStream(new byte[] {7}), ChannelFormat.INT8, 1).read(new double[1]));
        assertTrue(e.getMessage().contains("expected sample tag 1 (deduced) or 2 (transmitted), got tag 7"));
    }

    @Test
    void wrongArrayTypeIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> SampleCodec.encode(ChannelFormat.FLOAT32, 1, new double[] {1}, 0, 1, new double[] {1}));
    }

    @Test
    void queriesOfConjunctions() {
        StreamInfo i = StreamInfo.of("My EEG", "EEG", 8, 500, ChannelFormat.FLOAT32, "abc");
        assertTrue(Query.matches("", i));
        assertTrue(Query.matches("session_id='default' and name='My EEG'", i));
        assertTrue(Query.matches("type=\"EEG\" and source_id='abc'", i));
        assertFalse(Query.matches("name='Other'", i));
        assertFalse(Query.matches("starts-with(name,'My')", i)); // outside the subset: no match
        assertEquals("name=\"it's\"", Query.term("name", "it's"));
    }

    @Test
    void machineScopeStaysOnLoopback() throws Exception {
        LslConfig c = LslConfig.machine();
        assertEquals(InetAddress.getByName("127.0.0.1"), c.bindAddress());
        assertEquals(List.of("127.0.0.1"), LslScope.MACHINE.ipv4Groups());
        for (InetSocketAddress t : c.discoveryTargets()) {
            assertTrue(t.getAddress().isLoopbackAddress(), t.toString());
        }
        assertThrows(SecurityException.class, () -> c.checkDestination(InetAddress.getByName("239.255.172.215")));
        assertThrows(SecurityException.class, () -> c.checkDestination(InetAddress.getByName("255.255.255.255")));
        assertThrows(SecurityException.class, () -> c.checkDestination(InetAddress.getByName("10.1.2.3")));
        assertThrows(IllegalArgumentException.class,
                () -> new LslConfig(LslScope.MACHINE, List.of(InetAddress.getByName("10.1.2.3"))));
        assertEquals(List.of("127.0.0.1", "255.255.255.255", "224.0.0.1", "224.0.0.183", "239.255.172.215"),
                LslScope.SITE.ipv4Groups());
        assertEquals(LslScope.ORGANIZATION, LslScope.parse(" Organization"));
        assertThrows(IllegalArgumentException.class, () -> LslScope.parse("planet"));
        // the build runs tests with MISTUDIO_LSL_SCOPE=machine (acquisition/pom.xml)
        assertEquals(LslScope.MACHINE, LslScope.fromEnvironment());
    }
}
