package org.mistudio.app.gui.live;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;

/**
 * Runs an update on the JavaFX thread after changes reported from any thread, at most once per interval and with at
 * most one update queued: a decoder reporting 16 predictions a second (or 128 with a fast simulator) never floods
 * the UI thread, and the last change is always shown.
 */
final class UiThrottle implements AutoCloseable {

    private final Runnable update;
    private final long intervalNanos;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService timer;
    private volatile long lastRun;

    UiThrottle(Runnable update, double maxPerSecond) {
        this.update = update;
        this.intervalNanos = (long) (1e9 / maxPerSecond);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-ui-throttle");
            t.setDaemon(true);
            return t;
        });
        this.lastRun = System.nanoTime() - intervalNanos;
    }

    /** Something changed; any thread. */
    void request() {
        if (!pending.compareAndSet(false, true)) {
            return; // an update is queued and will read the newest state
        }
        long wait = lastRun + intervalNanos - System.nanoTime();
        if (wait <= 0) {
            Platform.runLater(this::run);
        } else {
            try {
                timer.schedule(() -> Platform.runLater(this::run), wait, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    private void run() {
        pending.set(false);
        lastRun = System.nanoTime();
        update.run();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
