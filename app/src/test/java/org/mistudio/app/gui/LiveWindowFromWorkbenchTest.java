package org.mistudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.lsl.LslConfig;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.protocol.GrazTiming;
import org.mistudio.acquisition.sim.ChannelSets;
import org.mistudio.acquisition.sim.SimulatedPatient;
import org.mistudio.acquisition.sim.StreamingSimulator;
import org.mistudio.app.gui.live.LiveSessionWindow;
import org.mistudio.app.live.LiveSummary;
import org.mistudio.app.live.RecordingChecks;
import org.mistudio.app.workspace.OpenWorkspace;
import org.mistudio.app.workspace.RecordingEntry;
import org.mistudio.app.workspace.Workspace;
import org.mistudio.app.workspace.WorkspaceStore;

/**
 * The workbench's "Live session…" button opens the live window, recording into the workspace's live folder; a
 * session's recording joins the workspace.
 */
class LiveWindowFromWorkbenchTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        Fx.start();
    }

    @Test
    void liveSessionButtonOpensTheLiveWindow(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("S007");
        Stage[] stage = new Stage[1];
        List<Window> before = Fx.run(() -> List.copyOf(Window.getWindows()));
        Fx.run(() -> {
            stage[0] = new Stage();
            WorkbenchPane pane = MiStudioApp.showWorkbench(stage[0], OpenWorkspace.create(folder, "S007"));
            stage[0].show();
            ((Button) pane.root().lookup("#open-live")).fire();
            return null;
        });
        try {
            Stage live = Fx.run(() -> (Stage) Window.getWindows().stream()
                    .filter(w -> !before.contains(w) && w != stage[0]).findFirst().orElseThrow());
            assertEquals("MI Studio — live session", Fx.run(live::getTitle));
            String record = Fx.run(() -> ((TextField) live.getScene().getRoot().lookup("#live-record")).getText());
            assertTrue(record.startsWith(folder.resolve("live").toString()) && record.endsWith(".edf"), record);
            Fx.run(() -> {
                live.close();
                return null;
            });
        } finally {
            Fx.run(() -> {
                stage[0].close();
                return null;
            });
        }
    }

    /**
     * A calibration run from the workbench's live window: its recording, named after the session's date and time
     * in the workspace's live folder, joins the workspace (saved to disk) with every sample the patient streamed.
     */
    @Test
    @Timeout(120)
    void aCalibrationRunJoinsTheWorkspacesRecordings(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("S008");
        String id = UUID.randomUUID().toString().substring(0, 8);
        LslConfig lsl = LslConfig.machine();
        Stage[] stage = new Stage[1];
        WorkbenchPane pane = Fx.run(() -> {
            stage[0] = new Stage();
            WorkbenchPane p = MiStudioApp.showWorkbench(stage[0], OpenWorkspace.create(folder, "S008"));
            stage[0].show();
            return p;
        });
        LiveSessionWindow[] live = new LiveSessionWindow[1];
        try (SimulatedPatient patient = SimulatedPatient.start(new StreamingSimulator(ChannelSets.EEGMMIDB_64, 160, 0.6,
                21, 700), "ws-patient-" + id, lsl, "ws-" + id, 8, true)) {
            live[0] = Fx.run(() -> LiveSessionWindow.open(stage[0], pane.liveSetup(lsl).withCalibration(true)
                    .withProtocol(new GrazTiming(0, 0, 0, 1, 0.5, 1.25, 1, 0.5, 0.5), 1, 9, "ws-" + id)
                    .withStream("ws-patient-" + id, null).withRun(true, false).withBeep(false)));
            LiveSummary s = live[0].view().finished().get(60, TimeUnit.SECONDS);
            Fx.run(() -> null); // the recording is added once the session's end is shown
            assertEquals(2, s.trials().size());

            // the workspace file, read back from disk, lists the recording, named after the session's start
            Workspace w = WorkspaceStore.load(folder);
            assertEquals(1, w.recordings().size());
            RecordingEntry e = w.recordings().get(0);
            assertTrue(e.path().matches("live/live-\\d{8}-\\d{6}\\.edf"), e.path());
            assertTrue(e.format().startsWith("EDF+"), e.format());
            assertEquals(folder.resolve(e.path()).toAbsolutePath().normalize(), s.record().toAbsolutePath().normalize());
            // holding every sample streamed, in order, with the cues
            Recording r = EdfReader.read(folder.resolve(e.path()));
            assertEquals(s.samplesReceived(), r.sampleCount());
            RecordingChecks.assertHoldsPushed(r, patient.history());
            assertEquals(2, r.annotations().stream().filter(a -> a.label().equals("left_hand")
                    || a.label().equals("right_hand")).count());
            // the workbench shows it at once, and says so in the live window
            assertEquals(List.of(e.path()), Fx.run(() -> pane.bench().state().get().recordings().stream()
                    .map(RecordingEntry::path).toList()));
            String status = Fx.run(() -> ((javafx.scene.control.Label) live[0].stage().getScene().getRoot()
                    .lookup("#live-status")).getText());
            assertTrue(status.contains("added to the workspace's recordings as " + e.path()), status);
        } finally {
            Fx.run(() -> {
                if (live[0] != null) {
                    live[0].stage().close();
                }
                stage[0].close();
                return null;
            });
        }
    }
}
