package org.mistudio.app.gui.live;

import java.util.List;
import java.util.Optional;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.Pane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The patient's screen in a window of its own, as OpenViBE shows its Graz display apart from the designer: full
 * screen on a second monitor when there is one, else an ordinary window the operator can move (to a projector,
 * say) and make full screen with F11. Esc leaves full screen; closing the window hands the screen back to the
 * operator's window.
 */
final class PatientWindow {

    static final String TITLE = "MI Studio — patient";

    private final Stage stage;

    private PatientWindow(Stage stage) {
        this.stage = stage;
    }

    /**
     * Moves {@code screen} into a new window and shows it. {@code onClosed} runs (UI thread) once the window has
     * closed and released the screen, which can then go back into the operator's window.
     */
    static PatientWindow open(PatientScreen screen, Window owner, Runnable onClosed) {
        Stage stage = new Stage();
        stage.setTitle(TITLE);
        Scene scene = new Scene(screen, 1024, 768);
        stage.setScene(scene);
        stage.setFullScreenExitKeyCombination(new KeyCodeCombination(KeyCode.ESCAPE));
        stage.setFullScreenExitHint("Esc leaves full screen");
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F11) {
                stage.setFullScreen(!stage.isFullScreen());
            }
        });
        List<Rectangle2D> bounds = Screen.getScreens().stream().map(Screen::getBounds).toList();
        Optional<Rectangle2D> second = secondMonitor(bounds, Screen.getPrimary().getBounds(), owner == null ? null
                : new Rectangle2D(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()),
                        Math.max(1, owner.getHeight())));
        stage.setOnHidden(e -> {
            scene.setRoot(new Pane()); // release the screen node
            onClosed.run();
        });
        if (second.isPresent()) {
            Rectangle2D b = second.get();
            stage.setX(b.getMinX());
            stage.setY(b.getMinY());
            stage.setWidth(b.getWidth());
            stage.setHeight(b.getHeight());
            stage.setFullScreen(true);
        }
        stage.show();
        return new PatientWindow(stage);
    }

    /**
     * The monitor for the patient: one other than the operator's (the one holding most of the operator's window,
     * else the primary); empty with a single monitor.
     */
    static Optional<Rectangle2D> secondMonitor(List<Rectangle2D> screens, Rectangle2D primary, Rectangle2D operator) {
        Rectangle2D mine = primary;
        if (operator != null) {
            double most = 0;
            for (Rectangle2D s : screens) {
                double overlap = overlap(s, operator);
                if (overlap > most) {
                    most = overlap;
                    mine = s;
                }
            }
        }
        Rectangle2D own = mine;
        return screens.stream().filter(s -> !s.equals(own)).findFirst();
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w > 0 && h > 0 ? w * h : 0;
    }

    Stage stage() {
        return stage;
    }

    /** Closes the window; the screen goes back to the operator's window. UI thread. */
    void close() {
        stage.close();
    }
}
