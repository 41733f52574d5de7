package org.mistudio.models.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mistudio.acquisition.model.PhysicalUnit;
import org.mistudio.acquisition.model.Recording;

/**
 * Where each of a model's channels is in a data source (a recording or a stream), found by label (case and
 * EEGMMIDB padding dots ignored). Building one checks the source against the model and refuses, listing every
 * problem, when channels are missing, the rate differs or a channel's unit differs.
 *
 * @param sourceIndex for each model channel, its row in the source
 * @param warnings    what was accepted with an assumption (a source channel without a unit)
 */
public record ChannelMap(int[] sourceIndex, List<String> warnings) {

    public ChannelMap {
        sourceIndex = sourceIndex.clone();
        warnings = List.copyOf(warnings);
    }

    @Override
    public int[] sourceIndex() {
        return sourceIndex.clone();
    }

    /**
     * Matches a source to a model.
     *
     * @param model       the model's metadata
     * @param modelName   how to name the model in messages (its file)
     * @param sourceName  how to name the source in messages (file or stream)
     * @param labels      the source's channel labels
     * @param units       the source's channel units ("" where unknown)
     * @param rate        the source's sampling rate, Hz
     */
    public static ChannelMap match(ModelMetadata model, String modelName, String sourceName, List<String> labels,
                                   List<String> units, double rate) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (Math.abs(rate - model.samplingRate()) > 1e-9 * model.samplingRate()) {
            problems.add(String.format(Locale.ROOT, "sampling rate is %s Hz, the model needs %s Hz (resample first)",
                    plain(rate), plain(model.samplingRate())));
        }
        int[] index = new int[model.channels().size()];
        List<String> missing = new ArrayList<>();
        List<String> unitProblems = new ArrayList<>();
        List<String> unknownUnits = new ArrayList<>();
        for (int c = 0; c < index.length; c++) {
            String want = model.channels().get(c);
            index[c] = find(labels, want);
            if (index[c] < 0) {
                missing.add(want);
                continue;
            }
            String have = units.get(index[c]).trim();
            String need = model.units().get(c).trim();
            if (have.isEmpty()) {
                unknownUnits.add(labels.get(index[c]));
            } else if (!sameUnit(have, need)) {
                unitProblems.add(labels.get(index[c]) + " is in " + have + ", the model in " + need);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " of the model's " + index.length + " channels are missing: "
                    + String.join(", ", missing) + " (the source has " + abbreviate(labels) + ")");
        }
        if (!unitProblems.isEmpty()) {
            problems.add("units differ: " + String.join(", ", unitProblems.subList(0, Math.min(5, unitProblems.size())))
                    + (unitProblems.size() > 5 ? " and " + (unitProblems.size() - 5) + " more" : ""));
        }
        if (!problems.isEmpty()) {
            throw new ModelMismatchException(sourceName, modelName, problems);
        }
        if (!unknownUnits.isEmpty()) {
            warnings.add(unknownUnits.size() + " channel(s) give no unit; taken to be in the model's ("
                    + model.units().get(0) + ")");
        }
        return new ChannelMap(index, warnings);
    }

    /** The model's rows of a source chunk {@code [sourceChannel][sample]} (arrays shared). */
    public float[][] apply(float[][] source) {
        float[][] out = new float[sourceIndex.length][];
        for (int c = 0; c < sourceIndex.length; c++) {
            out[c] = source[sourceIndex[c]];
        }
        return out;
    }

    private static int find(List<String> labels, String want) {
        int exact = labels.indexOf(want);
        if (exact >= 0) {
            return exact;
        }
        String norm = Recording.normalizeLabel(want);
        for (int i = 0; i < labels.size(); i++) {
            if (Recording.normalizeLabel(labels.get(i)).equals(norm)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameUnit(String a, String b) {
        Optional<Double> va = PhysicalUnit.voltsPer(a);
        Optional<Double> vb = PhysicalUnit.voltsPer(b);
        if (va.isPresent() && vb.isPresent()) {
            return va.get().equals(vb.get());
        }
        return a.equalsIgnoreCase(b);
    }

    private static String abbreviate(List<String> labels) {
        if (labels.size() <= 12) {
            return labels.toString();
        }
        return labels.subList(0, 12).toString().replace("]", ", ... " + (labels.size() - 12) + " more]");
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
