package org.mistudio.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mistudio.app.Display;
import org.mistudio.app.gui.MiStudioApp;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mistudio gui [FILE] [--workspace DIR]}: the workbench window. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Open the workbench: the start screen (recent workspaces, new, open, the sample); with "
                + "--workspace, that workspace (created when the folder holds none); with FILE or --screenshot, a "
                + "quick look at FILE (default: the bundled sample) in a new workspace in a temporary folder."})
final class GuiCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "EDF, BDF, GDF or XDF recording")
    Path file;

    @picocli.CommandLine.Option(names = "--workspace", paramLabel = "DIR",
            description = "open the workspace in this folder (a new one when it holds none)")
    Path workspace;

    @picocli.CommandLine.Option(names = "--screenshot", paramLabel = "FILE.png",
            description = "quick look: save the window as PNG once the overview is shown, then close it")
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
        if (workspace != null) {
            if (file != null || screenshot != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--workspace opens a workspace; add recordings in its Recordings tab (FILE and --screenshot "
                                + "are for a quick look)");
            }
            MiStudioApp.launchWorkspace(workspace);
        } else if (file != null || screenshot != null) {
            MiStudioApp.launchWith(file, screenshot);
        } else {
            MiStudioApp.launchStart();
        }
        return 0;
    }
}
