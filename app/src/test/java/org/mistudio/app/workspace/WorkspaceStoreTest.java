package org.mistudio.app.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceStoreTest {

    @TempDir
    Path dir;

    private static final Instant T0 = Instant.parse("2024-05-01T10:15:30Z");

    static Map<String, String> lr() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("left_hand", "left_hand");
        m.put("right_hand", "right_hand");
        return m;
    }

    static Scores scores() {
        return new Scores(0.75, 0.05, new double[] {0.7, 0.8}, 0.5, List.of("left_hand", "right_hand"),
                new int[][] {{15, 5}, {5, 15}}, 0.5, 0.65, 40);
    }

    /** A workspace with one recording, two extractions and an attempt. */
    static Workspace sample() {
        Workspace w = Workspace.empty("patient 7", T0).withRecording(new RecordingEntry("runs/s1.edf", "EDF+C",
                Workspace.stamp(T0)));
        ExtractionParameters p = ExtractionParameters.happyFeat(lr());
        w = w.extraction(p, List.of("runs/s1.edf"), T0).workspace();
        ExtractionParameters burg = new ExtractionParameters(lr(), 0.5, 3, 0.5, 0.25, "burg", 16, 0.5, 4, 35,
                "imaginary-coherence", new PreprocessingSettings(1.0, 40.0, 4, 50.0, "average"), true);
        w = w.extraction(burg, List.of("runs/s1.edf"), T0.plusSeconds(60)).workspace();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("validation", "kfold:5");
        return w.withAttempt(new TrainingAttempt(w.nextAttemptId(), Workspace.stamp(T0.plusSeconds(90)), "e2",
                "lda", List.of("C4;13", "C3;11:13"), settings, scores(), null));
    }

    @Test
    void roundTripKeepsEveryFieldAndIsReadableJson() throws IOException {
        Workspace w = sample();
        WorkspaceStore.save(dir, w);
        Workspace back = WorkspaceStore.load(dir);
        assertEquals(WorkspaceStore.toJson(w), WorkspaceStore.toJson(back));
        assertEquals(w.recordings(), back.recordings());
        assertEquals(w.extractions(), back.extractions());
        TrainingAttempt a = back.attempts().get(0);
        assertEquals("a1", a.id());
        assertEquals(List.of("C4;13", "C3;11:13"), a.features());
        assertArrayEquals(new int[] {15, 5}, a.scores().confusion()[0]);
        assertEquals(0.65, a.scores().chanceThreshold(), 0);
        assertNull(a.modelFile());
        assertEquals(List.of("left_hand", "right_hand"), List.copyOf(back.extractions().get(0).parameters().classes()
                .keySet()), "marker order kept");
        // A person can read it: indented, named fields, nothing but the workspace.
        String text = Files.readString(WorkspaceStore.file(dir));
        assertTrue(text.contains("\"epochStart\" : 1.0"), text);
        assertTrue(text.contains("\"connectivity\" : \"imaginary-coherence\""), text);
        assertTrue(text.contains("\"modelFile\" : null"), text);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(WorkspaceStore.FILE), files.map(p -> p.getFileName().toString()).toList(),
                    "the temporary file is gone after the atomic save");
        }
    }

    @Test
    void changedParametersMakeANewExtractionAndAttemptsAreNeverLost() {
        Workspace w = sample();
        ExtractionParameters same = ExtractionParameters.happyFeat(lr());
        Workspace.WithExtraction again = w.extraction(same, List.of("runs/s1.edf"), T0.plusSeconds(500));
        assertFalse(again.isNew());
        assertSame(w, again.workspace());
        assertEquals("e1", again.extraction().id());
        ExtractionParameters shifted = new ExtractionParameters(lr(), 1, 3, 0.25, 0.1, "welch", 19, 1, 1, 40, "none",
                PreprocessingSettings.none(), false);
        Workspace.WithExtraction changed = w.extraction(shifted, List.of("runs/s1.edf"), T0.plusSeconds(500));
        assertTrue(changed.isNew());
        assertEquals("e3", changed.extraction().id());
        assertEquals(3, changed.workspace().extractions().size());
        assertEquals(w.extractions(), changed.workspace().extractions().subList(0, 2), "earlier ones untouched");
        assertEquals(w.attempts(), changed.workspace().attempts());
        Workspace more = changed.workspace().withAttempt(new TrainingAttempt("a2", Workspace.stamp(T0), "e3", "lda",
                List.of("C4;12"), Map.of(), scores(), null));
        assertEquals(List.of("a1", "a2"), more.attempts().stream().map(TrainingAttempt::id).toList());
        assertEquals("a3", more.nextAttemptId());
        TrainingAttempt withModel = more.attempts().get(0).withModelFile("models/a1.mimodel");
        assertEquals("models/a1.mimodel", more.withUpdatedAttempt(withModel).attempts().get(0).modelFile());
    }

    /** Edits the saved JSON, loads it, and returns the error. */
    private WorkspaceException loadEdited(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        WorkspaceStore.save(dir, sample());
        ObjectNode root = (ObjectNode) WorkspaceStore.mapper().readTree(WorkspaceStore.file(dir).toFile());
        edit.accept(root);
        Files.writeString(WorkspaceStore.file(dir), WorkspaceStore.mapper().writeValueAsString(root));
        return assertThrows(WorkspaceException.class, () -> WorkspaceStore.load(dir));
    }

    private static ObjectNode at(JsonNode root, String array, int i, String field) {
        JsonNode n = root.get(array).get(i);
        return field == null ? (ObjectNode) n : (ObjectNode) n.get(field);
    }

    @Test
    void errorsNameTheFileAndTheField() throws IOException {
        WorkspaceException e = loadEdited(r -> at(r, "extractions", 1, "parameters").put("window", -0.25));
        assertEquals("extractions[1].parameters.window", e.field());
        assertTrue(e.getMessage().startsWith(WorkspaceStore.file(dir).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("expected 0 < window"), e.getMessage());

        e = loadEdited(r -> at(r, "extractions", 0, "parameters").put("method", "fft"));
        assertEquals("extractions[0].parameters.method", e.field());
        assertTrue(e.getMessage().contains("expected welch or burg, got 'fft'"), e.getMessage());

        e = loadEdited(r -> at(r, "extractions", 0, "parameters").put("shift", "quick"));
        assertEquals("extractions[0].parameters.shift", e.field());

        e = loadEdited(r -> at(r, "attempts", 0, "scores").remove("kappa"));
        assertEquals("attempts[0].scores.kappa", e.field());
        assertTrue(e.getMessage().endsWith(": missing"), e.getMessage());

        e = loadEdited(r -> at(r, "attempts", 0, null).put("extraction", "e9"));
        assertEquals("attempts", e.field());
        assertTrue(e.getMessage().contains("names extraction 'e9', which does not exist"), e.getMessage());

        e = loadEdited(r -> at(r, "recordings", 0, null).put("added", "yesterday"));
        assertEquals("recordings[0].added", e.field());

        e = loadEdited(r -> r.put("colour", "blue"));
        assertEquals("colour", e.field());
        assertTrue(e.getMessage().contains("not a field"), e.getMessage());

        e = loadEdited(r -> at(r, "attempts", 0, "scores").putArray("confusion").addArray().add(1));
        assertEquals("attempts[0].scores.confusion", e.field());

        Files.writeString(WorkspaceStore.file(dir), "{\"format\": 1, \"name\": ");
        e = assertThrows(WorkspaceException.class, () -> WorkspaceStore.load(dir));
        assertEquals("", e.field());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());

        e = assertThrows(WorkspaceException.class, () -> WorkspaceStore.load(dir.resolve("elsewhere")));
        assertTrue(e.getMessage().contains("no workspace here"), e.getMessage());
    }

    @Test
    void createRefusesAnExistingWorkspaceAndOpenWorkspaceSavesEachChange() throws IOException {
        Path folder = dir.resolve("ws");
        OpenWorkspace open = OpenWorkspace.create(folder, "first");
        assertThrows(WorkspaceException.class, () -> WorkspaceStore.create(folder, "second"));
        Path inside = folder.resolve("data").resolve("run.edf");
        assertEquals("data/run.edf", open.pathOf(inside));
        assertEquals(dir.resolve("other.edf").toAbsolutePath().toString(), open.pathOf(dir.resolve("other.edf")));
        assertEquals(inside.toAbsolutePath(), open.resolve("data/run.edf"));
        open.update(w -> w.withRecording(new RecordingEntry("data/run.edf", "EDF", Workspace.stamp(T0))));
        assertEquals(1, WorkspaceStore.load(folder).recordings().size(), "saved at once");
        Workspace before = open.state();
        assertThrows(FieldException.class, () -> open.update(w -> w.withAttempt(new TrainingAttempt("a1",
                Workspace.stamp(T0), "missing-extraction", "lda", List.of(), Map.of(), scores(), null))));
        assertSame(before, open.state(), "a refused change leaves the state as it was");
    }

    @Test
    void recentWorkspacesNewestFirstWithoutDuplicatesOrVanishedFolders() throws IOException {
        RecentWorkspaces recent = new RecentWorkspaces(dir.resolve("home"));
        assertEquals(List.of(), recent.list());
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        WorkspaceStore.create(a, "a");
        WorkspaceStore.create(b, "b");
        recent.remember(a);
        recent.remember(b);
        recent.remember(a);
        assertEquals(List.of(a.toAbsolutePath(), b.toAbsolutePath()), recent.list());
        Files.delete(WorkspaceStore.file(b));
        assertEquals(List.of(a.toAbsolutePath()), recent.list(), "a folder without a workspace is left out");
        for (int i = 0; i < RecentWorkspaces.MAX + 3; i++) {
            Path p = dir.resolve("w" + i);
            WorkspaceStore.create(p, "w" + i);
            recent.remember(p);
        }
        assertEquals(RecentWorkspaces.MAX, recent.list().size());
        assertEquals(dir.resolve("w" + (RecentWorkspaces.MAX + 2)).toAbsolutePath(), recent.list().get(0));
        Files.writeString(dir.resolve("home").resolve(RecentWorkspaces.FILE), "not json");
        assertEquals(List.of(), new RecentWorkspaces(dir.resolve("home")).list());
        assertNotEquals(null, RecentWorkspaces.defaultHome());
    }
}
