package org.mistudio.models.network;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Epochs;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.dsp.decode.ClassLabels;
import org.mistudio.dsp.evaluation.ChanceLevel;
import org.mistudio.dsp.evaluation.Metrics;
import org.mistudio.dsp.online.CausalEpoching;
import org.mistudio.models.net.EegNetwork;
import org.mistudio.models.net.Networks;
import org.mistudio.models.persist.ModelFile;
import org.mistudio.models.persist.ModelFileException;
import org.mistudio.models.persist.ModelMetadata;
import org.mistudio.models.train.EegTrainer;
import org.mistudio.models.train.EpochReport;
import org.mistudio.models.train.ProgressListener;
import org.mistudio.models.train.TrainedNetwork;
import org.mistudio.models.train.TrainingSettings;

/**
 * Trains one of the five networks for live use: trials cut as the live decoder sees them ({@link CausalEpoching}:
 * causal band-pass, one window per cue), {@link EegTrainer} with early stopping on a stratified validation split.
 * The reported scores are the validation split's at the kept epoch (a network is not cross-validated here: that is
 * the benchmark's job).
 */
public final class NetworkModelTrainer {

    /** Significance of the chance threshold reported for the validation split. */
    public static final double CHANCE_ALPHA = 0.05;

    private NetworkModelTrainer() {
    }

    /**
     * @param architecture a {@link Networks#NAMES} entry
     * @param epoching     how trials are cut (classes, band, window)
     * @param settings     the training settings
     */
    public record Spec(String architecture, CausalEpoching epoching, TrainingSettings settings) {
    }

    /** The model file's contents and the trained network (which holds native memory: close it). */
    public record Trained(ModelMetadata metadata, Map<String, byte[]> entries, TrainedNetwork network)
            implements AutoCloseable {
        @Override
        public void close() {
            network.close();
        }
    }

    public static Trained train(List<Recording> runs, List<String> names, Spec spec, String version,
                                ProgressListener listener) {
        return train(runs, names, spec, version, listener, null);
    }

    /**
     * Where a fine-tuned network's weights come from: the parameters of an earlier network model.
     *
     * @param source      how to name the source in messages and in the model (a file, an attempt)
     * @param mode        {@link #FINE_TUNE} or {@link #PRETRAIN_FINE_TUNE}
     * @param metadata    the source model's metadata (architecture, channels, rate, window, classes)
     * @param parameters  its parameters ({@link org.mistudio.models.train.TrainedNetwork#parameterBytes()})
     */
    public record Init(String source, String mode, ModelMetadata metadata, byte[] parameters) {
        public Init {
            java.util.Objects.requireNonNull(source, "source");
            java.util.Objects.requireNonNull(mode, "mode");
            java.util.Objects.requireNonNull(metadata, "metadata");
            parameters = parameters.clone();
        }

        @Override
        public byte[] parameters() {
            return parameters.clone();
        }

        /**
         * The initial weights held in a network model file: refuses (a {@link TransferMismatchException}) a model
         * of another kind.
         */
        public static Init fromModel(ModelFile.Contents model, String source) throws ModelFileException {
            if (!NetworkKind.NAME.equals(model.metadata().kind())) {
                throw new TransferMismatchException(source, List.of("it is a " + model.metadata().kind()
                        + " model, not a network: only a network's weights can be fine-tuned"));
            }
            return new Init(source, FINE_TUNE, model.metadata(), model.entry(NetworkKind.PARAMETERS));
        }
    }

