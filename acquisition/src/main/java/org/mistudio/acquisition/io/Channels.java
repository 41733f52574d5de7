package org.mistudio.acquisition.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/** Positional reads on any seekable channel: a file, or bytes in memory (the fuzz tests read those). */
public final class Channels {

    private Channels() {
    }

    /** Reads into {@code buffer} from {@code position}; returns the bytes read, -1 at the end of the channel. */
    public static int readAt(SeekableByteChannel ch, ByteBuffer buffer, long position) throws IOException {
        if (ch instanceof FileChannel fc) {
            return fc.read(buffer, position);
        }
        synchronized (ch) {
            ch.position(position);
            return ch.read(buffer);
        }
    }

    /**
     * Fills {@code buffer} from {@code position} and flips it; if the channel ends first, a
     * {@link FormatException} names {@code file}, the offset where the bytes ran out, {@code field} and
     * {@code problem}.
     */
    public static void readFully(Path file, SeekableByteChannel ch, ByteBuffer buffer, long position, String field,
                                 String problem) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            int n = readAt(ch, buffer, p);
            if (n < 0) {
                throw new FormatException(file, p, field, problem);
            }
            p += n;
        }
        buffer.flip();
    }
}
