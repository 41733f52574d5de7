package org.mistudio.app.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A workspace being worked on: its folder and current state; every change is saved at once. Thread-safe. */
public final class OpenWorkspace {

    private final Path folder;
    private Workspace state;

    private OpenWorkspace(Path folder, Workspace state) {
        this.folder = folder.toAbsolutePath().normalize();
        this.state = state;
    }

    public static OpenWorkspace open(Path folder) throws IOException {
        return new OpenWorkspace(folder, WorkspaceStore.load(folder));
    }

    public static OpenWorkspace create(Path folder, String name) throws IOException {
        return new OpenWorkspace(folder, WorkspaceStore.create(folder, name));
    }

    public Path folder() {
        return folder;
    }

    public synchronized Workspace state() {
        return state;
    }

    /** Applies a change and saves it; on a failed save the state stays as it was. */
    public synchronized Workspace update(UnaryOperator<Workspace> change) throws IOException {
        Workspace next = change.apply(state);
        if (next != state) {
            WorkspaceStore.save(folder, next);
            state = next;
        }
        return state;
    }

    /** How the workspace file refers to a recording: relative when it lies inside the folder, else absolute. */
    public String pathOf(Path recording) {
        Path abs = recording.toAbsolutePath().normalize();
        return abs.startsWith(folder) ? folder.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    /** The file of a recording entry's path. */
    public Path resolve(String recordingPath) {
        return folder.resolve(recordingPath).normalize();
    }
}
