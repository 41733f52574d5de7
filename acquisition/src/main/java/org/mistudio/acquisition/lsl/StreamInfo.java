package org.mistudio.acquisition.lsl;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Stream info as liblsl's {@code stream_info_impl} holds it (src/stream_info_impl.cpp {@code write_xml},
 * {@code read_xml}), with the channel descriptions of {@code desc/channels}. Short info carries an empty
 * {@code <desc />}; full info carries the channels. Version is the protocol version times 100 (110).
 */
public record StreamInfo(String name, String type, int channelCount, double nominalSrate, ChannelFormat format,
        String sourceId, int version, double createdAt, String uid, String sessionId, String hostname,
        String v4address, int v4dataPort, int v4servicePort, List<LslChannel> channels) {

    /** nominal_srate of an irregular stream (liblsl {@code LSL_IRREGULAR_RATE}). */
    public static final double IRREGULAR_RATE = 0.0;

    public StreamInfo {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the name of a stream must be non-empty");
        }
        if (channelCount < 0) {
            throw new IllegalArgumentException("channel_count must be >= 0, got " + channelCount);
        }
        if (!(nominalSrate >= 0) || Double.isInfinite(nominalSrate)) {
            throw new IllegalArgumentException("nominal_srate must be finite and >= 0, got " + nominalSrate);
        }
        Objects.requireNonNull(format, "format");
        type = nz(type);
        sourceId = nz(sourceId);
        uid = nz(uid);
        sessionId = nz(sessionId);
        hostname = nz(hostname);
        v4address = nz(v4address);
        channels = List.copyOf(channels);
        if (!channels.isEmpty() && channels.size() != channelCount) {
            throw new IllegalArgumentException("desc has " + channels.size() + " channels, channel_count is "
                    + channelCount);
        }
    }

    /** A new stream description (session "default", as liblsl's default {@code lab.SessionID}). */
    public static StreamInfo of(String name, String type, int channelCount, double nominalSrate,
            ChannelFormat format, String sourceId) {
        return new StreamInfo(name, type, channelCount, nominalSrate, format, sourceId,
                LslConfig.PROTOCOL_VERSION, 0, "", "default", "", "", 0, 0, List.of());
    }

    /** This info with channel labels, units and types. */
    public StreamInfo withChannels(List<LslChannel> chans) {
        return new StreamInfo(name, type, channelCount, nominalSrate, format, sourceId, version, createdAt, uid,
                sessionId, hostname, v4address, v4dataPort, v4servicePort, chans);
    }

    /** This info as an outlet advertises it. */
    public StreamInfo withOutletFields(String newUid, double newCreatedAt, String newHostname, int dataPort,
            int servicePort) {
        return new StreamInfo(name, type, channelCount, nominalSrate, format, sourceId, version, newCreatedAt,
                newUid, sessionId, newHostname, v4address, dataPort, servicePort, channels);
    }

    /** This info with the address the stream was found at. */
    public StreamInfo withAddress(String address) {
        return new StreamInfo(name, type, channelCount, nominalSrate, format, sourceId, version, createdAt, uid,
                sessionId, hostname, address, v4dataPort, v4servicePort, channels);
    }

    /** Channel labels (empty if the stream carries none). */
    public List<String> labels() {
        return channels.stream().map(LslChannel::label).toList();
    }

    /** The short info message: full fields, empty {@code desc}. */
    public String toShortInfoXml() {
        return toXml(false);
    }

    /** The full info message, {@code desc/channels} included. */
    public String toFullInfoXml() {
        return toXml(true);
    }

    private String toXml(boolean full) {
        // Layout as pugixml's default save (tab indent, "<x />" for empty elements), src/stream_info_impl.cpp.
        StringBuilder b = new StringBuilder(512 + 96 * channels.size());
        b.append("<?xml version=\"1.0\"?>\n<info>\n");
        el(b, 1, "name", name);
        el(b, 1, "type", type);
        el(b, 1, "channel_count", Integer.toString(channelCount));
        el(b, 1, "channel_format", format.xmlName());
        el(b, 1, "source_id", sourceId);
        el(b, 1, "nominal_srate", formatDouble(nominalSrate));
        el(b, 1, "version", formatDouble(version / 100.0));
        el(b, 1, "created_at", formatDouble(createdAt));
        el(b, 1, "uid", uid);
        el(b, 1, "session_id", sessionId);
        el(b, 1, "hostname", hostname);
        el(b, 1, "v4address", v4address);
        el(b, 1, "v4data_port", Integer.toString(v4dataPort));
        el(b, 1, "v4service_port", Integer.toString(v4servicePort));
        el(b, 1, "v6address", "");
        el(b, 1, "v6data_port", "0");
        el(b, 1, "v6service_port", "0");
        if (!full || channels.isEmpty()) {
            b.append("\t<desc />\n");
        } else {
            b.append("\t<desc>\n\t\t<channels>\n");
            for (LslChannel c : channels) {
                b.append("\t\t\t<channel>\n");
                el(b, 4, "label", c.label());
                el(b, 4, "unit", c.unit());
                el(b, 4, "type", c.type());
                b.append("\t\t\t</channel>\n");
            }
            b.append("\t\t</channels>\n\t</desc>\n");
        }
        b.append("</info>\n");
        return b.toString();
    }

    private static void el(StringBuilder b, int depth, String tag, String text) {
        b.append("\t".repeat(depth));
        if (text.isEmpty()) {
            b.append('<').append(tag).append(" />\n");
            return;
        }
        b.append('<').append(tag).append('>');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        b.append("</").append(tag).append(">\n");
    }

    /**
     * A double as liblsl writes it: 16 significant digits with the decimal point shown (src/util/cast.cpp,
     * {@code setprecision(16) << showpoint}, i.e. C's {@code %#.16g}).
     */
    public static String formatDouble(double v) {
        String s = String.format(Locale.ROOT, "%.16g", v); // Java's %g keeps trailing zeros, as %#g does
        return s;
    }

    /** Parses a short or full info message. */
    public static StreamInfo parse(String xml) throws LslProtocolException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder db = f.newDocumentBuilder();
            db.setErrorHandler(null);
            doc = db.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw LslProtocolException.expected("stream info XML", "unparseable text (" + e.getMessage() + ")");
        }
        Element info = doc.getDocumentElement();
        if (!"info".equals(info.getTagName())) {
            throw LslProtocolException.expected("root element <info>", "<" + info.getTagName() + ">");
        }
        try {
            String name = text(info, "name");
            ChannelFormat format = ChannelFormat.fromXml(text(info, "channel_format"));
            int count = Integer.parseInt(text(info, "channel_count").trim());
            double srate = Double.parseDouble(text(info, "nominal_srate").trim());
            String ver = text(info, "version").trim();
            int version = ver.isEmpty() ? LslConfig.PROTOCOL_VERSION : (int) Math.round(Double.parseDouble(ver) * 100);
            String created = text(info, "created_at").trim();
            List<LslChannel> chans = new ArrayList<>();
            Element desc = child(info, "desc");
            Element chs = desc == null ? null : child(desc, "channels");
            if (chs != null) {
                for (Node n = chs.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && e.getTagName().equals("channel")) {
                        chans.add(new LslChannel(text(e, "label"), text(e, "unit"), text(e, "type")));
                    }
                }
            }
            if (chans.size() != count) {
                chans = List.of(); // a desc that does not describe every channel is not a channel list
            }
            return new StreamInfo(name, text(info, "type"), count, srate, format, text(info, "source_id"), version,
                    created.isEmpty() ? 0 : Double.parseDouble(created), text(info, "uid"), text(info, "session_id"),
                    text(info, "hostname"), text(info, "v4address"), intOr0(text(info, "v4data_port")),
                    intOr0(text(info, "v4service_port")), chans);
        } catch (IllegalArgumentException e) {
            throw LslProtocolException.expected("valid stream info fields", e.getMessage());
        }
    }

    private static int intOr0(String s) {
        return s.isBlank() ? 0 : Integer.parseInt(s.trim());
    }

    private static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? "" : e.getTextContent();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
