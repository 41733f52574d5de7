package org.mistudio.acquisition.lsl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An LSL outlet (liblsl src/stream_outlet_impl.cpp): a TCP acceptor serving any number of inlets with
 * protocol 1.10 (src/tcp_server.cpp), a unicast UDP service socket answering discovery queries and time
 * probes (src/udp_server.cpp) and a discovery responder on port 16571 (bound to 127.0.0.1 in machine scope;
 * otherwise on the wildcard address, joined to the scope's multicast groups).
 *
 * <p>Buffer policy: each connected inlet has its own queue of at most {@code Max-Buffer-Length} samples (the
 * inlet's request; 360 s of data by default). When a consumer stalls and its queue is full, the oldest queued
 * chunks are dropped (as liblsl's consumer_queue does), so a stalled inlet never blocks the outlet or the
 * other inlets; samples are never reordered or duplicated.
 */
public final class StreamOutlet implements Closeable {
    private final LslConfig config;
    private final StreamInfo info;
    private final String shortInfo;
    private final String fullInfo;
    private final ServerSocket server;
    private final DatagramSocket service;
    private final DatagramSocket discovery;
    private final List<Consumer> consumers = new CopyOnWriteArrayList<>();
    private final List<Socket> sessions = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    /** Opens the outlet's sockets and starts serving; {@code base} gets uid, created_at, hostname and ports. */
    public StreamOutlet(StreamInfo base, LslConfig config) throws IOException {
        this.config = config;
        InetAddress bind = config.bindAddress();
        this.server = bindTcp(bind);
        DatagramSocket svc = null;
        DatagramSocket disc = null;
        try {
            svc = bindUdp(bind);
            this.info = base.withOutletFields(UUID.randomUUID().toString(), LslClock.now(), hostname(),
                    server.getLocalPort(), svc.getLocalPort());
            this.shortInfo = info.toShortInfoXml();
            this.fullInfo = info.toFullInfoXml();
            disc = openDiscoveryResponder(config);
        } catch (IOException | RuntimeException e) {
            server.close();
            if (svc != null) {
                svc.close();
            }
            throw e;
        }
        this.service = svc;
        this.discovery = disc;
        start("lsl-accept-" + info.name(), this::acceptLoop);
        start("lsl-service-" + info.name(), () -> udpLoop(service, true));
        if (discovery != null) {
            start("lsl-discovery-" + info.name(), () -> udpLoop(discovery, false));
        }
    }

    /** The stream info as advertised (uid, ports, created_at filled in). */
    public StreamInfo info() {
        return info;
    }

    /** Local address of the TCP data acceptor. */
    public InetSocketAddress dataAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Local address of the UDP service socket. */
    public InetSocketAddress serviceAddress() {
        return (InetSocketAddress) service.getLocalSocketAddress();
    }

    /** Local address of the discovery responder (port 16571), or null if that port could not be bound. */
    public InetSocketAddress discoveryAddress() {
        return discovery == null ? null : (InetSocketAddress) discovery.getLocalSocketAddress();
    }

    /** Number of inlets receiving data now. */
    public int consumerCount() {
        return consumers.size();
    }

    /** Waits until at least one inlet receives data; false on timeout. */
    public boolean waitForConsumers(long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (consumers.isEmpty()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Pushes one sample stamped now. */
    public void pushSample(Object values) {
        pushSample(values, 0.0);
    }

    /** Pushes one sample (an array of the stream's format); timestamp 0.0 means now (liblsl convention). */
    public void pushSample(Object values, double timestamp) {
        checkLength(values, 1);
        double ts = timestamp == 0.0 ? LslClock.now() : timestamp;
        send(SampleCodec.encode(info.format(), info.channelCount(), values, 0, 1, new double[] {ts}), 1);
    }

    /**
     * Pushes a chunk (flat, sample-major) whose last sample has {@code lastTimestamp} (0.0 = now): the first
     * sample carries its timestamp (last − (n−1)/srate for regular streams), the others are sent as deduced,
     * as liblsl's {@code push_chunk_multiplexed} does (src/stream_outlet_impl.cpp).
     */
    public void pushChunk(Object flat, double lastTimestamp) {
        int n = samplesIn(flat);
        if (n == 0) {
            return;
        }
        double last = lastTimestamp == 0.0 ? LslClock.now() : lastTimestamp;
        double first = info.nominalSrate() > 0 ? last - (n - 1) / info.nominalSrate() : last;
        double[] ts = new double[n];
        java.util.Arrays.fill(ts, SampleCodec.DEDUCED);
        ts[0] = first;
        send(SampleCodec.encode(info.format(), info.channelCount(), flat, 0, n, ts), n);
    }

    /** Pushes a chunk with one transmitted timestamp per sample. */
    public void pushChunk(Object flat, double[] timestamps) {
        int n = samplesIn(flat);
        if (timestamps.length != n) {
            throw new IllegalArgumentException("chunk has " + n + " samples but " + timestamps.length + " timestamps");
        }
        send(SampleCodec.encode(info.format(), info.channelCount(), flat, 0, n, timestamps), n);
    }

    private int samplesIn(Object flat) {
        SampleCodec.checkArray(info.format(), flat);
        int len = java.lang.reflect.Array.getLength(flat);
        int ch = info.channelCount();
        if (ch == 0 || len % ch != 0) {
            throw new IllegalArgumentException("chunk length " + len + " is not a multiple of " + ch + " channels");
        }
        return len / ch;
    }

    private void checkLength(Object values, int n) {
        if (samplesIn(values) != n) {
            throw new IllegalArgumentException("a sample has " + info.channelCount() + " values, got "
                    + java.lang.reflect.Array.getLength(values));
        }
    }

    private void send(byte[] encoded, int samples) {
        if (closed) {
            throw new IllegalStateException("outlet " + info.name() + " is closed");
        }
        for (Consumer c : consumers) {
            c.offer(encoded, samples);
        }
    }

    // ---------------------------------------------------------------- TCP

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                sessions.add(s);
                start("lsl-session-" + info.name(), () -> serve(s));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket s) {
        Consumer consumer = null;
        try (s) {
            s.setSoTimeout(10_000); // a client has 10 s to send its request
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
            String method = Wire.readLine(in);
            if (method == null) {
                return;
            }
            method = method.trim();
            if (method.equals("LSL:shortinfo")) {
                String query = Wire.readLine(in);
                if (query != null && Query.matches(query, info)) {
                    out.write(Wire.ascii(shortInfo));
                }
                out.flush();
            } else if (method.equals("LSL:fullinfo")) {
                out.write(Wire.ascii(fullInfo));
                out.flush();
            } else if (method.startsWith("LSL:streamfeed/")) {
                consumer = handshake(method, in, out);
                if (consumer != null) {
                    s.setSoTimeout(0);
                    feed(consumer, out);
                }
            } else if (method.equals("LSL:streamfeed")) {
                // Protocol 1.00 (Boost portable archive) is not implemented: a liblsl inlet proposes
                // min(110, outlet version) and never sends this to an outlet advertising 1.10.
                out.write(Wire.ascii("LSL/" + LslConfig.PROTOCOL_VERSION + " 505 Version not supported\r\n"));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away; nothing to do
        } finally {
            if (consumer != null) {
                consumers.remove(consumer);
            }
            sessions.remove(s);
        }
    }

    /** Request line and headers, response, test pattern (src/tcp_server.cpp handle_read_feedparams). */
    private Consumer handshake(String method, InputStream in, OutputStream out) throws IOException {
        String[] parts = method.split(" +");
        int version;
        try {
            version = Integer.parseInt(parts[0].substring("LSL:streamfeed/".length()));
        } catch (NumberFormatException e) {
            throw LslProtocolException.expected("LSL:streamfeed/<version> <uid>", method);
        }
        Map<String, String> headers = Wire.readHeaders(in);
        String status = "LSL/" + LslConfig.PROTOCOL_VERSION;
        if (version / 100 > LslConfig.PROTOCOL_VERSION / 100) {
            out.write(Wire.ascii(status + " 505 Version not supported\r\n"));
            out.flush();
            return null;
        }
        if (parts.length > 1 && !parts[1].isEmpty() && !parts[1].equals(info.uid())) {
            out.write(Wire.ascii(status + " 404 Not found\r\n"));
            out.flush();
            return null;
        }
        int clientVersion = parseInt(headers.get("data-protocol-version"),
                parseInt(headers.get("protocol-version"), version));
        int valueSize = parseInt(headers.get("value-size"), info.format().valueSize());
        if (Math.min(clientVersion, LslConfig.PROTOCOL_VERSION) < 110
                || (info.format() != ChannelFormat.STRING && valueSize != info.format().valueSize())
                || "0".equals(headers.get("has-ieee754-floats"))) {
            // liblsl would fall back to protocol 1.00 here, which we do not speak
            out.write(Wire.ascii(status + " 505 Version not supported\r\n"));
            out.flush();
            return null;
        }
        double rate = info.nominalSrate() > 0 ? info.nominalSrate() : 100;
        int maxBuffered = parseInt(headers.get("max-buffer-length"), (int) Math.min(Integer.MAX_VALUE, 360 * rate));
        // We always send little-endian, values as they are (Byte-Order 1234, no subnormal suppression).
        String reply = status + " 200 OK\r\nUID: " + info.uid() + "\r\nByte-Order: 1234\r\n"
                + "Suppress-Subnormals: 0\r\nData-Protocol-Version: 110\r\n\r\n";
        out.write(Wire.ascii(reply));
        int ch = info.channelCount();
        double[] ts = {SampleCodec.TEST_PATTERN_TIMESTAMP};
        for (int offset : new int[] {4, 2}) {
            out.write(SampleCodec.encode(info.format(), ch, SampleCodec.testPattern(info.format(), ch, offset), 0, 1,
                    ts));
        }
        out.flush();
        if (maxBuffered <= 0) {
            return null; // liblsl: max_buffered 0 means the handshake only
        }
        Consumer c = new Consumer(maxBuffered);
        consumers.add(c);
        return c;
    }

    private static int parseInt(String s, int dflt) {
        if (s == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private void feed(Consumer c, OutputStream out) throws IOException {
        List<byte[]> batch = new ArrayList<>();
        while (!closed) {
            if (!c.drainTo(batch, 500)) {
                continue;
            }
            for (byte[] b : batch) {
                out.write(b);
            }
            batch.clear();
            out.flush();
        }
    }

    /** One inlet's queue of encoded chunks, bounded in samples (oldest dropped first). */
    private static final class Consumer {
        private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        private final ArrayDeque<Integer> counts = new ArrayDeque<>();
        private final int maxSamples;
        private int buffered;

        Consumer(int maxSamples) {
            this.maxSamples = maxSamples;
        }

        synchronized void offer(byte[] chunk, int samples) {
            chunks.add(chunk);
            counts.add(samples);
            buffered += samples;
            while (buffered > maxSamples && chunks.size() > 1) {
                chunks.poll();
                buffered -= counts.poll();
            }
            notifyAll();
        }

        synchronized void wake() {
            notifyAll();
        }

        synchronized boolean drainTo(List<byte[]> out, long waitMillis) {
            if (chunks.isEmpty()) {
                try {
                    wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (chunks.isEmpty()) {
                return false;
            }
            out.addAll(chunks);
            chunks.clear();
            counts.clear();
            buffered = 0;
            return true;
        }
    }

    // ---------------------------------------------------------------- UDP

    /** Answers LSL:shortinfo (both sockets) and LSL:timedata (service socket only), src/udp_server.cpp. */
    private void udpLoop(DatagramSocket sock, boolean timeServices) {
        byte[] buf = new byte[65536];
        while (!closed) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                sock.receive(p);
                double t1 = LslClock.now();
                String msg = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                String[] lines = msg.split("\r?\n", -1);
                String m = lines[0].trim();
                if (m.equals("LSL:shortinfo") && lines.length >= 3) {
                    String[] rp = lines[2].trim().split("\\s+");
                    if (rp.length >= 2 && Query.matches(lines[1].trim(), info)) {
                        InetAddress to = p.getAddress();
                        config.checkDestination(to);
                        byte[] reply = Wire.ascii(rp[1] + "\r\n" + shortInfo);
                        sock.send(new DatagramPacket(reply, reply.length, to, Integer.parseInt(rp[0])));
                    }
                } else if (timeServices && m.equals("LSL:timedata") && lines.length >= 2) {
                    String[] f = lines[1].trim().split("\\s+");
                    String reply = " " + f[0] + " " + f[1] + " " + StreamInfo.formatDouble(t1) + " "
                            + StreamInfo.formatDouble(LslClock.now());
                    config.checkDestination(p.getAddress());
                    byte[] r = Wire.ascii(reply);
                    sock.send(new DatagramPacket(r, r.length, p.getSocketAddress()));
                }
            } catch (IOException | RuntimeException e) {
                if (closed || sock.isClosed()) {
                    return;
                }
                // a malformed datagram: ignore it, as udp_server does
            }
        }
    }

    private static ServerSocket bindTcp(InetAddress bind) throws IOException {
        for (int port = LslConfig.BASE_PORT; port < LslConfig.BASE_PORT + LslConfig.PORT_RANGE; port++) {
            ServerSocket s = new ServerSocket();
            try {
                s.bind(new InetSocketAddress(bind, port), 64);
                return s;
            } catch (IOException e) {
                s.close();
            }
        }
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(bind, 0), 64);
        return s;
    }

    private static DatagramSocket bindUdp(InetAddress bind) throws IOException {
        for (int port = LslConfig.BASE_PORT; port < LslConfig.BASE_PORT + LslConfig.PORT_RANGE; port++) {
            try {
                return new DatagramSocket(new InetSocketAddress(bind, port));
            } catch (SocketException e) {
                // in use: try the next one
            }
        }
        return new DatagramSocket(new InetSocketAddress(bind, 0));
    }

    private static DatagramSocket openDiscoveryResponder(LslConfig config) {
        try {
            if (config.scope().loopbackOnly()) {
                DatagramSocket d = new DatagramSocket(null);
                d.setReuseAddress(true);
                d.bind(new InetSocketAddress(config.bindAddress(), LslConfig.DISCOVERY_PORT));
                return d;
            }
            MulticastSocket m = new MulticastSocket(null);
            m.setReuseAddress(true);
            m.bind(new InetSocketAddress(LslConfig.DISCOVERY_PORT));
            for (String g : config.scope().ipv4Groups()) {
                InetAddress group = InetAddress.getByName(g);
                if (!group.isMulticastAddress()) {
                    continue; // 127.0.0.1 and broadcast arrive without joining
                }
                for (NetworkInterface ni : NetworkInterface.networkInterfaces().toList()) {
                    if (ni.isUp() && ni.supportsMulticast()
                            && ni.inetAddresses().anyMatch(a -> a instanceof Inet4Address)) {
                        try {
                            m.joinGroup(new InetSocketAddress(group, 0), ni);
                        } catch (IOException e) {
                            // this interface refuses the group; the others may still answer
                        }
                    }
                }
            }
            return m;
        } catch (IOException e) {
            return null; // discovery stays possible through the unicast service port
        }
    }

    /** The machine's host name without a DNS lookup (no packet may leave the machine in machine scope). */
    static String hostname() {
        try {
            String h = Files.readString(Path.of("/etc/hostname")).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            h = System.getenv("COMPUTERNAME");
        }
        return h == null || h.isBlank() ? "localhost" : h;
    }

    private void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        synchronized (threads) {
            threads.removeIf(x -> !x.isAlive());
            threads.add(t);
        }
        t.start();
    }

    /** Stops serving: closes every socket and waits briefly for the threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        service.close();
        if (discovery != null) {
            discovery.close();
        }
        for (Consumer c : consumers) {
            c.wake();
        }
        for (Socket s : sessions) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        List<Thread> ts;
        synchronized (threads) {
            ts = new ArrayList<>(threads);
        }
        for (Thread t : ts) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
