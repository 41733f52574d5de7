package org.mistudio.acquisition.lsl;

import java.util.ArrayList;
import java.util.List;

/**
 * The discovery query: an XPath 1.0 predicate over {@code <info>} (liblsl src/stream_info_impl.cpp
 * {@code matches_query}). We evaluate the subset resolvers send: the empty query (all streams) and
 * conjunctions of {@code field='value'} (either quote) over the short-info fields (name, type, source_id,
 * session_id, hostname, uid, channel_format, channel_count). Anything else matches nothing.
 */
public final class Query {
    private Query() {
    }

    /** {@code field='value'}, with a single quote in the value not allowed (as in XPath 1.0 literals). */
    public static String term(String field, String value) {
        if (value.contains("'")) {
            return field + "=\"" + value + "\"";
        }
        return field + "='" + value + "'";
    }

    /** True if {@code info} satisfies {@code query}. */
    public static boolean matches(String query, StreamInfo info) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            return true;
        }
        List<String[]> terms = parse(q);
        if (terms == null) {
            return false;
        }
        for (String[] t : terms) {
            String actual = switch (t[0]) {
                case "name" -> info.name();
                case "type" -> info.type();
                case "source_id" -> info.sourceId();
                case "session_id" -> info.sessionId();
                case "hostname" -> info.hostname();
                case "uid" -> info.uid();
                case "channel_format" -> info.format().xmlName();
                case "channel_count" -> Integer.toString(info.channelCount());
                default -> null;
            };
            if (actual == null || !actual.equals(t[1])) {
                return false;
            }
        }
        return true;
    }

    /** [field, value] pairs, or null if the query is outside the supported subset. */
    static List<String[]> parse(String q) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (true) {
            while (i < n && q.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(q.charAt(i)) || q.charAt(i) == '_')) {
                i++;
            }
            String field = q.substring(start, i);
            while (i < n && q.charAt(i) == ' ') {
                i++;
            }
            if (field.isEmpty() || i >= n || q.charAt(i) != '=') {
                return null;
            }
            i++;
            while (i < n && q.charAt(i) == ' ') {
                i++;
            }
            if (i >= n || (q.charAt(i) != '\'' && q.charAt(i) != '"')) {
                return null;
            }
            char quote = q.charAt(i++);
            int end = q.indexOf(quote, i);
            if (end < 0) {
                return null;
            }
            out.add(new String[] {field, q.substring(i, end)});
            i = end + 1;
            while (i < n && q.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                return out;
            }
            if (!q.startsWith("and", i) || i + 3 >= n || q.charAt(i + 3) != ' ') {
                return null;
            }
            i += 3;
        }
    }
}
