package org.mistudio.app.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The workspaces opened lately, newest first, kept in {@code recent-workspaces.json} in MI Studio's settings folder:
 * the system property {@code mistudio.settings}, else the environment variable {@code MISTUDIO_SETTINGS}, else
 * {@code ~/.mistudio}. ({@code mistudio.home} is taken: it is where the launcher found the installation.)
 */
public final class RecentWorkspaces {

    public static final int MAX = 10;
    static final String FILE = "recent-workspaces.json";

    private final Path home;

    public RecentWorkspaces(Path home) {
        this.home = home;
    }

    public static RecentWorkspaces atDefaultLocation() {
        return new RecentWorkspaces(defaultHome());
    }

    public static Path defaultHome() {
        String p = System.getProperty("mistudio.settings");
        if (p == null || p.isBlank()) {
            p = System.getenv("MISTUDIO_SETTINGS");
        }
        return p == null || p.isBlank() ? Paths.get(System.getProperty("user.home"), ".mistudio") : Paths.get(p);
    }

    public Path home() {
        return home;
    }

    /**
     * The remembered folders that still hold a workspace, newest first. An unreadable list counts as empty: it is
     * a convenience, and the workspaces themselves are untouched.
     */
    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : stored()) {
            Path p = Paths.get(s);
            if (WorkspaceStore.isWorkspace(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** Puts {@code folder} first (once), keeping at most {@value #MAX}. */
    public void remember(Path folder) throws IOException {
        String key = folder.toAbsolutePath().normalize().toString();
        List<String> all = new ArrayList<>(stored());
        all.remove(key);
        all.add(0, key);
        while (all.size() > MAX) {
            all.remove(all.size() - 1);
        }
        AtomicFiles.writeString(home.resolve(FILE), WorkspaceStore.mapper().writeValueAsString(all) + "\n");
    }

    private List<String> stored() {
        Path f = home.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        try {
            return WorkspaceStore.mapper().readValue(f.toFile(), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            return List.of();
        }
    }
}
