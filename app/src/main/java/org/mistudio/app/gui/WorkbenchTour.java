package org.mistudio.app.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.mistudio.app.workspace.RecentWorkspaces;
import org.mistudio.dsp.features.R2Map;

/**
 * Walks the workbench through a session on one recording and saves each screen as PNG, for documentation: the start
 * screen, the recording, the overview, FASTER's report, an extraction, the analysis after clicking the two
 * strongest motor cells, training (the clicked features, then the top 3) and an EEGNet with its learning curve. Call
 * it off the JavaFX thread, with JavaFX started; it works in a scratch folder.
 */
public final class WorkbenchTour {

    private WorkbenchTour() {
    }

    /** The file names written, in order. */
    public static final List<String> FILES = List.of("start.png", "recordings.png", "overview.png",
            "preprocessing.png", "extraction.png", "analysis.png", "training.png", "training-network.png");

    public static List<Path> run(Path recording, Path outDir, Path scratch) throws Exception {
        Files.createDirectories(outDir);
        RecentWorkspaces recents = new RecentWorkspaces(scratch.resolve("settings"));
        List<WorkbenchPane> opened = new ArrayList<>();
        Stage[] stage = new Stage[1];
        List<Path> written = new ArrayList<>();
        // Two earlier workspaces so that the start screen shows its list.
        for (String name : List.of("S001 calibration", "S002 calibration")) {
            Path p = scratch.resolve(name);
            org.mistudio.app.workspace.WorkspaceStore.create(p, name);
            recents.remember(p);
        }
        Path folder = scratch.resolve("S003 session 1");
        org.mistudio.app.workspace.WorkspaceStore.create(folder, "S003 session 1");
        recents.remember(folder);
        fx(() -> {
            stage[0] = new Stage();
            MiStudioApp.startScreen(stage[0], recents, opened::add);
            stage[0].show();
            return null;
        });
        written.add(snap(stage[0], outDir, "start.png"));
        fx(() -> {
            MiStudioApp.startScreen(stage[0], recents, opened::add).openAt(folder);
            return null;
        });
        WorkbenchPane pane = opened.get(0);
        // The recording inside the workspace folder, as a clinic would keep it: the workspace names it relatively.
        Path copy = folder.resolve(recording.getFileName());
        Files.copy(recording, copy);
        await(fx(() -> pane.recordings().add(List.of(copy))));
        await(fx(() -> pane.recordings().job().finished()));
        fx(() -> {
            pane.show(pane.recordings());
            pane.recordings().signals().setGain(60);
            return null;
        });
        written.add(snap(stage[0], outDir, "recordings.png"));
        fx(() -> {
            pane.show(pane.overview());
            return null;
        });
        // The overview analyses on its own thread once the recording is selected: wait for its verdict.
        for (int i = 0; i < 600 && fx(() -> pane.overview().analysis().verdict().getText().isEmpty()); i++) {
            Thread.sleep(100);
        }
        written.add(snap(stage[0], outDir, "overview.png"));
        await(fx(() -> {
            pane.show(pane.preprocessing());
            return pane.preprocessing().runFaster();
        }));
        written.add(snap(stage[0], outDir, "preprocessing.png"));
        await(fx(() -> {
            pane.show(pane.extraction());
            return pane.extraction().extract();
        }));
        await(fx(() -> pane.analysis().job().finished()));
        written.add(snap(stage[0], outDir, "extraction.png"));
        fx(() -> {
            pane.show(pane.analysis());
            R2MapView v = pane.analysis().r2View();
            R2Map map = v.map().orElseThrow();
            v.selectStrongest();
            String first = pane.bench().selectedFeatures().get(0).split(";")[0];
            String other = first.equalsIgnoreCase("C3") ? "C4" : "C3";
            if (map.channels().contains(other)) {
                R2Map.Cell c = map.top(1, List.of(other), 1, 40).get(0);
                String f = new org.mistudio.dsp.features.Feature(c.channel(), c.frequency(), c.frequency()).toString();
                if (!pane.bench().selectedFeatures().contains(f)) {
                    pane.bench().selectedFeatures().add(f);
                }
            }
            pane.analysis().profile().channelChoice().setValue(first);
            return null;
        });
        written.add(snap(stage[0], outDir, "analysis.png"));
        await(fx(() -> {
            pane.show(pane.training());
            return pane.training().train();
        }));
        await(fx(() -> {
            pane.training().autoSelect(3);
            return pane.training().train();
        }));
        written.add(snap(stage[0], outDir, "training.png"));
        // EEGNet on the same trials: the learning curve, and the attempts table with all the attempts.
        await(fx(() -> {
            TrainingView v = pane.training();
            v.networkChoice().setSelected(true);
            v.architectureChoice().setValue("eegnet");
            v.epochsSpinner().getValueFactory().setValue(40);
            v.patienceSpinner().getValueFactory().setValue(10);
            v.seedSpinner().getValueFactory().setValue(42);
            return v.train();
        }));
        // Then fine-tuned from that attempt: the transfer option and the Transfer column.
        await(fx(() -> {
            TrainingView v = pane.training();
            v.initialWeightsChoice().setValue(TrainingView.FROM_ATTEMPT);
            v.epochsSpinner().getValueFactory().setValue(20);
            return v.train();
        }));
        written.add(snap(stage[0], outDir, "training-network.png"));
        fx(() -> {
            stage[0].close();
            return null;
        });
        return written;
    }

    private static Path snap(Stage stage, Path dir, String name) throws Exception {
        Path out = dir.resolve(name);
        fx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return null;
        });
        // One more pulse so that charts laid out above have drawn.
        fx(() -> null);
        fx(() -> {
            Screenshots.save(stage.getScene(), out);
            return null;
        });
        return out;
    }

    /** Waits for a step; a step that failed (its dialog already shown) stops the tour. */
    private static <T> T await(CompletableFuture<T> f) throws Exception {
        T r = f.get(300, TimeUnit.SECONDS);
        if (Boolean.FALSE.equals(r)) {
            throw new IllegalStateException("screenshots: a step of the tour failed: " + fx(() -> Errors.last().get()));
        }
        return r;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return Screenshots.onFxThread(work, 300);
    }
}
