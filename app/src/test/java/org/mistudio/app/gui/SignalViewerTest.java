package org.mistudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;

/** The trace viewer drawn on JavaFX's headless platform: where traces and markers land, pixel by pixel. */
class SignalViewerTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        Fx.start();
    }

    @Test
    void drawsEachChannelInItsRowAndAnnotationsWhereTheyHappen() throws Exception {
        // Two channels, 20 s at 100 Hz: channel 0 flat except a 100 uV step at 5 s; channel 1 flat.
        float[][] x = new float[2][2000];
        for (int i = 500; i < 2000; i++) {
            x[0][i] = 100;
        }
        Recording r = new Recording(List.of(ChannelInfo.eeg("C3", 100), ChannelInfo.eeg("C4", 100)), x,
                LocalDateTime.of(2020, 1, 1, 0, 0), List.of(new Annotation(2.5, 4, "left_hand")));
        BufferedImage png = Fx.run(() -> {
            SignalViewer v = new SignalViewer();
            Stage stage = new Stage();
            stage.setScene(new Scene(v.root(), 800, 400));
            stage.show();
            v.show(r);
            v.setGain(200);
            v.scrollTo(0);
            v.root().applyCss();
            v.root().layout();
            assertEquals(10.0, v.windowSeconds(), 0);
            assertEquals(Color.web("#0072b2"), v.colourOf("left_hand"));
            var image = v.canvas().snapshot(null, null);
            stage.close();
            return javafx.embed.swing.SwingFXUtils.fromFXImage(image, null);
        });
        Path out = Paths.get("target", "screenshots", "signal-viewer.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(png, "png", out.toFile());
        int w = png.getWidth();
        int h = png.getHeight();
        double left = SignalViewer.LABEL_WIDTH;
        double plotW = w - left;
        double plotH = h - SignalViewer.TIME_AXIS_HEIGHT;
        double top = SignalViewer.ANNOTATION_STRIP;
        // The annotation's marker at 2.5 s of a 10 s window, in its palette colour.
        int markerX = (int) Math.round(left + 2.5 / 10 * plotW);
        assertTrue(hasColour(png, markerX, (int) (plotH * 0.95), 0x0072b2), "marker colour at x=" + markerX);
        // Channel 0's row is the top half. Before the step (t = 1 s) the trace sits below the row's middle (the
        // window mean is 50 uV); after it (t = 8 s) above. A 200 uV scale makes 50 uV a quarter of the row.
        double row = (plotH - top) / 2;
        int before = (int) Math.round(left + 1.0 / 10 * plotW);
        int after = (int) Math.round(left + 8.0 / 10 * plotW);
        int expectedBefore = (int) Math.round(top + row / 2.0 + row / 4.0);
        int expectedAfter = (int) Math.round(top + row / 2.0 - row / 4.0);
        assertTrue(isTrace(png, before, expectedBefore), "trace before the step near y=" + expectedBefore);
        assertTrue(isTrace(png, after, expectedAfter), "trace after the step near y=" + expectedAfter);
        assertTrue(isTrace(png, after, (int) Math.round(top + row * 1.5)), "flat channel 1 in the middle of its row");
        assertFalse(isTrace(png, after, expectedBefore), "after the step the trace has left its old level");
        assertFalse(isTrace(png, before, expectedAfter), "before the step the trace is not yet at its new level");
    }

    /** A pixel within one pixel of (x, y) whose colour is within 40 per component of {@code rgb} (antialiasing). */
    private static boolean hasColour(BufferedImage png, int x, int y, int rgb) {
        for (int dx = -1; dx <= 1; dx++) {
            int p = png.getRGB(x + dx, y);
            boolean close = true;
            for (int shift = 0; shift <= 16; shift += 8) {
                close &= Math.abs(((p >> shift) & 0xff) - ((rgb >> shift) & 0xff)) <= 40;
            }
            if (close) {
                return true;
            }
        }
        return false;
    }

    /** A trace pixel (blue, or its antialiased blend with white) within two pixels of (x, y). */
    private static boolean isTrace(BufferedImage png, int x, int y) {
        for (int dy = -2; dy <= 2; dy++) {
            int rgb = png.getRGB(x, y + dy);
            int r = (rgb >> 16) & 0xff;
            int b = rgb & 0xff;
            if (b - r > 40) {
                return true;
            }
        }
        return false;
    }

    @Test
    void showsARealSessionWithoutError() throws Exception {
        Recording r = MotorImagerySimulator.simulate(SimulatorConfig.defaults().withTrialsPerClass(3)).recording();
        BufferedImage png = Fx.run(() -> {
            SignalViewer v = new SignalViewer();
            Stage stage = new Stage();
            stage.setScene(new Scene(v.root(), 1200, 760));
            stage.show();
            v.show(r);
            v.scrollTo(3);
            v.root().applyCss();
            v.root().layout();
            var image = v.root().snapshot(null, null);
            stage.close();
            return javafx.embed.swing.SwingFXUtils.fromFXImage(image, null);
        });
        Path out = Paths.get("target", "screenshots", "signal-viewer-session.png");
        ImageIO.write(png, "png", out.toFile());
        assertEquals(1200, png.getWidth());
    }
}