    /** Whether a model name (case ignored) is one of the five networks. */
    public static boolean isNetwork(String name) {
        return name != null && Networks.NAMES.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** Transfer mode: start from an earlier network's weights. */
    public static final String FINE_TUNE = "fine-tune";
    /** Transfer mode: pre-train on other recordings (other subjects), then fine-tune on the target's. */
    public static final String PRETRAIN_FINE_TUNE = "pre-train and fine-tune";

    /**
     * What differs between a source model and a network about to be trained from it, in words; empty when the
     * source's weights fit: same architecture, channels (by label, in order), sampling rate, window samples and
     * classes (names, in output order).
     */
    public static List<String> differences(ModelMetadata source, String architecture, List<String> channels,
                                           double samplingRate, int windowSamples, List<String> classNames) {
        List<String> out = new ArrayList<>();
        if (!architecture.equals(source.architecture())) {
            out.add("architecture is " + architecture + " here, " + source.architecture() + " in the source");
        }
        List<String> mine = channels.stream().map(Recording::normalizeLabel).toList();
        List<String> theirs = source.channels().stream().map(Recording::normalizeLabel).toList();
        if (!mine.equals(theirs)) {
            List<String> missing = new ArrayList<>(theirs);
            missing.removeAll(mine);
            List<String> extra = new ArrayList<>(mine);
            extra.removeAll(theirs);
            String detail = missing.isEmpty() && extra.isEmpty() ? "same labels in another order"
                    : (extra.isEmpty() ? "" : "only here: " + abbreviate(extra))
                            + (!extra.isEmpty() && !missing.isEmpty() ? "; " : "")
                            + (missing.isEmpty() ? "" : "only in the source: " + abbreviate(missing));
            out.add("channels differ: " + channels.size() + " here, " + source.channels().size() + " in the source ("
                    + detail + ")");
        }
        if (Math.abs(samplingRate - source.samplingRate()) > 1e-9 * samplingRate) {
            out.add("sampling rate is " + plain(samplingRate) + " Hz here, " + plain(source.samplingRate())
                    + " Hz in the source");
        } else if (windowSamples != source.windowSamples()) {
            out.add("window is " + windowSamples + " samples here, " + source.windowSamples() + " in the source");
        }
        if (!classNames.equals(source.classNames())) {
            out.add("classes are " + classNames + " here, " + source.classNames() + " in the source");
        }
        return out;
    }

    /**
     * Trains as {@link #train(List, List, Spec, String, ProgressListener)}, starting from {@code init}'s weights
     * when not null (fine-tuning; a {@link TransferMismatchException} lists what differs when they do not fit). The
     * model records the source in its settings ({@code transfer}) and the source's scores on this validation split
     * before fine-tuning in its metrics ({@code initial_validation_loss}, {@code initial_validation_accuracy}).
     */
    public static Trained train(List<Recording> runs, List<String> names, Spec spec, String version,
                                ProgressListener listener, Init init) {
        CausalEpoching.Result cut = spec.epoching().apply(runs, null);
        Epochs e = cut.epochs();
        List<String> classNames = new ArrayList<>();
        int[] y = ClassLabels.encodeNames(e.labels(), classNames);
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("training needs trials of at least 2 classes, got " + classNames);
        }
        int[] counts = ClassLabels.of(y).counts();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < 2) {
                throw new IllegalArgumentException("training: class '" + classNames.get(k) + "' has " + counts[k]
                        + " trial(s); a validation split needs at least 2 per class");
            }
        }
        if (init != null) {
            List<String> problems = differences(init.metadata(), spec.architecture(),
                    e.channels().stream().map(ChannelInfo::label).toList(), e.samplingRate(), e.sampleCount(),
                    classNames);
            if (!problems.isEmpty()) {
                throw new TransferMismatchException(init.source(), problems);
            }
        }
        EegNetwork net = Networks.create(spec.architecture(), e.channelCount(), e.sampleCount(), classNames.size());
        TrainedNetwork trained = EegTrainer.fit(net, e.data(), y, spec.settings(), listener,
                init == null ? null : init.parameters());
        EpochReport best = trained.history().get(trained.bestEpoch() - 1);
        Map<String, Object> settings = new LinkedHashMap<>(net.settings());
        TrainingSettings s = spec.settings();
        settings.put("optimizer", "Adam");
        settings.put("learning_rate", s.learningRate());
        settings.put("batch_size", s.batchSize());
        settings.put("max_epochs", s.epochs());
        settings.put("validation_fraction", s.validationFraction());
        settings.put("patience", s.patience());
        settings.put("early_stopping", s.stopping().cliName());
        settings.put("seed", s.seed());
        settings.put("precise_batch_norm", s.preciseBatchNorm());
        settings.put("parameters", net.parameterCount());
        if (init != null) {
            Map<String, Object> transfer = new LinkedHashMap<>();
            transfer.put("mode", init.mode());
            transfer.put("source", init.source());
            transfer.put("source_trained_on", init.metadata().trainedOn());
            transfer.put("source_created", init.metadata().created().toString());
            settings.put("transfer", transfer);
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("validation", "stratified " + Math.round(s.validationFraction() * 100)
                + " % of the trials, scores at the kept epoch");
        metrics.put("accuracy", best.validationAccuracy());
        metrics.put("validation_loss", best.validationLoss());
        metrics.put("train_accuracy", best.trainAccuracy());
        metrics.put("best_epoch", trained.bestEpoch());
        metrics.put("epochs_run", trained.history().size());
        metrics.put("seconds", trained.seconds());
        trained.initialValidation().ifPresent(v -> {
            metrics.put("initial_validation_loss", v[0]);
            metrics.put("initial_validation_accuracy", v[1]);
        });
        // The kept weights on the validation trials: the confusion matrix and kappa of what is saved.
        int[] val = trained.validationTrials();
        if (val.length > 0) {
            float[][][] vx = new float[val.length][][];
            int[] vy = new int[val.length];
            for (int i = 0; i < val.length; i++) {
                vx[i] = e.data()[val[i]];
                vy[i] = y[val[i]];
            }
            int[] pred = trained.predict(vx);
            int[] labels = java.util.stream.IntStream.range(0, classNames.size()).toArray();
            metrics.put("validation_trials", val.length);
            metrics.put("confusion_matrix", Metrics.confusionMatrix(vy, pred, labels).counts());
            metrics.put("kappa", Metrics.cohenKappa(vy, pred));
            metrics.put("chance_threshold", ChanceLevel.threshold(val.length, classNames.size(), CHANCE_ALPHA));
        }
        metrics.put("chance_level", 1.0 / classNames.size());
        metrics.put("trials", e.trialCount());
        Map<String, Integer> perClass = new LinkedHashMap<>();
        for (int k = 0; k < classNames.size(); k++) {
            perClass.put(classNames.get(k), counts[k]);
        }
        metrics.put("trials_per_class", perClass);
        metrics.put("dropped", cut.dropped());
        CausalEpoching ep = spec.epoching();
        ModelMetadata md = new ModelMetadata(NetworkKind.NAME, spec.architecture(), settings,
                e.channels().stream().map(ChannelInfo::label).toList(),
                e.channels().stream().map(ChannelInfo::unit).toList(), e.samplingRate(),
                Double.isNaN(ep.lowHz()) ? null : new ModelMetadata.Filter(ep.lowHz(), ep.highHz(), ep.order()),
                ep.tmin(), ep.tmax(), classNames, ep.classes(), names, metrics, Instant.now(), version);
        return new Trained(md, NetworkKind.entries(trained), trained);
    }

    /**
     * The comparison paper's transfer protocol: pre-train on {@code others} (other subjects' recordings), then
     * fine-tune that network on {@code runs} (the target's), both with {@code spec}. The pre-trained network is not
     * kept; the model records the pre-training recordings as its transfer source.
     *
     * @param pretraining told of the pre-training's epochs
     * @param fineTuning  told of the fine-tuning's epochs
     */
    public static Trained pretrainThenFineTune(List<Recording> others, List<String> otherNames, List<Recording> runs,
                                               List<String> names, Spec spec, String version,
                                               ProgressListener pretraining, ProgressListener fineTuning) {
        if (others.isEmpty()) {
            throw new IllegalArgumentException("pre-training needs other recordings than the ones fine-tuned on");
        }
        String source = "pre-trained on " + String.join(", ", otherNames);
        Init init;
        try (Trained pre = train(others, otherNames, spec, version, pretraining, null)) {
            init = new Init(source, PRETRAIN_FINE_TUNE, pre.metadata(), pre.entries().get(NetworkKind.PARAMETERS));
        }
        return train(runs, names, spec, version, fineTuning, init);
    }

    private static String abbreviate(List<String> labels) {
        return labels.size() <= 8 ? String.join(", ", labels)
                : String.join(", ", labels.subList(0, 8)) + " and " + (labels.size() - 8) + " more";
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
