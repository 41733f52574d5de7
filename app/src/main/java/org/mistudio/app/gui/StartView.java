package org.mistudio.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import org.mistudio.app.SampleData;
import org.mistudio.app.workspace.OpenWorkspace;
import org.mistudio.app.workspace.RecentWorkspaces;
import org.mistudio.app.workspace.WorkspaceStore;

/** The start screen: recent workspaces, a new one, an existing one, or the bundled sample. */
public final class StartView {

    private final VBox root = new VBox(14);
    private final ListView<Path> recent = new ListView<>();
    private final RecentWorkspaces recents;
    private final Window owner;
    private final Consumer<OpenWorkspace> onOpen;

    public StartView(Window owner, RecentWorkspaces recents, Consumer<OpenWorkspace> onOpen) {
        this.owner = owner;
        this.recents = recents;
        this.onOpen = onOpen;
        Label title = new Label("MI Studio");
        title.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        Label what = new Label("A workspace is a folder: its recordings, every feature extraction and every training "
                + "attempt, in one readable file (" + WorkspaceStore.FILE + ").");
        what.setWrapText(true);
        Button create = new Button("New workspace…");
        create.setId("new-workspace");
        create.setOnAction(e -> choose("Folder for the new workspace").ifPresent(this::createAt));
        Button open = new Button("Open workspace…");
        open.setId("open-workspace");
        open.setOnAction(e -> choose("Workspace folder").ifPresent(this::openAt));
        Button sample = new Button("Try the sample recording");
        sample.setId("open-sample");
        sample.setOnAction(e -> openSample());
        HBox buttons = new HBox(10, create, open, sample);
        recent.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName() + "    " + p);
            }
        });
        recent.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recent.getSelectionModel().getSelectedItem() != null) {
                openAt(recent.getSelectionModel().getSelectedItem());
            }
        });
        recent.setPlaceholder(new Label("No workspace opened yet."));
        recent.setPrefHeight(300);
        Button openRecent = new Button("Open selected");
        openRecent.disableProperty().bind(recent.getSelectionModel().selectedItemProperty().isNull());
        openRecent.setOnAction(e -> openAt(recent.getSelectionModel().getSelectedItem()));
        root.getChildren().addAll(title, what, buttons, new Label("Recent workspaces (" + recents.home() + ")"),
                recent, openRecent);
        root.setPadding(new Insets(40, 80, 40, 80));
        root.setAlignment(Pos.TOP_LEFT);
        refresh();
    }

    public Parent root() {
        return root;
    }

    public void refresh() {
        recent.setItems(FXCollections.observableArrayList(recents.list()));
    }

    ListView<Path> recentList() {
        return recent;
    }

    private java.util.Optional<Path> choose(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        java.io.File f = chooser.showDialog(owner);
        return f == null ? java.util.Optional.empty() : java.util.Optional.of(f.toPath());
    }

    /** Creates a workspace in {@code folder} named after it, and opens it. */
    public void createAt(Path folder) {
        try {
            Path name = folder.toAbsolutePath().getFileName();
            finish(OpenWorkspace.create(folder, name == null ? "workspace" : name.toString()));
        } catch (IOException | RuntimeException e) {
            Errors.show(owner, "Cannot create a workspace in " + folder, e);
        }
    }

    public void openAt(Path folder) {
        try {
            finish(OpenWorkspace.open(folder));
        } catch (IOException | RuntimeException e) {
            Errors.show(owner, "Cannot open the workspace " + folder, e);
        }
    }

    /** A workspace beside the settings holding a copy of the bundled sample recording. */
    public void openSample() {
        Path folder = recents.home().resolve("sample-workspace");
        try {
            if (!WorkspaceStore.isWorkspace(folder)) {
                OpenWorkspace w = OpenWorkspace.create(folder, "sample");
                Path copy = folder.resolve(SampleData.path().getFileName());
                Files.copy(SampleData.path(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                String format = org.mistudio.acquisition.io.RecordingFiles.readDescribed(copy).format();
                w.update(s -> s.withRecording(new org.mistudio.app.workspace.RecordingEntry(w.pathOf(copy), format,
                        org.mistudio.app.workspace.Workspace.stamp(java.time.Instant.now()))));
                finish(w);
                return;
            }
            openAt(folder);
        } catch (IOException | RuntimeException e) {
            Errors.show(owner, "Cannot set up the sample workspace in " + folder, e);
        }
    }

    private void finish(OpenWorkspace w) throws IOException {
        recents.remember(w.folder());
        refresh();
        onOpen.accept(w);
    }
}
