package org.mistudio.acquisition.lsl;

import java.io.IOException;

/** The other party broke the LSL protocol: the message names what was expected and what came. */
public class LslProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public LslProtocolException(String message) {
        super(message);
    }

    /** "expected X, got Y". */
    public static LslProtocolException expected(String expected, Object got) {
        return new LslProtocolException("LSL protocol violation: expected " + expected + ", got " + got);
    }
}
