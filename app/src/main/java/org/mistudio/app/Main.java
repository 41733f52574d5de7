package org.mistudio.app;

import org.mistudio.app.cli.MiStudioCommand;

/**
 * Entry point of {@code ./mistudio}. Without arguments it opens the workbench, or, where no display is
 * available, says so and runs the same analysis in the terminal. With arguments it runs a subcommand.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(MiStudioCommand.execute(args));
    }
}
