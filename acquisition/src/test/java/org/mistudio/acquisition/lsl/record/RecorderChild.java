package org.mistudio.acquisition.lsl.record;

import java.nio.file.Path;
import java.util.List;

import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.lsl.Resolver;
import org.mistudio.acquisition.lsl.StreamInfo;

/**
 * The recorder as a separate process for {@link RecorderCrashTest}: {@code RecorderChild EEG_NAME MARKER_NAME OUT}
 * records until it is killed, printing {@code started} and then {@code records N} after each completed record.
 */
public final class RecorderChild {
    private RecorderChild() {
    }

    public static void main(String[] args) throws Exception {
        LslConfig config = LslConfig.machine();
        List<StreamInfo> eeg = Resolver.byName(config, args[0], 10_000);
        List<StreamInfo> markers = Resolver.byName(config, args[1], 10_000);
        if (eeg.isEmpty() || markers.isEmpty()) {
            System.out.println("not found");
            System.exit(3);
        }
        Path out = Path.of(args[2]);
        LslRecorder rec = LslRecorder.start(config, eeg.get(0), markers.get(0), out, LslRecorder.Options.forFile(out));
        rec.onRecord(n -> {
            System.out.println("records " + n);
            System.out.flush();
        });
        System.out.println("started");
        System.out.flush();
        Thread.sleep(120_000); // killed long before
        rec.close();
        System.exit(4);
    }
}
