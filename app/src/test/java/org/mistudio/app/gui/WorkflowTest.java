package org.mistudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.app.Root;
import org.mistudio.app.workspace.RecentWorkspaces;
import org.mistudio.app.workspace.TrainingAttempt;
import org.mistudio.app.workspace.Workspace;
import org.mistudio.app.workspace.WorkspaceStore;
import org.mistudio.dsp.decode.ClassLabels;
import org.mistudio.dsp.decode.Lda;
import org.mistudio.dsp.epoch.Epocher;
import org.mistudio.dsp.evaluation.Evaluation;
import org.mistudio.dsp.evaluation.KFold;
import org.mistudio.dsp.features.Feature;
import org.mistudio.dsp.features.FeatureSelection;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.PsdFeatures;
import org.mistudio.dsp.features.R2Map;

/**
 * The whole workflow on the real window (headless Monocle), driven through its controls as a person would: create a
 * workspace on the start screen, add the sample recording, extract features, click r² cells, train LDA, read the
 * score, train EEGNet and watch its learning curve, cancel a second network, change a parameter and extract again,
 * then reopen the workspace from the recent list and find the attempts with their model files.
 */
class WorkflowTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        Fx.start();
    }

    private static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(120, TimeUnit.SECONDS);
    }

    private static void fire(Node root, String id) {
        Node n = root.lookup("#" + id);
        assertTrue(n instanceof Button, "button #" + id);
        assertFalse(((Button) n).isDisabled(), "#" + id + " enabled");
        ((Button) n).fire();
    }

    /** A left click at canvas coordinates, delivered to the canvas's handlers. */
    private static void click(Node target, double x, double y) {
        javafx.geometry.Point2D scene = target.localToScene(x, y);
        javafx.geometry.Point2D screen = target.localToScreen(x, y);
        Event.fireEvent(target, new MouseEvent(MouseEvent.MOUSE_CLICKED, scene.getX(), scene.getY(), screen.getX(),
                screen.getY(), MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false,
                false, null));
    }

    @Test
    void createExtractClickTrainReopen() throws Exception {
        Path sample = Root.path().resolve("sample-data").resolve("mi-sample.edf");
        Path home = dir.resolve("settings");
        Path folder = dir.resolve("patient-7");
        RecentWorkspaces recents = new RecentWorkspaces(home);
        List<WorkbenchPane> opened = new ArrayList<>();
        Stage[] stage = new Stage[1];

        // Start screen: a new workspace in an empty folder.
        Fx.run(() -> {
            stage[0] = new Stage();
            StartView start = MiStudioApp.startScreen(stage[0], recents, opened::add);
            stage[0].show();
            start.createAt(folder);
            return null;
        });
        assertEquals(1, opened.size());
        WorkbenchPane pane = opened.get(0);
        assertTrue(WorkspaceStore.isWorkspace(folder));

        // Recordings: add the sample (as a drop does), then it is read and shown.
        await(Fx.run(() -> pane.recordings().add(List.of(sample))));
        await(Fx.run(() -> pane.recordings().job().finished()));
        Fx.run(() -> {
            assertEquals(List.of(sample.toAbsolutePath().toString()), pane.recordings().list().getItems());
            assertTrue(pane.recordings().info().getText().contains("EDF+C"), pane.recordings().info().getText());
            assertEquals(25, pane.recordings().signals().visibleChannels().size());
            return null;
        });

        // Extraction with HappyFeat's defaults on the markers the recording offers.
        Fx.run(() -> {
            pane.show(pane.extraction());
            fire(pane.root(), "extract");
            return null;
        });
        await(Fx.run(() -> pane.extraction().job().finished()));
        await(Fx.run(() -> pane.analysis().job().finished()));
        Workbench.Extracted x = Fx.run(() -> pane.bench().current().get());
        assertEquals("e1", x.extraction().id());
        assertEquals(List.of("left_hand", "right_hand"), x.classes());
        assertEquals(40, x.psd().trialCount());

        // Analysis: click the strongest cell, then the strongest at the other motor channel.
        R2Map map = x.r2();
        R2Map.Cell best = map.ranked().get(0);
        String otherChannel = best.channel().equals("C3") ? "C4" : "C3";
        R2Map.Cell other = map.top(1, List.of(otherChannel), 1, 40).get(0);
        Fx.run(() -> {
            pane.show(pane.analysis());
            pane.root().applyCss();
            pane.root().layout();
            R2MapView v = pane.analysis().r2View();
            for (R2Map.Cell c : List.of(best, other)) {
                double[] xy = centre(v, map, c);
                click(v.canvas(), xy[0], xy[1]);
            }
            assertEquals(other.channel(), pane.analysis().profile().channelChoice().getValue(),
                    "the profile follows the clicked channel");
            assertEquals(6, pane.analysis().profile().meansChart().getData().size(), "2 classes x (mean, ±SE)");
            return null;
        });
        List<String> features = Fx.run(() -> List.copyOf(pane.bench().selectedFeatures()));
        assertEquals(List.of(feature(best), feature(other)), features);

        // Training: LDA, 5 contiguous folds.
        Fx.run(() -> {
            pane.show(pane.training());
            fire(pane.root(), "train");
            return null;
        });
        await(Fx.run(() -> pane.training().job().finished()));
        TrainingAttempt attempt = Fx.run(() -> pane.training().lastAttempt().orElseThrow());
        String shown = Fx.run(() -> pane.training().result().getText());
        assertTrue(shown.startsWith(String.format(java.util.Locale.ROOT, "Accuracy %.1f %%",
                100 * attempt.scores().accuracy())), shown);
        assertEquals(5, Fx.run(() -> pane.training().foldSeries().getData().size()), "a point per fold, live");
        // The same score computed without the GUI: epochs by hand, HappyFeat PSD, the clicked features, LDA, 5 folds.
        Map<String, String> lr = new LinkedHashMap<>();
        lr.put("left_hand", "left_hand");
        lr.put("right_hand", "right_hand");
        FeatureTensor t = PsdFeatures.happyFeat(PsdFeatures.Method.WELCH).extract(new Epocher(lr, 0, 4, null)
                .apply(RecordingFiles.read(sample).selectType(ChannelType.EEG)).epochs());
        List<String> names = new ArrayList<>();
        int[] y = ClassLabels.encodeNames(t.labels(), names);
        Evaluation.Report expected = Evaluation.run(new FeatureSelection.Selected(features.stream().map(Feature::parse)
                .toList(), 0, 1, 40, Lda.lsqrAuto()), t, y, new KFold(5), FeatureTensor::subset, 0.05);
        assertEquals(expected.accuracy(), attempt.scores().accuracy(), 1e-12);
        assertEquals(expected.kappa(), attempt.scores().kappa(), 1e-12);
        assertTrue(attempt.scores().aboveChance(), "the sample's ERD is decodable: " + attempt.scores().accuracy());
        // Its model file: the psd-lda model of what was scored, in the workspace folder.
        assertEquals("models/a1.mimodel", attempt.modelFile());
        assertTrue(Files.isRegularFile(folder.resolve("models/a1.mimodel")));
        assertTrue(attempt.settings().get("model").startsWith("psd-lda: the scored features"),
                attempt.settings().toString());
        // Use for live session: the live-session window opens with the attempt's model file.
        List<javafx.stage.Window> before = Fx.run(() -> List.copyOf(javafx.stage.Window.getWindows()));
        Stage live = Fx.run(() -> {
            pane.training().attemptsTable().getSelectionModel().select(0);
            fire(pane.root(), "use-for-live");
            return (Stage) javafx.stage.Window.getWindows().stream().filter(w -> !before.contains(w)).findFirst()
                    .orElseThrow();
        });
        String liveModel = Fx.run(() -> ((javafx.scene.control.TextField) live.getScene().getRoot()
                .lookup("#live-model")).getText());
        assertEquals(folder.resolve("models/a1.mimodel").toAbsolutePath(), Path.of(liveModel).toAbsolutePath());
        assertTrue(Fx.run(() -> pane.training().lastLiveMessage()).isEmpty(), "no message: the window opened");
        Fx.run(() -> {
            live.close();
            return null;
        });

        // A network: EEGNet, 4 epochs, the learning curve grows epoch by epoch.
        Fx.run(() -> {
            TrainingView v = pane.training();
            v.networkChoice().setSelected(true);
            v.architectureChoice().setValue("eegnet");
            v.epochsSpinner().getValueFactory().setValue(4);
            v.patienceSpinner().getValueFactory().setValue(0);
            v.stoppingChoice().setValue(TrainingView.STOP_PAPER);
            v.seedSpinner().getValueFactory().setValue(1);
            fire(pane.root(), "train");
            return null;
        });
        assertTrue(await(Fx.run(() -> pane.training().job().finished())), "network trained");
        TrainingAttempt net = Fx.run(() -> pane.training().lastAttempt().orElseThrow());
        List<Integer> points = Fx.run(() -> pane.training().curveSeries().stream().map(c -> c.getData().size())
                .toList());
        assertEquals(List.of(4, 4, 4, 4, 2), points, "loss and accuracy, training and validation, per epoch; the "
                + "kept epoch as a vertical line");
        assertEquals("a2", net.id());
        assertEquals("eegnet", net.method());
        assertEquals("models/a2.mimodel", net.modelFile());
        assertTrue(net.settings().get("epochs").startsWith("limit 4, ran 4, kept "), net.settings().toString());
        assertEquals("paper", net.settings().get("stopping"));
        var curve = Fx.run(() -> List.copyOf(pane.training().curveSeries().get(3).getData()));
        assertTrue(curve.stream().anyMatch(d -> Math.abs(d.getYValue().doubleValue() - 100 * net.scores().accuracy())
                < 1e-9), "the kept validation accuracy is one of the curve's points");
        assertTrue(Fx.run(() -> pane.training().result().getText()).startsWith("Validation accuracy"));
        org.mistudio.models.persist.ModelFile.Contents model = org.mistudio.models.persist.ModelFile.read(
                folder.resolve(net.modelFile()));
        assertEquals("eegnet", model.metadata().architecture());
        assertEquals("paper", model.metadata().settings().get("early_stopping"), "the rule reached the trainer");
        assertEquals(x.psd().trialCount(), ((Number) model.metadata().metrics().get("trials")).intValue(),
                "the network trained on the extraction's trials");

        // Cancel: a long training stops after the running epoch, records nothing, and frees the bar.
        Fx.run(() -> {
            pane.training().epochsSpinner().getValueFactory().setValue(500);
            fire(pane.root(), "train");
            return null;
        });
        for (int i = 0; i < 600 && Fx.run(() -> pane.training().curveSeries().get(0).getData().size()) < 2; i++) {
            Thread.sleep(50);
        }
        int atCancel = Fx.run(() -> {
            pane.training().job().cancel();
            return pane.training().curveSeries().get(0).getData().size();
        });
        assertFalse(await(Fx.run(() -> pane.training().job().finished())), "cancelled");
        Thread.sleep(200);
        int after = Fx.run(() -> pane.training().curveSeries().get(0).getData().size());
        assertTrue(after >= 2 && after <= atCancel + 1, "stopped after the running epoch: " + atCancel + " -> "
                + after + "; " + Fx.run(() -> Errors.last().get()));
        assertEquals(2, WorkspaceStore.load(folder).attempts().size(), "a cancelled training records no attempt");
        assertFalse(Fx.run(() -> pane.training().job().busyProperty().get()));
        Fx.run(() -> {
            pane.training().networkChoice().setSelected(false);
            pane.training().ldaChoice().setSelected(true);
            return null;
        });

        // Another shift makes a second extraction; the attempt stays.
        Fx.run(() -> {
            pane.show(pane.extraction());
            pane.extraction().shiftField().setText("0.1");
            fire(pane.root(), "extract");
            return null;
        });
        await(Fx.run(() -> pane.extraction().job().finished()));
        Workspace saved = WorkspaceStore.load(folder);
        assertEquals(List.of("e1", "e2"), saved.extractions().stream().map(e -> e.id()).toList());
        assertEquals(0.1, saved.extractions().get(1).parameters().shift(), 0);
        assertEquals(2, saved.attempts().size());

        // Reopen from the start screen's recent list, as after a restart.
        List<WorkbenchPane> reopened = new ArrayList<>();
        Fx.run(() -> {
            stage[0].close();
            Stage again = new Stage();
            StartView start = MiStudioApp.startScreen(again, new RecentWorkspaces(home), reopened::add);
            again.show();
            assertEquals(folder.toAbsolutePath(), start.recentList().getItems().get(0));
            start.openAt(start.recentList().getItems().get(0));
            TrainingAttempt back = reopened.get(0).training().attemptsTable().getItems().get(0);
            assertEquals(attempt.id(), back.id());
            assertEquals(attempt.scores().accuracy(), back.scores().accuracy(), 0);
            assertEquals(features, back.features());
            TrainingAttempt backNet = reopened.get(0).training().attemptsTable().getItems().get(1);
            assertEquals("a2", backNet.id());
            assertEquals("models/a2.mimodel", backNet.modelFile());
            assertEquals(net.scores().accuracy(), backNet.scores().accuracy(), 0);
            again.close();
            return null;
        });
    }

    /**
     * The two remaining workbench features, through the window: LDA on node-strength features writes a
     * node-strength-lda model; a network fine-tuned from an earlier network attempt records its source (and starts
     * from its weights); a source of another architecture is refused by name; pre-training on the workspace's other
     * recording, then fine-tuning; and after reopening the workspace the attempts still name their sources.
     */
    @Test
    void nodeStrengthModelAndNetworkTransfer() throws Exception {
        Path sample = Root.path().resolve("sample-data").resolve("mi-sample.edf");
        Path other = dir.resolve("other-subject.edf");
        java.io.PrintWriter quiet = new java.io.PrintWriter(java.io.Writer.nullWriter());
        int simulated = org.mistudio.app.cli.MiStudioCommand.execute(new String[] {"simulate", "--out",
                other.toString(), "--trials", "10", "--seed", "7"}, quiet, quiet);
        assertEquals(0, simulated);
        Path home = dir.resolve("settings");
        Path folder = dir.resolve("transfer");
        List<WorkbenchPane> opened = new ArrayList<>();
        Fx.run(() -> {
            Stage s = new Stage();
            MiStudioApp.startScreen(s, new RecentWorkspaces(home), opened::add).createAt(folder);
            s.show();
            return null;
        });
        WorkbenchPane pane = opened.get(0);
        await(Fx.run(() -> pane.recordings().add(List.of(sample, other))));
        await(Fx.run(() -> pane.recordings().job().finished()));

        // Extraction on the sample only, with coherence node strength.
        Fx.run(() -> {
            pane.show(pane.extraction());
            var list = pane.extraction().recordingList();
            list.getSelectionModel().clearSelection();
            list.getSelectionModel().select(sample.toAbsolutePath().toString());
            pane.extraction().connectivityChoice().setValue("coherence");
            fire(pane.root(), "extract");
            return null;
        });
        assertTrue(await(Fx.run(() -> pane.extraction().job().finished())), Fx.run(() -> Errors.last().get()));
        await(Fx.run(() -> pane.analysis().job().finished()));
        Workbench.Extracted x = Fx.run(() -> pane.bench().current().get());
        assertEquals(List.of(sample.toAbsolutePath().toString()), x.extraction().recordings());
        assertEquals(List.of(Workbench.Extracted.PSD, Workbench.Extracted.NODE_STRENGTH), x.kinds());

        // LDA on node strength: the attempt writes its model file, which loads as a live decoder.
        Fx.run(() -> {
            pane.bench().featureKind().set(Workbench.Extracted.NODE_STRENGTH);
            pane.bench().selectedFeatures().setAll(List.of("C3;12", "C4;12"));
            pane.show(pane.training());
            fire(pane.root(), "train");
            return null;
        });
        assertTrue(await(Fx.run(() -> pane.training().job().finished())), Fx.run(() -> Errors.last().get()));
        TrainingAttempt ns = Fx.run(() -> pane.training().lastAttempt().orElseThrow());
        assertEquals("models/a1.mimodel", ns.modelFile());
        assertTrue(ns.settings().get("model").startsWith("node-strength-lda: the scored features"),
                ns.settings().toString());
        org.mistudio.models.persist.ModelFile.Contents nsModel = org.mistudio.models.persist.ModelFile.read(
                folder.resolve(ns.modelFile()));
        assertEquals("node-strength-lda", nsModel.metadata().kind());
        assertEquals("coherence", nsModel.metadata().settings().get("connectivity"));
        assertEquals(List.of("left_hand", "right_hand"), org.mistudio.models.persist.ModelKinds.load(nsModel)
                .classNames());

        // A network from scratch, then one fine-tuned from it.
        Fx.run(() -> {
            TrainingView v = pane.training();
            v.networkChoice().setSelected(true);
            v.architectureChoice().setValue("eegnet");
            v.epochsSpinner().getValueFactory().setValue(2);
            v.patienceSpinner().getValueFactory().setValue(0);
            v.seedSpinner().getValueFactory().setValue(1);
            fire(pane.root(), "train");
            return null;
        });
        assertTrue(await(Fx.run(() -> pane.training().job().finished())), Fx.run(() -> Errors.last().get()));
        TrainingAttempt scratch = Fx.run(() -> pane.training().lastAttempt().orElseThrow());
        assertEquals("a2", scratch.id());
        assertEquals("from scratch", TrainingView.transferOf(scratch));
        Fx.run(() -> {
            TrainingView v = pane.training();
            v.initialWeightsChoice().setValue(TrainingView.FROM_ATTEMPT);
            assertEquals("a2", v.sourceAttemptChoice().getValue().id(), "the latest network attempt is offered");
            v.epochsSpinner().getValueFactory().setValue(1);
            fire(pane.root(), "train");
            return null;
        });
        assertTrue(await(Fx.run(() -> pane.training().job().finished())), Fx.run(() -> Errors.last().get()));
        TrainingAttempt tuned = Fx.run(() -> pane.training().lastAttempt().orElseThrow());
        assertEquals("a3", tuned.id());
        assertEquals("fine-tuned from attempt a2 (models/a2.mimodel)", tuned.settings().get("transfer"));
        var tunedModel = org.mistudio.models.persist.ModelFile.read(folder.resolve(tuned.modelFile())).metadata();
        var scratchModel = org.mistudio.models.persist.ModelFile.read(folder.resolve(scratch.modelFile())).metadata();
        assertEquals("attempt a2 (models/a2.mimodel)", ((Map<?, ?>) tunedModel.settings().get("transfer"))
                .get("source"));
        // The same trials and seed: before its first step the fine-tuned network scores what a2 kept.
        assertEquals(((Number) scratchModel.metrics().get("validation_loss")).doubleValue(),
                ((Number) tunedModel.metrics().get("initial_validation_loss")).doubleValue(), 1e-6);
        String cell = Fx.run(() -> {
            var column = pane.training().attemptsTable().getColumns().stream()
                    .filter(c -> c.getText().equals("Transfer")).findFirst().orElseThrow();
            return String.valueOf(column.getCellData(2));
        });
        assertEquals("fine-tuned from a2", cell);

        // Another architecture cannot start from a2's weights: refused, naming what differs; nothing recorded.
        Fx.run(() -> {
            pane.training().architectureChoice().setValue("shallow");
            fire(pane.root(), "train");
            return null;
        });
        assertFalse(await(Fx.run(() -> pane.training().job().finished())));
        String refused = Fx.run(() -> Errors.last().get());
        assertTrue(refused.contains("cannot fine-tune from attempt a2 (models/a2.mimodel): architecture is shallow "
                + "here, eegnet in the source"), refused);
        assertEquals(3, WorkspaceStore.load(folder).attempts().size());

        // Pre-train on the workspace's other recording, then fine-tune on the extraction's.
        Fx.run(() -> {
            pane.training().architectureChoice().setValue("eegnet");
            pane.training().initialWeightsChoice().setValue(TrainingView.PRETRAIN);
            fire(pane.root(), "train");
            return null;
        });
        assertTrue(await(Fx.run(() -> pane.training().job().finished())), Fx.run(() -> Errors.last().get()));
        TrainingAttempt pre = Fx.run(() -> pane.training().lastAttempt().orElseThrow());
        assertEquals("pre-trained on other-subject.edf, then fine-tuned", pre.settings().get("transfer"));

        // Reopened, the attempts still name their sources.
        List<WorkbenchPane> reopened = new ArrayList<>();
        Fx.run(() -> {
            Stage again = new Stage();
            MiStudioApp.startScreen(again, new RecentWorkspaces(home), reopened::add).openAt(folder);
            List<TrainingAttempt> back = reopened.get(0).training().attemptsTable().getItems();
            assertEquals(List.of("a1", "a2", "a3", "a4"), back.stream().map(TrainingAttempt::id).toList());
            assertEquals("fine-tuned from attempt a2 (models/a2.mimodel)", back.get(2).settings().get("transfer"));
            assertEquals("fine-tuned from a2", TrainingView.transferOf(back.get(2)));
            assertEquals("pre-trained on other-subject.edf, then fine-tuned", TrainingView.transferOf(back.get(3)));
            assertEquals("models/a1.mimodel", back.get(0).modelFile());
            again.close();
            return null;
        });
    }

    private static String feature(R2Map.Cell c) {
        return new Feature(c.channel(), c.frequency(), c.frequency()).toString();
    }

    /** The centre of a cell on the r² view's canvas, from the view's layout constants. */
    private static double[] centre(R2MapView v, R2Map map, R2Map.Cell c) {
        double plotW = v.canvas().getWidth() - R2MapView.LEFT - R2MapView.BAR;
        double plotH = v.canvas().getHeight() - R2MapView.TOP - R2MapView.BOTTOM;
        int ci = map.channels().indexOf(c.channel());
        double[] f = map.frequencies();
        int fi = 0;
        while (f[fi] != c.frequency()) {
            fi++;
        }
        return new double[] {R2MapView.LEFT + (fi + 0.5) * plotW / f.length,
                R2MapView.TOP + (ci + 0.5) * plotH / map.channels().size()};
    }

    @Test
    void aFileThatCannotBeReadIsNamedInADialog() throws Exception {
        Path bad = dir.resolve("broken.edf");
        Files.writeString(bad, "this is not an EDF header");
        List<WorkbenchPane> opened = new ArrayList<>();
        Fx.run(() -> {
            Stage s = new Stage();
            MiStudioApp.startScreen(s, new RecentWorkspaces(dir.resolve("home")), opened::add).createAt(
                    dir.resolve("ws"));
            s.show();
            return null;
        });
        await(Fx.run(() -> opened.get(0).recordings().add(List.of(bad))));
        String last = Fx.run(() -> Errors.last().get());
        assertTrue(last.startsWith("Some files were not added: " + bad), last);
        assertEquals(0, WorkspaceStore.load(dir.resolve("ws")).recordings().size());
    }
}
