package org.mistudio.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mistudio.app.Display;
import org.mistudio.app.gui.MiStudioApp;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mistudio gui [FILE]}: the workbench window. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Open the workbench on FILE (default: the bundled sample recording).")
final class GuiCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "EDF/EDF+ or BDF/BDF+ recording")
    Path file;

    @picocli.CommandLine.Option(names = "--screenshot", paramLabel = "FILE.png",
            description = "save the window as PNG once the analysis is shown, then close it")
    Path screenshot;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Optional<String> noDisplay = Display.unavailableReason();
        if (noDisplay.isPresent()) {
            spec.commandLine().getErr().println("mistudio gui: " + noDisplay.get()
                    + "; use 'mistudio analyze' in a terminal");
            return MiStudioCommand.INPUT_ERROR;
        }
        MiStudioApp.launchWith(file, screenshot);
        return 0;
    }
}
