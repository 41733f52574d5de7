package org.mistudio.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.app.SampleData;
import org.mistudio.dsp.analysis.AnalysisResult;
import org.mistudio.dsp.analysis.AnalysisSettings;
import org.mistudio.dsp.analysis.MotorImageryAnalysis;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mistudio analyze}: per-class spectra, mu/beta band power and the lateralisation check. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Per-class EEG spectra during imagery, mu and beta band power, signed r² and the "
                + "contralateral-ERD check. Without FILE, analyses the bundled sample recording.")
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "EDF/EDF+ or BDF/BDF+ recording")
    Path file;

    @Option(names = "--classes", paramLabel = "LABEL[=CLASS],...",
            description = "annotation labels to analyse, optionally renamed; default left_hand,right_hand "
                    + "(EEGMMIDB imagery runs: T1=left_hand,T2=right_hand)")
    String classes;

    @Option(names = "--tmin", description = "window start after the cue in s (default ${DEFAULT-VALUE})",
            defaultValue = "0.5")
    double tmin;

    @Option(names = "--tmax", description = "window end after the cue in s (default ${DEFAULT-VALUE})",
            defaultValue = "3.5")
    double tmax;

    @Option(names = "--json", description = "print one JSON document instead of the table")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path input = file != null ? file : SampleData.path();
        Recording recording = RecordingFiles.read(input);
        AnalysisSettings defaults = AnalysisSettings.leftRight();
        AnalysisSettings settings = new AnalysisSettings(
                classes == null ? defaults.classes() : ClassMapping.parse(classes), tmin, tmax,
                defaults.segmentSeconds(), defaults.bands());
        AnalysisResult result = MotorImageryAnalysis.run(recording, settings);
        if (json) {
            Json.print(spec.commandLine().getOut(), AnalysisReport.json(input.toString(), result, settings));
        } else {
            spec.commandLine().getOut().print(AnalysisReport.text(input.toString(), result, settings));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
