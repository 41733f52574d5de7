package org.mistudio.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.preprocess.Preprocessing;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mistudio preprocess IN OUT}: re-reference, notch, band-pass and resample, written as EDF+ or BDF+. */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = "Re-reference, notch, band-pass (zero-phase; MNE's default FIR, or Butterworth with --iir) "
                + "and resample a recording, in that order, and write it as EDF+ (.edf) or BDF+ (.bdf).")
final class PreprocessCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "recording (EDF/EDF+, BDF/BDF+, GDF, XDF)")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "output .edf or .bdf")
    Path out;

    @Option(names = "--bandpass", arity = "2", paramLabel = "HZ", description = "band-pass LO HI in Hz")
    double[] bandpass;

    @Option(names = "--iir", paramLabel = "ORDER", defaultValue = "0",
            description = "use a zero-phase Butterworth band-pass of this order instead of MNE's FIR")
    int iir;

    @Option(names = "--notch", paramLabel = "HZ", description = "notch out line noise at this frequency (50 or 60)")
    Double notch;

    @Option(names = "--reference", paramLabel = "average|CH", description = "re-reference EEG channels")
    String reference;

    @Option(names = "--resample", paramLabel = "HZ", description = "resample to this rate")
    Double resample;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Preprocessing p = new Preprocessing(Optional.ofNullable(reference), Optional.ofNullable(notch),
                Optional.ofNullable(bandpass), iir, Optional.ofNullable(resample));
        Recording r = p.apply(RecordingFiles.read(in));
        RecordingFiles.write(r, out);
        var err = spec.commandLine().getErr();
        err.println("wrote " + out + ": " + (p.describe().isEmpty() ? "unchanged" : String.join("; ",
                p.describe())));
        err.flush();
        return 0;
    }
}
