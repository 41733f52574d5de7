package org.mistudio.acquisition.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;

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
}
