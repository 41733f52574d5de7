package org.mistudio.app.gui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.mistudio.acquisition.io.RecordingFiles;
import org.mistudio.acquisition.model.Annotation;
import org.mistudio.acquisition.model.ChannelInfo;
import org.mistudio.acquisition.model.Recording;
import org.mistudio.app.Numbers;
import org.mistudio.app.workspace.RecordingEntry;

/**
 * The workspace's recordings: add EDF/BDF/GDF/XDF files (chooser or drag and drop), see a file's facts, scroll
 * through its signals with the annotations marked.
 */
public final class RecordingsView implements View {

    static final List<String> EXTENSIONS = List.of("edf", "bdf", "gdf", "xdf");

    private final Workbench bench;
    private final BorderPane root = new BorderPane();
    private final ListView<String> list = new ListView<>();
    private final Label info = new Label("Select a recording.");
    private final SignalViewer signals = new SignalViewer();
    private final JobBar job;

    public RecordingsView(Workbench bench) {
        this.bench = bench;
        this.job = new JobBar(bench.owner());
        Button add = new Button("Add recordings…");
        add.setId("add-recordings");
        add.setOnAction(e -> choose());
        list.setPlaceholder(new Label("No recording yet: add files, or drop them here."));
        list.setPrefWidth(280);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                show(now);
            }
        });
        info.setWrapText(true);
        info.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        Label hint = new Label("Recordings (drop EDF, BDF, GDF or XDF files here)");
        hint.setWrapText(true);
        VBox side = new VBox(8, add, hint, list,
                new Label("File"), info);
        VBox.setVgrow(list, Priority.SOMETIMES);
        side.setPadding(new Insets(8));
        side.setPrefWidth(300);
        root.setLeft(side);
        root.setCenter(signals.root());
        root.setBottom(job.root());
        BorderPane.setMargin(job.root(), new Insets(4, 8, 4, 8));
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        bench.state().addListener((o, was, now) -> refresh());
        refresh();
    }

    @Override
    public String title() {
        return "Recordings";
    }

    @Override
    public Node root() {
        return root;
    }

    private void refresh() {
        String keep = list.getSelectionModel().getSelectedItem();
        list.setItems(FXCollections.observableArrayList(bench.state().get().recordings().stream()
                .map(RecordingEntry::path).toList()));
        if (keep != null) {
            list.getSelectionModel().select(keep);
        }
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add recordings");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("EEG recordings (EDF, BDF, GDF, XDF)",
                "*.edf", "*.bdf", "*.gdf", "*.xdf", "*.EDF", "*.BDF", "*.GDF", "*.XDF"));
        List<File> files = chooser.showOpenMultipleDialog(bench.owner());
        if (files != null) {
            add(files.stream().map(File::toPath).toList());
        }
    }

    private static boolean readable(File f) {
        String n = f.getName().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(e -> n.endsWith("." + e));
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(RecordingsView::readable)) {
            e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        List<Path> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles().stream()
                .filter(RecordingsView::readable).map(File::toPath).toList() : List.of();
        add(files);
        e.setDropCompleted(!files.isEmpty());
        e.consume();
    }

    /** Reads the files off the UI thread, adds those that read to the workspace, names the ones that do not. */
    public java.util.concurrent.CompletableFuture<Boolean> add(List<Path> files) {
        List<String> problems = new ArrayList<>();
        return job.run("Adding " + files.size() + " recording(s)", progress -> {
            List<Map.Entry<Path, RecordingFiles.Described>> read = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                progress.update("reading " + files.get(i).getFileName(), (double) i / files.size());
                try {
                    read.add(Map.entry(files.get(i), RecordingFiles.readDescribed(files.get(i))));
                } catch (java.io.IOException | RuntimeException ex) {
                    String why = Errors.describe(ex);
                    problems.add(why.contains(files.get(i).toString()) ? why : files.get(i) + ": " + why);
                }
            }
            progress.update("read", 1);
            return read;
        }, read -> {
            String last = null;
            for (Map.Entry<Path, RecordingFiles.Described> r : read) {
                try {
                    last = bench.addRecording(r.getKey(), r.getValue());
                } catch (java.io.IOException ex) {
                    problems.add(Errors.describe(ex));
                }
            }
            if (last != null) {
                list.getSelectionModel().select(last);
            }
            if (!problems.isEmpty()) {
                Errors.show(bench.owner(), "Some files were not added", String.join("\n", problems));
            }
        });
    }

    /** Shows a recording of the workspace (read off the UI thread if needed). */
    public java.util.concurrent.CompletableFuture<Boolean> select(String path) {
        if (!path.equals(list.getSelectionModel().getSelectedItem())) {
            list.getSelectionModel().select(path);
            return job.finished();
        }
        return show(path);
    }

    private java.util.concurrent.CompletableFuture<Boolean> show(String path) {
        return job.run("Reading " + path, progress -> bench.recording(path), r -> {
            bench.selectedRecording().set(path);
            signals.show(r);
            signals.scrollTo(firstCue(r) - 2);
            RecordingEntry entry = bench.state().get().recording(path).orElse(null);
            info.setText(describe(path, entry == null ? "" : entry.format(), r));
        });
    }

    static double firstCue(Recording r) {
        return r.annotations().stream().filter(a -> !a.label().equals("fixation")).findFirst()
                .map(Annotation::onset).orElse(0.0);
    }

    /** A recording's facts: format, channels by type, rate, duration, start, annotations with counts. */
    static String describe(String path, String format, Recording r) {
        StringBuilder s = new StringBuilder();
        s.append(path).append('\n').append("format      ").append(format).append('\n');
        Map<String, Integer> types = new TreeMap<>();
        for (ChannelInfo c : r.channels()) {
            types.merge(c.type().name(), 1, Integer::sum);
        }
        s.append("channels    ").append(r.channelCount()).append(' ').append(types).append('\n');
        s.append("rate        ").append(r.isUniformRate() ? Numbers.plain(r.samplingRate()) + " Hz" : "mixed")
                .append('\n');
        s.append(String.format(Locale.ROOT, "duration    %.1f s%n", r.duration()));
        s.append("start       ").append(r.start()).append('\n');
        Map<String, Integer> labels = new TreeMap<>();
        for (Annotation a : r.annotations()) {
            labels.merge(a.label(), 1, Integer::sum);
        }
        s.append("annotations ").append(r.annotations().size()).append('\n');
        labels.forEach((k, v) -> s.append(String.format(Locale.ROOT, "  %-14s %d%n", k, v)));
        s.append("labels      ").append(String.join(" ", r.labels()));
        return s.toString();
    }

    SignalViewer signals() {
        return signals;
    }

    JobBar job() {
        return job;
    }

    ListView<String> list() {
        return list;
    }

    Label info() {
        return info;
    }
}
