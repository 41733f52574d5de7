package org.mistudio.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.app.SampleData;
import org.mistudio.app.gui.AnalysisView;
import org.mistudio.app.gui.R2MapView;
import org.mistudio.app.gui.Screenshots;
import org.mistudio.app.gui.SignalViewer;
import org.mistudio.dsp.analysis.AnalysisResult;
import org.mistudio.dsp.analysis.AnalysisSettings;
import org.mistudio.dsp.analysis.MotorImageryAnalysis;
import org.mistudio.dsp.analysis.R2MapAnalysis;
import org.mistudio.dsp.features.R2Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mistudio screenshots OUTDIR [FILE]}: each view of the workbench rendered headless to PNG. */
@Command(name = "screenshots", mixinStandardHelpOptions = true,
        description = "Render each view of the workbench on FILE (default: the bundled sample) to PNG files in "
                + "OUTDIR, without a display (JavaFX's headless Monocle platform).")
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
        Recording recording = RecordingFiles.read(input);
        AnalysisResult analysis = MotorImageryAnalysis.run(recording, AnalysisSettings.leftRight());
        R2Map r2 = R2MapAnalysis.run(recording, AnalysisSettings.leftRight());
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
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Stage stage = new Stage();
                AnalysisView view = new AnalysisView(stage);
                view.show(input.toString(), analysis);
                save(stage, view.root(), "analysis.png");
                SignalViewer signals = new SignalViewer();
                signals.show(recording);
                signals.scrollTo(firstCue(recording) - 3);
                save(stage, signals.root(), "signals.png");
                R2MapView map = new R2MapView();
                map.show(r2);
                save(stage, map.root(), "r2map.png");
                map.selectStrongest();
                save(stage, map.root(), "r2map-topography.png");
                stage.close();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(120, TimeUnit.SECONDS);
        } finally {
            if (ownToolkit) {
                Platform.exit();
            }
        }
        spec.commandLine().getErr().println("wrote analysis.png, signals.png, r2map.png, r2map-topography.png to "
                + out);
        return 0;
    }

    private void save(Stage stage, javafx.scene.Parent root, String name) {
        stage.setScene(root.getScene() != null ? root.getScene() : new Scene(root, 1200, 760));
        stage.show();
        root.applyCss();
        root.layout();
        Screenshots.save(stage.getScene(), out.resolve(name));
    }

    private static double firstCue(Recording r) {
        return r.annotations().stream().filter(a -> !a.label().equals("fixation")).findFirst()
                .map(a -> a.onset()).orElse(3.0);
    }
}
