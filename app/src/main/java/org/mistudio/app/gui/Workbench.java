package org.mistudio.app.gui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Window;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.app.workspace.Extraction;
import org.mistudio.app.workspace.OpenWorkspace;
import org.mistudio.app.workspace.PreprocessingSettings;
import org.mistudio.app.workspace.RecordingEntry;
import org.mistudio.app.workspace.Workspace;
import org.mistudio.dsp.analysis.FeatureExtraction;
import org.mistudio.dsp.features.FeatureTensor;
import org.mistudio.dsp.features.R2Map;

/**
 * What the views share: the open workspace (every change saved at once), the recordings read so far, the
 * preprocessing being set up, the current extraction with its features, and the selected features. Properties
 * change on the UI thread only; recordings may be read from any thread.
 */
public final class Workbench {

    /** An extraction's features in memory, with the r² map of the first two classes. */
    public record Extracted(Extraction extraction, FeatureExtraction.Result result, R2Map r2, List<String> classes) {

        /** PSD features. */
        public static final String PSD = "PSD";
        /** Node-strength connectivity features, when the extraction computed them. */
        public static final String NODE_STRENGTH = "node strength";

        public FeatureTensor psd() {
            return result.psd();
        }

        /** The kinds of feature this extraction holds. */
        public List<String> kinds() {
            return result.connectivity().isPresent() ? List.of(PSD, NODE_STRENGTH) : List.of(PSD);
        }

        public FeatureTensor tensor(String kind) {
            return kind.equals(NODE_STRENGTH) ? result.connectivity().orElseThrow(() -> new IllegalArgumentException(
                    "extraction " + extraction.id() + " has no connectivity features")) : result.psd();
        }

        /** The signed r² map of a kind (second class positive). */
        public R2Map r2(String kind) {
            return kind.equals(PSD) ? r2 : R2Map.of(tensor(kind), classes.get(0), classes.get(1));
        }
    }

    private final Window owner;
    private final OpenWorkspace workspace;
    private final ObjectProperty<Workspace> state = new SimpleObjectProperty<>();
    private final Map<String, Recording> recordings = new ConcurrentHashMap<>();
    private final ObjectProperty<String> selectedRecording = new SimpleObjectProperty<>();
    private final ObjectProperty<PreprocessingSettings> preprocessing =
            new SimpleObjectProperty<>(PreprocessingSettings.none());
    private final SimpleBooleanProperty faster = new SimpleBooleanProperty(false);
    private final ObjectProperty<Extracted> current = new SimpleObjectProperty<>();
    private final ObservableList<String> selectedFeatures = FXCollections.observableArrayList();
    private final ObjectProperty<String> featureKind = new SimpleObjectProperty<>(Extracted.PSD);
    private LiveSessionHook liveSession = LiveSessionHook.COMMAND_LINE;

    public Workbench(Window owner, OpenWorkspace workspace) {
        this.owner = owner;
        this.workspace = workspace;
        state.set(workspace.state());
    }

    public Window owner() {
        return owner;
    }

    public OpenWorkspace workspace() {
        return workspace;
    }

    /** The workspace as last saved; views listen to it. */
    public ObjectProperty<Workspace> state() {
        return state;
    }

    /** Changes and saves the workspace. UI thread. */
    public Workspace update(UnaryOperator<Workspace> change) throws IOException {
        Workspace w = workspace.update(change);
        state.set(w);
        return w;
    }

    /** Reads a recording of the workspace (once; later calls reuse it). Any thread. */
    public Recording recording(String path) throws IOException {
        Recording r = recordings.get(path);
        if (r == null) {
            r = RecordingFiles.read(workspace.resolve(path));
            recordings.put(path, r);
        }
        return r;
    }

    /** Reads a file, adds it to the workspace and keeps it in memory; returns its workspace path. UI thread. */
    public String addRecording(Path file, RecordingFiles.Described read) throws IOException {
        String path = workspace.pathOf(file);
        recordings.put(path, read.recording());
        update(w -> w.withRecording(new RecordingEntry(path, read.format(), Workspace.stamp(Instant.now()))));
        return path;
    }

    public ObjectProperty<String> selectedRecording() {
        return selectedRecording;
    }

    public ObjectProperty<PreprocessingSettings> preprocessing() {
        return preprocessing;
    }

    public SimpleBooleanProperty faster() {
        return faster;
    }

    public ObjectProperty<Extracted> current() {
        return current;
    }

    public ObservableList<String> selectedFeatures() {
        return selectedFeatures;
    }

    /** Which features the analysis shows and training uses: {@link Extracted#PSD} or node strength. */
    public ObjectProperty<String> featureKind() {
        return featureKind;
    }

    public LiveSessionHook liveSession() {
        return liveSession;
    }

    public void setLiveSession(LiveSessionHook hook) {
        this.liveSession = hook;
    }

    /** The annotation labels of the recordings read so far, sorted, with how often each occurs. */
    public Map<String, Integer> annotationLabels() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Recording r : recordings.values()) {
            for (Annotation a : r.annotations()) {
                counts.merge(a.label(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Recordings of the workspace in its order (reading those not yet read). Any thread. */
    public List<Recording> recordings(List<String> paths) throws IOException {
        List<Recording> out = new ArrayList<>();
        for (String p : paths) {
            out.add(recording(p));
        }
        return out;
    }

    /** Labels that look like cues: those of the recordings read so far except fixation and BAD/EDGE markers. */
    public List<String> cueLabels() {
        TreeSet<String> out = new TreeSet<>();
        for (String l : annotationLabels().keySet()) {
            String lower = l.toLowerCase(java.util.Locale.ROOT);
            if (!lower.startsWith("bad") && !lower.startsWith("edge") && !lower.equals("fixation")) {
                out.add(l);
            }
        }
        return new ArrayList<>(out);
    }
}
