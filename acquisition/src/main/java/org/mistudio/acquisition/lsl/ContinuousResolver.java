package org.mistudio.acquisition.lsl;

import java.io.Closeable;
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

/**
 * A resolver that keeps running (liblsl src/resolver_impl.cpp, {@code resolve_continuous}): it sends a query wave
 * every 0.5 s in the background and {@link #results()} returns the streams that answered within the last
 * {@code forgetAfter} seconds (liblsl's default 5 s), so streams that appear are listed and streams that vanish are
 * dropped. Every destination passes {@link LslConfig#checkDestination}.
 */
public final class ContinuousResolver implements Closeable {
    private final LslConfig config;
    private final String query;
    private final long forgetNanos;
    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<String, StreamInfo> infos = new LinkedHashMap<>();
    private final Map<String, Long> lastSeen = new LinkedHashMap<>();
    private volatile boolean closed;

    /** Resolves {@code query} (an XPath predicate as {@link Query} accepts; empty = all) continuously. */
    public ContinuousResolver(LslConfig config, String query, double forgetAfterSeconds) throws IOException {
        this.config = config;
        this.query = query == null ? "" : query;
        this.forgetNanos = (long) (forgetAfterSeconds * 1e9);
        DatagramSocket s = config.scope().loopbackOnly() ? new DatagramSocket(null) : new MulticastSocket(null);
        try {
            s.bind(new InetSocketAddress(config.bindAddress(), 0));
            if (s instanceof MulticastSocket m) {
                m.setTimeToLive(config.scope().multicastTtl());
                m.setBroadcast(true);
            }
        } catch (IOException e) {
            s.close();
            throw e;
        }
        this.socket = s;
        thread = new Thread(this::run, "lsl-continuous-resolver");
        thread.setDaemon(true);
        thread.start();
    }

    /** Every stream (one per uid) that answered within the forget interval, in order of first answer. */
    public List<StreamInfo> results() {
        long now = System.nanoTime();
        synchronized (infos) {
            List<StreamInfo> out = new ArrayList<>();
            for (Map.Entry<String, StreamInfo> e : infos.entrySet()) {
                if (now - lastSeen.get(e.getKey()) <= forgetNanos) {
                    out.add(e.getValue());
                }
            }
            return out;
        }
    }

    private void run() {
        List<InetSocketAddress> targets = config.discoveryTargets();
        byte[] buf = new byte[65536];
        long nextWave = 0;
        String id = "";
        while (!closed) {
            try {
                long now = System.nanoTime();
                if (now >= nextWave) {
                    id = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
                    byte[] q = ("LSL:shortinfo\r\n" + query + "\r\n" + socket.getLocalPort() + " " + id + "\r\n")
                            .getBytes(StandardCharsets.UTF_8);
                    for (InetSocketAddress t : targets) {
                        config.checkDestination(t.getAddress());
                        try {
                            socket.send(new DatagramPacket(q, q.length, t));
                        } catch (IOException e) {
                            // unreachable destination: the others may answer
                        }
                    }
                    nextWave = now + Resolver.WAVE_MILLIS * 1_000_000L;
                }
                socket.setSoTimeout((int) Math.max(1, (nextWave - System.nanoTime()) / 1_000_000L));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                String msg = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                int nl = msg.indexOf("\r\n");
                if (nl < 0) {
                    continue;
                }
                try {
                    StreamInfo info = StreamInfo.parse(msg.substring(nl + 2)).withAddress(p.getAddress().getHostAddress());
                    synchronized (infos) {
                        infos.put(info.uid(), info);
                        lastSeen.put(info.uid(), System.nanoTime());
                    }
                } catch (LslProtocolException e) {
                    // a malformed reply: ignore it
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
