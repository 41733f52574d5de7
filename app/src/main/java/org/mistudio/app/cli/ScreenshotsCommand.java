package org.mistudio.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import org.mistudio.app.SampleData;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mistudio screenshots OUTDIR [FILE]}: each view of the workbench rendered headless to PNG. */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = "Walk the workbench through a session on FILE (default: the bundled sample) in a scratch "
                + "workspace and save each screen to PNG files in OUTDIR, without a display (JavaFX's headless "
                + "Monocle platform); then the live session's calibration and feedback screens on a simulated "
                + "patient streaming over loopback (LSL machine scope).")
final class ScreenshotsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUTDIR", description = "folder for the PNG files")
    Path out;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "recording to show")
    Path file;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path input = file != null ? file : SampleData.path();
        if (!Files.isRegularFile(input)) {
            throw new java.nio.file.NoSuchFileException(input.toString(), null, "no such file");
        }
        Files.createDirectories(out);
        // Before JavaFX starts: render without a window system.
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        // Room for the workbench's window (Monocle's headless screen is 1280 x 800 by default).
        System.setProperty("headless.geometry", "1920x1200-32");
        System.setProperty("prism.order", "sw");
        java.util.logging.Logger.getLogger("javafx").setLevel(java.util.logging.Level.SEVERE);
        CompletableFuture<Void> started = new CompletableFuture<>();
        boolean ownToolkit = true;
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            // Inside an application (or a test) whose JavaFX is already up: use it, and leave it running.
            ownToolkit = false;
            started.complete(null);
        }
        started.get(60, TimeUnit.SECONDS);
        java.util.List<Path> written;
        Path scratch = Files.createTempDirectory("mistudio-screenshots");
        try {
            written = new java.util.ArrayList<>(org.mistudio.app.gui.WorkbenchTour.run(input, out, scratch));
            written.addAll(org.mistudio.app.gui.live.LiveTour.run(out, scratch));
        } finally {
            if (ownToolkit) {
                Platform.exit();
            }
        }
        spec.commandLine().getErr().println("wrote " + String.join(", ", written.stream()
                .map(p -> p.getFileName().toString()).toList()) + " to " + out);
        return 0;
    }
}
