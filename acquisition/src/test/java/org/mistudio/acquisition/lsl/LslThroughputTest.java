package org.mistudio.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Loopback throughput (64-channel float32) and push-to-pull latency at 1000 Hz; prints the numbers. */
@Timeout(60)
class LslThroughputTest {
    @Test
    void throughputAndLatency() throws Exception {
        LslConfig c = LslConfig.machine();
        StreamInfo info = StreamInfo.of("bench-" + UUID.randomUUID(), "EEG", 64, 1000, ChannelFormat.FLOAT32, "");
        try (StreamOutlet out = new StreamOutlet(info, c);
                StreamInlet in = StreamInlet.open(Resolver.byName(c, info.name(), 3000).get(0), c, false)) {
            assertTrue(out.waitForConsumers(2000));
            // throughput: 20-sample chunks as fast as the consumer keeps up (at most 20000 in flight), for 1 s
            float[] chunk = new float[20 * 64];
            int pulled = 0;
            int pushed = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 1_000_000_000L) {
                out.pushChunk(chunk, 0.0);
                pushed += 20;
                pulled += in.pullChunk(Integer.MAX_VALUE).size();
                while (pushed - pulled > 20_000) { // stay inside both buffers: nothing may be dropped
                    Sample s = in.pullSample(5000);
                    if (s == null) {
                        break;
                    }
                    pulled++;
                }
            }
            while (pulled < pushed) {
                Sample s = in.pullSample(5000);
                if (s == null) {
                    break;
                }
                pulled++;
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("LSL loopback throughput: %d samples x 64 ch in %.2f s = %.0f samples/s%n", pulled, secs,
                    pulled / secs);
            assertTrue(pulled == pushed, "all pushed samples arrived");
            // latency: one sample per ms, stamped at push, for 1 s
            double[] lat = new double[1000];
            for (int i = 0; i < lat.length; i++) {
                out.pushSample(new float[64], LslClock.now());
                Sample s = in.pullSample(5000);
                lat[i] = (LslClock.now() - s.timestamp()) * 1e3;
                Thread.sleep(1);
            }
            Arrays.sort(lat);
            System.out.printf("LSL loopback latency push->pull: median %.3f ms, p99 %.3f ms%n", lat[500], lat[990]);
            assertTrue(lat[500] < 50);
        }
    }
}
