package org.mistudio.app.live;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays the trial beep ({@link Tone}) through the default audio output, on a thread of its own, so a beep never
 * delays decoding: {@link #beep} only queues it. The output line is opened once, on that thread, when the player is
 * made. Where there is no audio output (a server, CI, a headless machine) the player says so once, in words, to
 * {@code notice}, and every beep is then skipped; the session goes on, its beep markers are sent as before.
 */
public final class TonePlayer implements BeepSink, AutoCloseable {

    /** What the notice says when no sound can be played, after the reason. */
    public static final String NO_AUDIO = "the trial beep is not played (its marker is still sent)";

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-beep");
        t.setDaemon(true);
        return t;
    });
    private final byte[] tone = Tone.bytes(Tone.beep());
    private final Consumer<String> notice;
    private SourceDataLine line; // the player's thread only
    private volatile boolean unavailable;

    /** @param notice told once, in plain words, when there is no audio output (on the player's thread) */
    public TonePlayer(Consumer<String> notice) {
        this.notice = notice == null ? s -> { } : notice;
        thread.submit(this::open);
    }

    private void open() {
        try {
            SourceDataLine l = AudioSystem.getSourceDataLine(Tone.format());
            l.open(Tone.format(), tone.length * 4);
            l.start();
            line = l;
        } catch (Exception | LinkageError e) { // no mixer: IllegalArgumentException; busy device: LineUnavailable
            unavailable = true;
            notice.accept((e instanceof javax.sound.sampled.LineUnavailableException
                    ? "The sound device is busy or unavailable: " : "No sound device found: ") + NO_AUDIO + ".");
        }
    }

    /** Whether the output was found missing (false while still opening it). */
    public boolean unavailable() {
        return unavailable;
    }

    @Override
    public void beep(double time, int trial) {
        if (unavailable) {
            return;
        }
        thread.submit(() -> {
            if (line != null) {
                line.write(tone, 0, tone.length);
            }
        });
    }

    /** Lets a beep still playing finish, then releases the audio line. */
    @Override
    public void close() {
        thread.submit(() -> {
            if (line != null) {
                line.drain();
                line.close();
                line = null;
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
