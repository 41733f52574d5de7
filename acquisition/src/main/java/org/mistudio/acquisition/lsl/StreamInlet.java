package org.mistudio.acquisition.lsl;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An LSL inlet speaking data protocol 1.10 (liblsl src/data_receiver.cpp, src/info_receiver.cpp,
 * src/time_receiver.cpp). It checks the two test-pattern samples, deduces timestamps tagged 1, estimates the
 * clock offset from time probes, and recovers: if the connection is lost it resolves the stream again by
 * source_id (name/type/hostname if that is empty), reconnects and marks the next sample with
 * {@link Sample#gapBefore()}; after a reconnection, samples not newer than the last one delivered are discarded, so the
 * consumer never sees a duplicate or a reordering. Timestamps of regular streams can be dejittered by passing the
 * pulled samples through a {@link Dejitter}.
 */
public final class StreamInlet implements Closeable {
    /** Probe wave timing (liblsl api_config: time_probe_interval 64 ms, count 8, max RTT 128 ms, every 2 s). */
    static final int PROBES = 8;
    static final long PROBE_INTERVAL_MS = 64;
    static final long PROBE_MAX_RTT_MS = 128;
    static final long PROBE_WAVE_EVERY_MS = 2000;
    static final int MIN_ANSWERS = 6;

    private final LslConfig config;
    private final boolean correct;
    private final int maxBuffered;
    private final ArrayDeque<Sample> queue = new ArrayDeque<>();
    private final Object probeLock = new Object();
    private final Thread reader;
    private final Thread prober;
    private volatile StreamInfo target;
    private volatile StreamInfo fullInfo;
    private volatile Socket socket;
    private volatile SampleCodec.Reader sampleReader;
    private volatile boolean closed;
    private volatile double timeCorrection = Double.NaN;
    private volatile IOException failure;
    private long gaps;
    private long discarded;
    private boolean pendingGap;
    private double lastTimestamp = Double.NEGATIVE_INFINITY;
    private final long watchdogNanos;
    private final Thread watchdog;
    private volatile long lastDataNanos = System.nanoTime();
    private volatile long lastProbeReplyNanos = System.nanoTime();
    private volatile long watchdogResets;

    /** Default buffer: 360 s of samples (liblsl's {@code max_buflen} default). */
    public static final double DEFAULT_MAX_BUFFER_SECONDS = 360;

    private StreamInlet(StreamInfo resolved, LslConfig config, boolean correctTimestamps, double maxBufferSeconds,
            long watchdogMillis) throws IOException {
        this.config = config;
        this.correct = correctTimestamps;
        this.target = resolved;
        if (!(maxBufferSeconds > 0)) {
            throw new IllegalArgumentException("max buffer must be > 0 s, got " + maxBufferSeconds);
        }
        this.maxBuffered = (int) Math.max(1, Math.min(10_000_000,
                maxBufferSeconds * (resolved.nominalSrate() > 0 ? resolved.nominalSrate() : 100)));
        this.watchdogNanos = watchdogMillis * 1_000_000L;
        connect(resolved);
        prober = daemon("lsl-probe-" + resolved.name(), this::probeLoop);
        reader = daemon("lsl-inlet-" + resolved.name(), this::readLoop);
        watchdog = watchdogMillis > 0 ? daemon("lsl-watchdog-" + resolved.name(), this::watchdogLoop) : null;
    }

    /** Connects to a resolved stream; with {@code correctTimestamps} pulled timestamps are on the local clock. */
    public static StreamInlet open(StreamInfo resolved, LslConfig config, boolean correctTimestamps) throws IOException {
        return new StreamInlet(resolved, config, correctTimestamps, DEFAULT_MAX_BUFFER_SECONDS, 0);
    }

    /**
     * Connects with a buffer of {@code maxBufferSeconds} of samples (requested from the outlet as
     * Max-Buffer-Length and kept locally; when the consumer falls further behind the oldest samples are dropped and
     * the next one pulled is marked {@link Sample#gapBefore()}) and a watchdog: when neither data nor a time-probe
     * reply arrived for {@code watchdogMillis} (0 = no watchdog; with one, probe waves run every watchdog/3 at most),
     * the connection is considered dead and the inlet
     * reconnects as after a lost connection. An idle but live outlet keeps answering probes, so it is not dropped.
     */
    public static StreamInlet open(StreamInfo resolved, LslConfig config, boolean correctTimestamps,
            double maxBufferSeconds, long watchdogMillis) throws IOException {
        return new StreamInlet(resolved, config, correctTimestamps, maxBufferSeconds, watchdogMillis);
    }

    /** How many times the watchdog dropped a silent connection. */
    public long watchdogResets() {
        return watchdogResets;
    }

    private void watchdogLoop() {
        while (!closed) {
            sleep(Math.max(10, Math.min(200, watchdogNanos / 4_000_000L)));
            long now = System.nanoTime();
            if (socket != null && now - lastDataNanos > watchdogNanos && now - lastProbeReplyNanos > watchdogNanos) {
                watchdogResets++;
                lastDataNanos = now; // one reset per silent period
                lastProbeReplyNanos = now;
                closeSocket(); // the reader sees an error and reconnects
            }
        }
    }

    /** The stream's full info (with desc/channels), as fetched on connection. */
    public StreamInfo info() {
        return fullInfo;
    }

    // ---------------------------------------------------------------- connection

    private void connect(StreamInfo s) throws IOException {
        InetAddress addr = InetAddress.getByName(s.v4address().isEmpty() ? "127.0.0.1" : s.v4address());
        config.checkDestination(addr);
        InetSocketAddress data = new InetSocketAddress(addr, s.v4dataPort());
        fullInfo = StreamInfo.parse(request(data, "LSL:fullinfo\r\n")).withAddress(addr.getHostAddress());
        Socket sock = new Socket();
        try {
            sock.setTcpNoDelay(true);
            sock.connect(data, 2000);
            sock.setSoTimeout(5000);
            OutputStream out = sock.getOutputStream();
            double rate = s.nominalSrate();
            StringBuilder req = new StringBuilder();
            req.append("LSL:streamfeed/110 ").append(s.uid()).append("\r\n")
                    .append("Native-Byte-Order: 1234\r\n")
                    .append("Endian-Performance: 0\r\n")
                    .append("Has-IEEE754-Floats: 1\r\n")
                    .append("Supports-Subnormals: 1\r\n")
                    .append("Value-Size: ").append(s.format().valueSize()).append("\r\n")
                    .append("Data-Protocol-Version: 110\r\n")
                    .append("Max-Buffer-Length: ").append(maxBuffered).append("\r\n")
                    .append("Max-Chunk-Length: 0\r\n")
                    .append("Hostname: ").append(s.hostname()).append("\r\n")
                    .append("Source-Id: ").append(s.sourceId()).append("\r\n")
                    .append("Session-Id: ").append(s.sessionId()).append("\r\n\r\n");
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(sock.getInputStream(), 1 << 16);
            String status = Wire.readLine(in);
            if (status == null) {
                throw LslProtocolException.expected("a status line LSL/110 200 OK", "end of stream");
            }
            String[] parts = status.trim().split(" +", 3);
            if (parts.length < 3 || !parts[0].startsWith("LSL/")) {
                throw LslProtocolException.expected("a status line LSL/<version> <code> <message>", "'" + status + "'");
            }
            int code = Integer.parseInt(parts[1]);
            if (code != 200) {
                throw new LslProtocolException("outlet " + s.name() + " refused the stream feed: " + status);
            }
            Map<String, String> h = Wire.readHeaders(in);
            String dpv = h.getOrDefault("data-protocol-version", "100");
            if (!dpv.equals("110")) {
                throw LslProtocolException.expected("Data-Protocol-Version 110 (the only one we speak)", dpv);
            }
            String order = h.getOrDefault("byte-order", "1234");
            if (!order.equals("1234")) {
                throw LslProtocolException.expected("Byte-Order 1234", order);
            }
            SampleCodec.Reader r = new SampleCodec.Reader(in, s.format(), s.channelCount());
            double[] ts = new double[1];
            for (int offset : new int[] {4, 2}) {
                Object v = r.read(ts);
                Object want = SampleCodec.testPattern(s.format(), s.channelCount(), offset);
                if (ts[0] != SampleCodec.TEST_PATTERN_TIMESTAMP || !SampleCodec.sameValues(v, want)) {
                    throw LslProtocolException.expected("test pattern " + offset + " at 123456.789",
                            "timestamp " + ts[0] + " and other values");
                }
            }
            sock.setSoTimeout(0);
            lastDataNanos = System.nanoTime();
            this.target = s.withAddress(addr.getHostAddress());
            this.sampleReader = r;
            this.socket = sock;
        } catch (IOException | RuntimeException e) {
            sock.close();
            throw e;
        }
    }

    private String request(InetSocketAddress addr, String req) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(addr, 2000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(req.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            s.getInputStream().transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    private void readLoop() {
        double[] ts = new double[1];
        double last = Double.NaN;
        while (!closed) {
            try {
                Object v = sampleReader.read(ts);
                lastDataNanos = System.nanoTime();
                double t = ts[0];
                if (t == SampleCodec.DEDUCED) {
                    // src/sample.cpp: deduced = previous + 1/srate (irregular: the previous)
                    double rate = target.nominalSrate();
                    t = Double.isNaN(last) ? LslClock.now() : last + (rate > 0 ? 1.0 / rate : 0);
                }
                last = t;
                enqueue(t, v);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                closeSocket();
                socket = null;
                synchronized (queue) {
                    pendingGap = true;
                    gaps++;
                }
                last = Double.NaN;
                if (!reconnect()) {
                    return;
                }
            }
        }
    }

    private boolean reconnect() {
        StreamInfo t = target;
        while (!closed) {
            try {
                List<StreamInfo> found = t.sourceId().isEmpty()
                        ? Resolver.matching(config, i -> i.name().equals(t.name()) && i.type().equals(t.type())
                                && i.hostname().equals(t.hostname()), 1, 1000)
                        : Resolver.bySourceId(config, t.sourceId(), 1000);
                for (StreamInfo f : found) {
                    if (f.format() == t.format() && f.channelCount() == t.channelCount()) {
                        connect(f);
                        timeCorrection = Double.NaN;
                        synchronized (probeLock) {
                            probeLock.notifyAll(); // new clock offset at once
                        }
                        return true;
                    }
                }
            } catch (IOException e) {
                failure = e;
            }
            sleep(100);
        }
        return false;
    }

    private void enqueue(double t, Object v) {
        double c = timeCorrection;
        double stamp = correct && !Double.isNaN(c) ? t + c : t;
        synchronized (queue) {
            if (pendingGap && t <= lastTimestamp) {
                discarded++; // after a reconnection: would repeat or reorder what the consumer already has
                return;
            }
            lastTimestamp = t;
            if (queue.size() >= maxBuffered) {
                // the consumer is too slow: drop the oldest; the sample now first follows a gap
                queue.poll();
                Sample head = queue.poll();
                if (head != null) {
                    queue.addFirst(new Sample(head.timestamp(), head.values(), true));
                } else {
                    pendingGap = true;
                }
            }
            queue.add(new Sample(stamp, v, pendingGap));
            pendingGap = false;
            queue.notifyAll();
        }
    }

    // ---------------------------------------------------------------- pulling

    /** The next sample, or null if none arrives within the timeout. */
    public Sample pullSample(long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (queue) {
            while (queue.isEmpty()) {
                long left = (end - System.nanoTime()) / 1_000_000L;
                if (left <= 0 || closed) {
                    return null;
                }
                queue.wait(left);
            }
            return queue.poll();
        }
    }

    /** Every sample available now, up to {@code max} (an empty list if none). */
    public List<Sample> pullChunk(int max) {
        synchronized (queue) {
            List<Sample> out = new ArrayList<>(Math.min(max, queue.size()));
            while (!queue.isEmpty() && out.size() < max) {
                out.add(queue.poll());
            }
            return out;
        }
    }

    /** Samples waiting to be pulled. */
    public int available() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** How many times the connection was lost (each loss marks a gap). */
    public long gapCount() {
        synchronized (queue) {
            return gaps;
        }
    }

    /** Samples discarded because their timestamp went backwards. */
    public long discardedCount() {
        synchronized (queue) {
            return discarded;
        }
    }

    /** The last reconnection error, if any. */
    public IOException lastFailure() {
        return failure;
    }

    // ---------------------------------------------------------------- time correction

    /**
     * Seconds to add to the outlet's timestamps to get local time (src/time_receiver.cpp), waiting up to
     * {@code timeoutMillis} for a first estimate.
     */
    public double timeCorrection(long timeoutMillis) throws java.util.concurrent.TimeoutException, InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (Double.isNaN(timeCorrection)) {
            if (System.nanoTime() > end || closed) {
                throw new java.util.concurrent.TimeoutException("no time-correction estimate from " + target.name()
                        + " within " + timeoutMillis + " ms");
            }
            Thread.sleep(5);
        }
        return timeCorrection;
    }

    private void probeLoop() {
        try (DatagramSocket sock = new DatagramSocket(new InetSocketAddress(config.bindAddress(), 0))) {
            int wave = 0;
            byte[] buf = new byte[1024];
            while (!closed) {
                StreamInfo t = target;
                InetAddress addr = InetAddress.getByName(t.v4address().isEmpty() ? "127.0.0.1" : t.v4address());
                config.checkDestination(addr);
                InetSocketAddress svc = new InetSocketAddress(addr, t.v4servicePort());
                double bestRtt = Double.POSITIVE_INFINITY;
                double bestOffset = Double.NaN;
                int answers = 0;
                wave++;
                for (int i = 0; i < PROBES && !closed; i++) {
                    double t0 = LslClock.now();
                    byte[] q = ("LSL:timedata\r\n" + wave + " " + StreamInfo.formatDouble(t0) + "\r\n")
                            .getBytes(StandardCharsets.UTF_8);
                    sock.send(new DatagramPacket(q, q.length, svc));
                    long until = System.nanoTime() + PROBE_MAX_RTT_MS * 1_000_000L;
                    while (true) {
                        long left = (until - System.nanoTime()) / 1_000_000L;
                        if (left <= 0) {
                            break;
                        }
                        sock.setSoTimeout((int) left);
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        try {
                            sock.receive(p);
                        } catch (SocketTimeoutException e) {
                            break;
                        }
                        double t3 = LslClock.now();
                        String[] f = new String(buf, 0, p.getLength(), StandardCharsets.UTF_8).trim().split("\\s+");
                        if (f.length < 4 || !f[0].equals(Integer.toString(wave))) {
                            continue;
                        }
                        double r0 = Double.parseDouble(f[1]);
                        double t1 = Double.parseDouble(f[2]);
                        double t2 = Double.parseDouble(f[3]);
                        double rtt = (t3 - r0) - (t2 - t1);
                        double offset = ((t1 - r0) + (t2 - t3)) / 2;
                        answers++;
                        lastProbeReplyNanos = System.nanoTime();
                        if (rtt < bestRtt) {
                            bestRtt = rtt;
                            bestOffset = offset;
                        }
                        break;
                    }
                    sleep(PROBE_INTERVAL_MS);
                }
                if (answers >= MIN_ANSWERS) {
                    timeCorrection = -bestOffset;
                }
                synchronized (probeLock) {
                    if (!closed) {
                        // with a watchdog, probe often enough that a live outlet always answers within its period
                        long every = watchdogNanos > 0 ? Math.min(PROBE_WAVE_EVERY_MS, watchdogNanos / 3_000_000L)
                                : PROBE_WAVE_EVERY_MS;
                        probeLock.wait(Double.isNaN(timeCorrection) ? 200 : Math.max(1, every));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- lifecycle

    private void closeSocket() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Disconnects and stops the threads. */
    @Override
    public void close() {
        closed = true;
        closeSocket();
        synchronized (probeLock) {
            probeLock.notifyAll();
        }
        synchronized (queue) {
            queue.notifyAll();
        }
        try {
            reader.join(2000);
            prober.join(2000);
            if (watchdog != null) {
                watchdog.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
