package org.mistudio.acquisition.lsl;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Line-level helpers of the TCP requests (liblsl src/tcp_server.cpp, src/data_receiver.cpp). */
final class Wire {
    static final int MAX_LINE = 16384;

    private Wire() {
    }

    /** Reads one line ending in LF (a trailing CR removed); null at end of stream before any byte. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (b.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed inside a header line");
            }
            if (c == '\n') {
                break;
            }
            if (b.size() >= MAX_LINE) {
                throw LslProtocolException.expected("a header line under " + MAX_LINE + " bytes", "a longer line");
            }
            b.write(c);
        }
        String s = b.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Reads {@code Name: value} lines up to the empty line; names lower-cased, {@code ;} starts a comment
     * (as tcp_server.cpp {@code handle_read_feedparams} parses them). Lines without a colon are skipped.
     */
    static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 0; i < 256; i++) {
            String line = readLine(in);
            if (line == null) {
                throw new EOFException("connection closed inside the header block");
            }
            if (line.isEmpty()) {
                return h;
            }
            int semi = line.indexOf(';');
            if (semi >= 0) {
                line = line.substring(0, semi);
            }
            int colon = line.indexOf(':');
            if (colon >= 0) {
                h.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        throw LslProtocolException.expected("an empty line ending the headers within 256 lines", "more lines");
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
