package org.mistudio.acquisition.lsl;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Finds streams (liblsl src/resolve_attempt_udp.cpp): sends {@code LSL:shortinfo\r\n<query>\r\n<port> <id>\r\n}
 * to the scope's discovery destinations every 0.5 s and collects replies {@code <id>\r\n<shortinfo>}; the
 * stream's address is the reply's source address. Every destination passes {@link LslConfig#checkDestination}.
 */
public final class Resolver {
    /** Interval between query waves (liblsl {@code continuous_resolve_interval}). */
    public static final long WAVE_MILLIS = 500;

    private Resolver() {
    }

    /** Streams whose name is {@code name}. */
    public static List<StreamInfo> byName(LslConfig config, String name, long timeoutMillis) throws IOException {
        return resolve(config, Query.term("name", name), 1, timeoutMillis);
    }

    /** Streams whose type is {@code type}. */
    public static List<StreamInfo> byType(LslConfig config, String type, long timeoutMillis) throws IOException {
        return resolve(config, Query.term("type", type), 1, timeoutMillis);
    }

    /** Streams whose source_id is {@code sourceId}. */
    public static List<StreamInfo> bySourceId(LslConfig config, String sourceId, long timeoutMillis)
            throws IOException {
        return resolve(config, Query.term("source_id", sourceId), 1, timeoutMillis);
    }

    /** Streams satisfying a Java predicate (all streams are queried, the predicate filters the replies). */
    public static List<StreamInfo> matching(LslConfig config, Predicate<StreamInfo> predicate, int minimum,
            long timeoutMillis) throws IOException {
        return resolve(config, "", minimum, timeoutMillis, predicate);
    }

    /** Every stream answering within the timeout. */
    public static List<StreamInfo> all(LslConfig config, long timeoutMillis) throws IOException {
        return resolve(config, "", 0, timeoutMillis);
    }

    /**
     * Streams matching {@code query}: returns as soon as {@code minimum} (> 0) distinct streams (by uid)
     * answered, or when the timeout expires with what answered by then.
     */
    public static List<StreamInfo> resolve(LslConfig config, String query, int minimum, long timeoutMillis)
            throws IOException {
        return resolve(config, query, minimum, timeoutMillis, i -> true);
    }

    private static List<StreamInfo> resolve(LslConfig config, String query, int minimum, long timeoutMillis,
            Predicate<StreamInfo> filter) throws IOException {
        List<InetSocketAddress> targets = config.discoveryTargets(); // checked against the scope
        Map<String, StreamInfo> found = new LinkedHashMap<>();
        String id = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        try (DatagramSocket sock = config.scope().loopbackOnly() ? new DatagramSocket(null) : new MulticastSocket(null)) {
            sock.bind(new InetSocketAddress(config.bindAddress(), 0));
            if (sock instanceof MulticastSocket m) {
                m.setTimeToLive(config.scope().multicastTtl());
                m.setBroadcast(true);
            }
            byte[] q = (("LSL:shortinfo\r\n" + query + "\r\n" + sock.getLocalPort() + " " + id + "\r\n"))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] buf = new byte[65536];
            long nextWave = 0;
            while (true) {
                long now = System.nanoTime();
                if (now >= nextWave) {
                    for (InetSocketAddress t : targets) {
                        config.checkDestination(t.getAddress());
                        try {
                            sock.send(new DatagramPacket(q, q.length, t));
                        } catch (IOException e) {
                            // an unreachable group on this host: the others may answer
                        }
                    }
                    nextWave = now + WAVE_MILLIS * 1_000_000L;
                }
                long wait = Math.min(end, nextWave) - System.nanoTime();
                if (System.nanoTime() >= end) {
                    break;
                }
                sock.setSoTimeout((int) Math.max(1, wait / 1_000_000L));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    sock.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                String msg = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                int nl = msg.indexOf("\r\n");
                if (nl < 0 || !msg.substring(0, nl).trim().equals(id)) {
                    continue; // a reply to some other query
                }
                try {
                    StreamInfo info = StreamInfo.parse(msg.substring(nl + 2))
                            .withAddress(p.getAddress().getHostAddress());
                    if (filter.test(info)) {
                        found.putIfAbsent(info.uid(), info);
                    }
                } catch (LslProtocolException e) {
                    continue; // a malformed reply: ignore it
                }
                if (minimum > 0 && found.size() >= minimum) {
                    break;
                }
            }
        }
        return new ArrayList<>(found.values());
    }
}
