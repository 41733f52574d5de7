package org.mistudio.acquisition.io.edf;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The header of an EDF-family file.
 *
 * @param variant        EDF, EDF+C/D, BDF, BDF+C/D
 * @param patient        the local patient identification field
 * @param recording      the local recording identification field
 * @param start          start date and time (to the second; EDF+ files refine it with the first TAL)
 * @param headerBytes    size of the header
 * @param records        number of data records
 * @param recordDuration seconds per data record (0 for annotation-only files)
 * @param signals        the signals, annotation signals included
 */
public record EdfHeader(EdfVariant variant, String patient, String recording, LocalDateTime start, int headerBytes,
                        long records, double recordDuration, List<EdfSignal> signals) {

    public EdfHeader {
        signals = List.copyOf(signals);
    }

    /** Bytes in one data record. */
    public long recordBytes() {
        long samples = 0;
        for (EdfSignal s : signals) {
            samples += s.samplesPerRecord();
        }
        return samples * variant.bytesPerSample();
    }

    /** The byte offset of signal {@code index} within a data record. */
    public long signalOffsetInRecord(int index) {
        long samples = 0;
        for (int i = 0; i < index; i++) {
            samples += signals.get(i).samplesPerRecord();
        }
        return samples * variant.bytesPerSample();
    }

    /** Sampling rate of a signal in Hz (its samples per record over the record duration). */
    public double samplingRate(int index) {
        return signals.get(index).samplesPerRecord() / recordDuration;
    }
}
