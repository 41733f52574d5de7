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
        EegNetwork net = Networks.create(spec.architecture(), e.channelCount(), e.sampleCount(), classNames.size());
        TrainedNetwork trained = EegTrainer.fit(net, e.data(), y, spec.settings(), listener);
        EpochReport best = trained.history().get(trained.bestEpoch() - 1);
        Map<String, Object> settings = new LinkedHashMap<>(net.settings());
        TrainingSettings s = spec.settings();
        settings.put("optimizer", "Adam");
        settings.put("learning_rate", s.learningRate());
        settings.put("batch_size", s.batchSize());
        settings.put("max_epochs", s.epochs());
        settings.put("validation_fraction", s.validationFraction());
        settings.put("patience", s.patience());
        settings.put("seed", s.seed());
        settings.put("precise_batch_norm", s.preciseBatchNorm());
        settings.put("parameters", net.parameterCount());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("validation", "stratified " + Math.round(s.validationFraction() * 100)
                + " % of the trials, scores at the kept epoch");
        metrics.put("accuracy", best.validationAccuracy());
        metrics.put("validation_loss", best.validationLoss());
        metrics.put("train_accuracy", best.trainAccuracy());
        metrics.put("best_epoch", trained.bestEpoch());
        metrics.put("epochs_run", trained.history().size());
        metrics.put("seconds", trained.seconds());
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
}
