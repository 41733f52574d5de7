package org.mistudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;

import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;
import org.mistudio.dsp.analysis.AnalysisResult;
import org.mistudio.dsp.analysis.AnalysisSettings;
import org.mistudio.dsp.analysis.MotorImageryAnalysis;

/**
 * Renders the analysis screen on JavaFX's headless Monocle platform, checks what it shows and saves a screenshot to
 * app/target/screenshots/analysis-view.png for people to look at.
 */
class AnalysisViewTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        Fx.start();
    }

    @Test
    void showsSpectraTableAndVerdictOfAnAnalysis() throws Exception {
        AnalysisResult result = MotorImageryAnalysis.run(
                MotorImagerySimulator.simulate(SimulatorConfig.defaults().withTrialsPerClass(15)).recording(),
                AnalysisSettings.leftRight());
        Path out = Paths.get("target", "screenshots", "analysis-view.png");
        Fx.run(() -> {
            Stage stage = new Stage();
            AnalysisView view = new AnalysisView(stage);
            Scene scene = new Scene(view.root(), 1200, 760);
            stage.setScene(scene);
            stage.show();
            view.show("simulated session", result);
            scene.getRoot().applyCss();
            scene.getRoot().layout();

            assertEquals(2, view.leftChart().getData().size(), "one series per class at C3");
            assertEquals(2, view.rightChart().getData().size(), "one series per class at C4");
            XYChart.Series<Number, Number> first = view.leftChart().getData().get(0);
            assertEquals("left_hand", first.getName());
            // 1 Hz bins from 1 to 40 Hz.
            assertEquals(40, first.getData().size());
            assertEquals(22, view.table().getItems().size());
            assertEquals("C3", view.table().getItems().get(7).channel());
            assertTrue(view.table().getItems().get(7).muR2() < 0, "right-hand imagery lowers mu at C3");
            assertTrue(view.verdict().getText().startsWith("Contralateral ERD present"), view.verdict().getText());
            Files.createDirectories(out.getParent());
            Screenshots.save(scene, out);
            stage.close();
            return null;
        });
        BufferedImage png = ImageIO.read(out.toFile());
        assertEquals(1200, png.getWidth());
        // A rendered screen, not a blank one: charts, text and table give many colours.
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 3) {
            for (int x = 0; x < png.getWidth(); x += 3) {
                colours.add(png.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, colours.size() + " colours");
    }
}
