package org.mistudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.app.workspace.OpenWorkspace;

/** The workbench's "Live session…" button opens the live window, recording into the workspace's live folder. */
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
}
