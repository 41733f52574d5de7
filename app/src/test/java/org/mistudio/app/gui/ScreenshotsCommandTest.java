package org.mistudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.sim.MotorImagerySimulator;
import org.mistudio.acquisition.sim.SimulatorConfig;
import org.mistudio.app.cli.MiStudioCommand;

/** `mistudio screenshots` renders every view of a recording to a readable PNG. */
class ScreenshotsCommandTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        Fx.start();
    }

    @Test
    void writesEveryViewAsAFullPicture() throws Exception {
        Path file = dir.resolve("sim.edf");
        RecordingFiles.write(MotorImagerySimulator.simulate(SimulatorConfig.defaults().withTrialsPerClass(10))
                .recording(), file);
        StringWriter err = new StringWriter();
        int status = MiStudioCommand.execute(new String[] {"screenshots", dir.resolve("shots").toString(),
                file.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, status, err.toString());
        for (String name : new String[] {"analysis.png", "signals.png", "r2map.png", "r2map-topography.png"}) {
            BufferedImage png = ImageIO.read(dir.resolve("shots").resolve(name).toFile());
            assertEquals(1200, png.getWidth(), name);
            assertEquals(760, png.getHeight(), name);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < png.getHeight(); y += 4) {
                for (int x = 0; x < png.getWidth(); x += 4) {
                    colours.add(png.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 50, name + ": " + colours.size() + " colours");
        }
    }
}
