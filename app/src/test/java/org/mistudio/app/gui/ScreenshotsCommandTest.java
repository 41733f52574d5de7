package org.mistudio.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mistudio.app.Root;
import org.mistudio.app.cli.MiStudioCommand;

/**
 * `mistudio screenshots` walks the workbench through a session on the sample and saves every screen as a full PNG
 * (to app/target/screenshots/workbench; docs/screenshots holds a copy).
 */
class ScreenshotsCommandTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        Fx.start();
    }

    @Test
    void writesEveryViewAsAFullPicture() throws Exception {
        Path out = Paths.get("target", "screenshots", "workbench");
        StringWriter err = new StringWriter();
        int status = MiStudioCommand.execute(new String[] {"screenshots", out.toString(),
                Root.path().resolve("sample-data").resolve("mi-sample.edf").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, status, err.toString());
        java.util.List<String> all = new java.util.ArrayList<>(WorkbenchTour.FILES);
        all.addAll(org.mistudio.app.gui.live.LiveTour.FILES);
        for (String name : all) {
            BufferedImage png = ImageIO.read(out.resolve(name).toFile());
            assertEquals((int) MiStudioApp.WIDTH, png.getWidth(), name);
            assertEquals((int) MiStudioApp.HEIGHT, png.getHeight(), name);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < png.getHeight(); y += 4) {
                for (int x = 0; x < png.getWidth(); x += 4) {
                    colours.add(png.getRGB(x, y));
                }
            }
            // Text alone gives a few dozen shades; charts and colour scales many more.
            assertTrue(colours.size() > (name.equals("start.png") ? 20 : 100), name + ": " + colours.size()
                    + " colours");
        }
    }
}
