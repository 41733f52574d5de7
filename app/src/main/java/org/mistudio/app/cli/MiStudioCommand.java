package org.mistudio.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mistudio.app.Display;
import org.mistudio.app.SampleData;
import org.mistudio.app.gui.MiStudioApp;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mistudio} command: the GUI without arguments, subcommands for batch work. */
@Command(name = "mistudio", mixinStandardHelpOptions = true, versionProvider = MiStudioCommand.Version.class,
        description = {"MI Studio: motor-imagery BCI workbench.",
                "Without a subcommand, opens the workbench on the bundled sample recording; where no display is "
                        + "available, runs the same analysis in the terminal."},
        subcommands = {AnalyzeCommand.class, PsdCommand.class, PreprocessCommand.class, FasterCommand.class,
                R2mapCommand.class, ClassifyCommand.class, TrainCommand.class, PredictCommand.class, BenchCommand.class, LatencyCommand.class, LiveCommand.class, SimulateCommand.class, InfoCommand.class,
                ConvertCommand.class, GuiCommand.class, ScreenshotsCommand.class, LslCommand.class,
                CommandLine.HelpCommand.class})
public final class MiStudioCommand implements Callable<Integer> {

    /** Exit status for an input error (a missing or malformed file, data that cannot be analysed). */
    public static final int INPUT_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<String> noDisplay = Display.unavailableReason();
        if (noDisplay.isPresent()) {
            spec.commandLine().getErr().println("mistudio: " + noDisplay.get()
                    + "; running the analysis in the terminal instead (mistudio analyze " + SampleData.path() + ").");
            spec.commandLine().getErr().flush();
            return new CommandLine(new AnalyzeCommand())
                    .setOut(spec.commandLine().getOut())
                    .setErr(spec.commandLine().getErr())
                    .setExecutionExceptionHandler(MiStudioCommand::handle)
                    .execute();
        }
        MiStudioApp.launchStart();
        return 0;
    }

    /** Runs the command line and returns the exit status. */
    public static int execute(String[] args) {
        return execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new MiStudioCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(MiStudioCommand::handle);
        return cli.execute(args);
    }

    /** Input errors are one line on stderr naming the file and the problem; anything else is a bug to report. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        PrintWriter err = cli.getErr();
        if (cause instanceof NoSuchFileException) {
            err.println("mistudio: " + ((NoSuchFileException) cause).getFile() + ": no such file");
            return INPUT_ERROR;
        }
        if (cause instanceof IOException || cause instanceof IllegalArgumentException) {
            err.println("mistudio: " + cause.getMessage());
            return INPUT_ERROR;
        }
        err.println("mistudio: internal error, please report it with the command you ran: " + cause);
        cause.printStackTrace(err);
        return 70; // EX_SOFTWARE (sysexits.h)
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MiStudioCommand.class.getPackage().getImplementationVersion();
            return new String[] {"MI Studio " + (v == null ? "development build" : v)};
        }
    }
}
