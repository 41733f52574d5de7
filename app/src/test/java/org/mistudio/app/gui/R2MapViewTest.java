package org.mistudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;
import org.mistudio.dsp.analysis.AnalysisSettings;
import org.mistudio.dsp.analysis.R2MapAnalysis;
import org.mistudio.dsp.features.R2Map;

/** The R² heatmap: colours where the simulated ERD is, and a click selects the feature under the pointer. */
class R2MapViewTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        Fx.start();
    }

    @Test
    void showsContralateralErdInColourAndSelectsTheClickedCell() throws Exception {
        R2Map map = R2MapAnalysis.run(MotorImagerySimulator.simulate(SimulatorConfig.defaults()
                .withTrialsPerClass(25)).recording(), AnalysisSettings.leftRight());
        // Where the simulator put the ERD: the largest |r²| at C4 (positive: right-hand trials have more power
        // there) and at C3 (negative) in the mu band.
        int c3 = map.channels().indexOf("C3");
        int c4 = map.channels().indexOf("C4");
        int f = 0;
        for (int k = 0; k < map.frequencies().length; k++) {
            if (map.frequencies()[k] >= 8 && map.frequencies()[k] <= 13
                    && map.values()[c4][k] > map.values()[c4][f]) {
                f = k;
            }
        }
        assertTrue(map.values()[c4][f] > 0.1 && map.values()[c3][f] < -0.05,
                "C4 " + map.values()[c4][f] + ", C3 " + map.values()[c3][f]);
        int fi = f;
        Object[] out = Fx.run(() -> {
            R2MapView v = new R2MapView();
            Stage stage = new Stage();
            stage.setScene(new Scene(v.root(), 1000, 600));
            stage.show();
            v.show(map);
            v.root().applyCss();
            v.root().layout();
            double plotW = v.canvas().getWidth() - R2MapView.LEFT - R2MapView.BAR;
            double plotH = v.canvas().getHeight() - R2MapView.TOP - R2MapView.BOTTOM;
            double cw = plotW / map.frequencies().length;
            double ch = plotH / map.channels().size();
            double x = R2MapView.LEFT + (fi + 0.5) * cw;
            double y4 = R2MapView.TOP + (c4 + 0.5) * ch;
            double y3 = R2MapView.TOP + (c3 + 0.5) * ch;
            var cell = v.select(x, y4).orElseThrow();
            v.select(x, y4); // a second click does not add it twice
            v.select(x, y3);
            var image = javafx.embed.swing.SwingFXUtils.fromFXImage(v.canvas().snapshot(null, null), null);
            var png = javafx.embed.swing.SwingFXUtils.fromFXImage(v.root().snapshot(null, null), null);
            // The topography at the clicked frequency: red over C4, blue over C3 (6 px above each electrode's dot).
            var topo = org.mistudio.dsp.features.Topography.of(map, map.frequencies()[fi],
                    org.mistudio.acquisition.montage.Montage.standard1005(), 64);
            int t4 = topo.channels().indexOf("C4");
            int t3 = topo.channels().indexOf("C3");
            double[] p4 = v.topomap().toCanvas(topo.x()[t4], topo.y()[t4]);
            double[] p3 = v.topomap().toCanvas(topo.x()[t3], topo.y()[t3]);
            var head = javafx.embed.swing.SwingFXUtils.fromFXImage(v.topomap().snapshot(null, null), null);
            int overC4 = head.getRGB((int) p4[0], (int) p4[1] - 6);
            int overC3 = head.getRGB((int) p3[0], (int) p3[1] - 6);
            assertTrue(((overC4 >> 16) & 0xff) > (overC4 & 0xff) + 30, "head over C4 is red: "
                    + Integer.toHexString(overC4));
            assertTrue((overC3 & 0xff) > ((overC3 >> 16) & 0xff) + 10, "head over C3 is blue: "
                    + Integer.toHexString(overC3));
            assertTrue(p3[0] < p4[0], "left is left");
            List<String> sel = List.copyOf(v.selectedFeatures());
            stage.close();
            return new Object[] {cell, image, sel, (int) x, (int) y4, (int) y3, png};
        });
        R2MapView.Cell cell = (R2MapView.Cell) out[0];
        assertEquals("C4", cell.channel());
        assertEquals(map.frequencies()[f], cell.frequency(), 0);
        String expected = "C4;" + (long) map.frequencies()[f];
        assertEquals(List.of(expected, "C3;" + (long) map.frequencies()[f]), out[2]);
        BufferedImage image = (BufferedImage) out[1];
        int x = (Integer) out[3];
        int red = image.getRGB(x, (Integer) out[4]);
        int blue = image.getRGB(x, (Integer) out[5]);
        assertTrue(((red >> 16) & 0xff) > (red & 0xff) + 60, "C4 cell is red: " + Integer.toHexString(red));
        assertTrue((blue & 0xff) > ((blue >> 16) & 0xff) + 20, "C3 cell is blue: " + Integer.toHexString(blue));
        Path shot = Paths.get("target", "screenshots", "r2map-view.png");
        Files.createDirectories(shot.getParent());
        ImageIO.write((BufferedImage) out[6], "png", shot.toFile());
    }
}
