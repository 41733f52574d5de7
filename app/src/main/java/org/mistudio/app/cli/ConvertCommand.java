package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mistudio convert IN OUT.edf|OUT.bdf}: any readable recording to EDF+ (16-bit) or BDF+ (24-bit), continuous,
 * annotations kept, each channel at its own rate, per-channel physical range chosen so that the quantisation error
 * is at most half a digital step.
 *
 * <p>What EDF cannot hold: labels longer than 16 characters are cut to 16, with a warning naming each (an error
 * when two labels become the same); units longer than 8 characters are an error, as are samples that are not
 * finite, recordings without channels or samples, and sample counts that no whole number of data records of an
 * exactly stated duration splits (crop to whole seconds first). An XDF file converts its primary stream (the first
 * EEG stream) with the marker streams as annotations. EDF+D input is written as EDF+C: its gaps are zeros marked by
 * {@code BAD_ACQ_SKIP} annotations.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a recording (EDF, BDF, GDF, XDF) to EDF+ (.edf, 16-bit) or BDF+ (.bdf, 24-bit).")
final class ConvertCommand implements Callable<Integer> {

    /** EDF's label field width (EDF specification, section 2.1.2). */
    static final int LABEL_WIDTH = 16;

    @Parameters(index = "0", paramLabel = "IN", description = "EDF/EDF+, BDF/BDF+, GDF 1.x/2.x or XDF recording")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "output file: .edf for EDF+, .bdf for BDF+")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String ext = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!ext.endsWith(".edf") && !ext.endsWith(".bdf")) {
            throw new IllegalArgumentException(out + ": the output must end in .edf (EDF+) or .bdf (BDF+)");
        }
        RecordingFiles.Described d = RecordingFiles.readDescribed(in);
        Recording r = fitLabels(d.recording(), spec.commandLine().getErr());
        RecordingFiles.write(r, out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s (%s, %d channels, %.3f s, %d annotations) -> %s%n", in, d.format(),
                r.channelCount(), r.duration(), r.annotations().size(), out);
        o.flush();
        return 0;
    }

    /** Cuts labels to EDF's 16 characters, warning for each; fails when that makes two labels equal. */
    static Recording fitLabels(Recording r, PrintWriter err) {
        List<ChannelInfo> channels = new ArrayList<>();
        Set<String> used = new HashSet<>();
        boolean changed = false;
        for (ChannelInfo ch : r.channels()) {
            String label = ch.label().trim();
            if (label.length() > LABEL_WIDTH) {
                label = label.substring(0, LABEL_WIDTH).trim();
                err.printf(Locale.ROOT, "warning: channel label '%s' is longer than EDF's %d characters; written "
                        + "as '%s'%n", ch.label(), LABEL_WIDTH, label);
            }
            if (!used.add(label)) {
                throw new IllegalArgumentException("channel label '" + ch.label() + "' cut to " + LABEL_WIDTH
                        + " characters ('" + label + "') equals another channel's label; rename channels first");
            }
            changed |= !label.equals(ch.label());
            channels.add(ch.withLabel(label));
        }
        err.flush();
        return changed ? new Recording(channels, r.samples(), r.start(), r.annotations()) : r;
    }
}
