package org.mistudio.acquisition.io.gdf;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The fixed and variable header of a GDF file.
 *
 * @param version        the version number from the first 8 bytes ("GDF 1.25" -> 1.25)
 * @param patient        patient identification
 * @param recording      recording identification
 * @param start          start of recording, or null where the file leaves it unset
 * @param headerBytes    bytes before the first data record (fixed + variable header, and GDF 2's tag-length-value
 *                       header 3)
 * @param records        number of data records
 * @param recordDuration seconds per data record
 * @param signals        the channels
 */
public record GdfHeader(double version, String patient, String recording, LocalDateTime start, long headerBytes,
                        long records, double recordDuration, List<GdfSignal> signals) {

    public GdfHeader {
        signals = List.copyOf(signals);
    }

    public boolean isVersion2() {
        return version >= 1.9;
    }

    public long recordBytes() {
        long n = 0;
        for (GdfSignal s : signals) {
            n += s.bytesPerRecord();
        }
        return n;
    }

    public long signalOffsetInRecord(int index) {
        long n = 0;
        for (int i = 0; i < index; i++) {
            n += signals.get(i).bytesPerRecord();
        }
        return n;
    }

    public double samplingRate(int index) {
        return signals.get(index).samplesPerRecord() / recordDuration;
    }

    /** Where the event table starts: right after the last data record. */
    public long eventTableOffset() {
        return headerBytes + records * recordBytes();
    }
}
