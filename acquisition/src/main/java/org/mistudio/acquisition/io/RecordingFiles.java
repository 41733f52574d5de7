package org.mistudio.acquisition.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import org.mistudio.acquisition.io.edf.EdfReader;
import org.mistudio.acquisition.io.edf.EdfVariant;
import org.mistudio.acquisition.io.edf.EdfWriter;
import org.mistudio.acquisition.io.gdf.GdfReader;
import org.mistudio.acquisition.io.xdf.XdfFile;
import org.mistudio.acquisition.io.xdf.XdfReader;
import org.mistudio.acquisition.model.Recording;

/** Reads and writes recordings in the formats MI Studio supports, chosen by file name extension. */
public final class RecordingFiles {

    private RecordingFiles() {
    }

    /**
     * Reads a recording; EDF/EDF+ ({@code .edf}), BDF/BDF+ ({@code .bdf}), GDF 1.x/2.x ({@code .gdf}) and XDF
     * ({@code .xdf}). An XDF file
     * gives the recording of its first EEG stream (else its first numeric stream) with every marker stream as
     * annotations ({@link XdfFile#primaryRecording()}); {@link #readXdf} gives all streams.
     */
    public static Recording read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        String ext = extension(file);
        switch (ext) {
            case "edf":
            case "bdf":
            case "rec":
                return EdfReader.read(file);
            case "gdf":
                return GdfReader.read(file);
            case "xdf":
                return XdfReader.read(file).primaryRecording();
            default:
                throw new FormatException(file, -1, "file name extension", "'." + ext
                        + "' is not a format this version reads; expected .edf, .bdf, .gdf or .xdf");
        }
    }

    /** A recording and the exact format of its file, e.g. {@code EDF+C}, {@code BDF}, {@code GDF 2.20}, {@code XDF 1.0}. */
    public record Described(String format, Recording recording) {
    }

    /** Reads a recording as {@link #read} does and names its file's format (variant and version). */
    public static Described readDescribed(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        switch (extension(file)) {
            case "edf":
            case "bdf":
            case "rec": {
                try (EdfReader reader = EdfReader.open(file)) {
                    return new Described(edfFormat(reader.header().variant()), reader.readAll());
                }
            }
            case "gdf": {
                try (GdfReader reader = GdfReader.open(file)) {
                    return new Described(String.format(Locale.ROOT, "GDF %.2f", reader.header().version()),
                            reader.readAll());
                }
            }
            case "xdf": {
                XdfFile x = XdfReader.read(file);
                return new Described("XDF " + x.version().trim(), x.primaryRecording());
            }
            default:
                return new Described("?", read(file));
        }
    }

    /** EDF, EDF+C, EDF+D, BDF, BDF+C or BDF+D. */
    public static String edfFormat(EdfVariant v) {
        String base = v.isBdf() ? "BDF" : "EDF";
        return !v.isPlus() ? base : base + (v.isDiscontinuous() ? "+D" : "+C");
    }

    /**
     * Reads every stream of an XDF file, time stamps synchronised and dejittered as pyxdf does by default; see
     * {@link XdfFile#toRecordings()} for one recording per numeric stream.
     */
    public static XdfFile readXdf(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        return XdfReader.read(file);
    }

    /** Writes EDF+ for {@code .edf}, BDF+ for {@code .bdf}. */
    public static void write(Recording recording, Path file) throws IOException {
        String ext = extension(file);
        switch (ext) {
            case "edf":
                EdfWriter.write(recording, file, EdfVariant.EDF_PLUS_C);
                break;
            case "bdf":
                EdfWriter.write(recording, file, EdfVariant.BDF_PLUS_C);
                break;
            default:
                throw new IllegalArgumentException(file + ": cannot write '." + ext + "' files; use .edf (EDF+, "
                        + "16-bit) or .bdf (BDF+, 24-bit)");
        }
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
