package org.mistudio.app.workspace;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a workspace folder holds, as its JSON file says (HappyFeat's workspaces, Desbois et al. 2023): the recordings
 * it uses, every extraction (parameter set) and every training attempt. Immutable; the {@code with...} methods give
 * the next state. Extractions and attempts are only ever added: new parameters make a new extraction, a new
 * training makes a new attempt.
 *
 * @param format  the file format's version, {@value #FORMAT}
 * @param name    a name for people
 * @param created ISO-8601
 */
public record Workspace(int format, String name, String created, List<RecordingEntry> recordings,
                        List<Extraction> extractions, List<TrainingAttempt> attempts) {

    public static final int FORMAT = 1;

    public Workspace {
        if (format != FORMAT) {
            throw new FieldException("format", "this version reads workspace format " + FORMAT + ", got " + format);
        }
        FieldException.requiredText(name, "name");
        FieldException.instant(created, "created");
        recordings = List.copyOf(FieldException.required(recordings, "recordings"));
        extractions = List.copyOf(FieldException.required(extractions, "extractions"));
        attempts = List.copyOf(FieldException.required(attempts, "attempts"));
        Set<String> paths = new HashSet<>();
        for (RecordingEntry r : recordings) {
            if (!paths.add(r.path())) {
                throw new FieldException("recordings", "'" + r.path() + "' is listed twice");
            }
        }
        Set<String> ids = new HashSet<>();
        for (Extraction e : extractions) {
            if (!ids.add(e.id())) {
                throw new FieldException("extractions", "id '" + e.id() + "' is used twice");
            }
            for (String r : e.recordings()) {
                if (!paths.contains(r)) {
                    throw new FieldException("extractions", "extraction " + e.id() + " uses '" + r
                            + "', which is not among the recordings");
                }
            }
        }
        Set<String> attemptIds = new HashSet<>();
        for (TrainingAttempt a : attempts) {
            if (!attemptIds.add(a.id())) {
                throw new FieldException("attempts", "id '" + a.id() + "' is used twice");
            }
            if (!ids.contains(a.extraction())) {
                throw new FieldException("attempts", "attempt " + a.id() + " names extraction '" + a.extraction()
                        + "', which does not exist");
            }
        }
    }

    /** An empty workspace. */
    public static Workspace empty(String name, Instant now) {
        return new Workspace(FORMAT, name, stamp(now), List.of(), List.of(), List.of());
    }

    /** ISO-8601 to the second, UTC. */
    public static String stamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public Optional<RecordingEntry> recording(String path) {
        return recordings.stream().filter(r -> r.path().equals(path)).findFirst();
    }

    public Optional<Extraction> extraction(String id) {
        return extractions.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<TrainingAttempt> attempt(String id) {
        return attempts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** With this recording added at the end (unchanged when its path is already listed). */
    public Workspace withRecording(RecordingEntry entry) {
        if (recording(entry.path()).isPresent()) {
            return this;
        }
        List<RecordingEntry> r = new ArrayList<>(recordings);
        r.add(entry);
        return new Workspace(format, name, created, r, extractions, attempts);
    }

    /** An extraction and the workspace that holds it. */
    public record WithExtraction(Workspace workspace, Extraction extraction, boolean isNew) {
    }

    /**
     * The extraction of these parameters on these recordings: the existing one when both match exactly, else a new
     * one (the next id), so that changing a parameter never overwrites what was extracted before.
     */
    public WithExtraction extraction(ExtractionParameters parameters, List<String> recordingPaths, Instant now) {
        for (Extraction e : extractions) {
            if (e.parameters().equals(parameters) && e.recordings().equals(recordingPaths)) {
                return new WithExtraction(this, e, false);
            }
        }
        Extraction e = new Extraction(nextId("e", extractions.stream().map(Extraction::id).toList()), stamp(now),
                recordingPaths, parameters);
        List<Extraction> all = new ArrayList<>(extractions);
        all.add(e);
        return new WithExtraction(new Workspace(format, name, created, recordings, all, attempts), e, true);
    }

    /** The id the next attempt gets. */
    public String nextAttemptId() {
        return nextId("a", attempts.stream().map(TrainingAttempt::id).toList());
    }

    /** With this attempt added at the end. */
    public Workspace withAttempt(TrainingAttempt attempt) {
        List<TrainingAttempt> all = new ArrayList<>(attempts);
        all.add(attempt);
        return new Workspace(format, name, created, recordings, extractions, all);
    }

    /** With an attempt replaced by its new version (same id; for recording its model file). */
    public Workspace withUpdatedAttempt(TrainingAttempt attempt) {
        List<TrainingAttempt> all = new ArrayList<>(attempts);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(attempt.id())) {
                all.set(i, attempt);
                return new Workspace(format, name, created, recordings, extractions, all);
            }
        }
        throw new IllegalArgumentException("no attempt " + attempt.id() + " in workspace " + name);
    }

    private static String nextId(String prefix, List<String> used) {
        int max = 0;
        for (String id : used) {
            if (id.startsWith(prefix)) {
                try {
                    max = Math.max(max, Integer.parseInt(id.substring(prefix.length())));
                } catch (NumberFormatException ignored) {
                    // A hand-edited id that is not prefix + number: it cannot collide with the next number.
                }
            }
        }
        return prefix + (max + 1);
    }
}
