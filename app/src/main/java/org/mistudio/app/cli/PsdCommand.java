package org.mistudio.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.ChannelType;
import org.mistudio.acquisition.model.PhysicalUnit;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.spectrum.Burg;
import org.mistudio.dsp.spectrum.Multitaper;
import org.mistudio.dsp.spectrum.Spectrum;
import org.mistudio.dsp.spectrum.Welch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mistudio psd}: power spectral density per channel, in V²/Hz. */
@Command(name = "psd", mixinStandardHelpOptions = true,
        description = "Power spectral density of each channel in V²/Hz: Welch (default), Burg or multitaper. "
                + "Welch as SciPy's welch: Hann window, 1 s segments, 50 %% overlap, constant detrend, one-sided "
                + "density, mean over segments.")
final class PsdCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "recording (EDF/EDF+, BDF/BDF+)")
    Path file;

    @Option(names = "--method", defaultValue = "welch",
            description = "welch, burg or multitaper (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--order", defaultValue = "16",
            description = "Burg: autoregressive model order (default ${DEFAULT-VALUE})")
    int order;

    @Option(names = "--bandwidth", defaultValue = "2",
            description = "multitaper: full frequency bandwidth in Hz, as MNE's (default ${DEFAULT-VALUE})")
    double bandwidth;

    @Option(names = "--fmin", defaultValue = "0", description = "lowest frequency shown, Hz (default ${DEFAULT-VALUE})")
    double fmin;

    @Option(names = "--fmax", description = "highest frequency shown, Hz (default: Nyquist)")
    Double fmax;

    @Option(names = "--channels", paramLabel = "C3,C4", description = "channels (default: all EEG channels)")
    String channels;

    @Option(names = "--json", description = "one JSON document: freqs and, per channel label, its psd values")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String m = method.toLowerCase(Locale.ROOT);
        if (!m.equals("welch") && !m.equals("burg") && !m.equals("multitaper")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--method: expected welch, burg or multitaper, got '" + method + "'");
        }
        Recording r = RecordingFiles.read(file);
        Recording chosen = channels == null ? r.selectType(ChannelType.EEG) : r.select(List.of(channels.split(
                "\\s*,\\s*")));
        if (chosen.channelCount() == 0) {
            throw new IllegalArgumentException(file + ": no EEG channel; name channels with --channels");
        }
        double fs = chosen.samplingRate();
        double top = fmax == null ? fs / 2 : fmax;
        if (!(fmin >= 0 && top > fmin && top <= fs / 2)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--fmin/--fmax: need 0 <= fmin < fmax <= %s Hz (Nyquist), got %s-%s", fs / 2, fmin, top));
        }
        int second = (int) Math.round(fs);
        java.util.function.Function<float[], Spectrum> estimator;
        String description;
        switch (m) {
            case "burg":
                Burg burg = new Burg(order, second);
                estimator = x -> burg.estimate(x, fs);
                description = "Burg AR(" + order + ") PSD, " + second + "-point FFT";
                break;
            case "multitaper":
                Multitaper mt = Multitaper.of(bandwidth);
                estimator = x -> mt.estimate(x, fs);
                description = "multitaper PSD, " + bandwidth + " Hz bandwidth (DPSS, MNE's conventions)";
                break;
            default:
                Welch welch = Welch.of(second);
                estimator = x -> welch.estimate(x, fs);
                description = "Welch PSD, Hann, 1 s segments, 50 % overlap";
        }
        Map<String, double[]> psd = new LinkedHashMap<>();
        double[] freqs = null;
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < chosen.channelCount(); c++) {
            ChannelInfo ch = chosen.channels().get(c);
            double volts = PhysicalUnit.voltsPer(ch.unit()).orElseThrow(() -> new IllegalArgumentException(file
                    + ": channel '" + ch.label() + "' is in '" + ch.unit() + "', not a voltage; PSD is in V²/Hz"));
            Spectrum s = estimator.apply(chosen.samples()[c]);
            if (freqs == null) {
                freqs = s.frequencies();
                // Multitaper spectra start at their first bin above 0; keep what lies in [fmin, fmax].
                for (int k = 0; k < freqs.length; k++) {
                    if (freqs[k] >= fmin - 1e-9 && freqs[k] <= top + 1e-9) {
                        keep.add(k);
                    }
                }
            }
            double[] values = new double[keep.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = s.power()[keep.get(k)] * volts * volts;
            }
            psd.put(ch.label(), values);
        }
        double[] shownFreqs = new double[keep.size()];
        for (int k = 0; k < shownFreqs.length; k++) {
            shownFreqs[k] = freqs[keep.get(k)];
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("file", file.toString());
            doc.put("method", m);
            doc.put("description", description);
            doc.put("unit", "V^2/Hz");
            doc.put("freqs", shownFreqs);
            doc.put("psd", psd);
            Json.print(out, doc);
            return 0;
        }
        out.printf(Locale.ROOT, "%s: %s (V²/Hz)%n", file, description);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%8s", "Hz"));
        for (String label : psd.keySet()) {
            head.append(String.format(Locale.ROOT, " %11s", label));
        }
        out.println(head);
        for (int k = 0; k < shownFreqs.length; k++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%8.3f", shownFreqs[k]));
            for (double[] v : psd.values()) {
                row.append(String.format(Locale.ROOT, " %11.4e", v[k]));
            }
            out.println(row);
        }
        out.flush();
        return 0;
    }
}
