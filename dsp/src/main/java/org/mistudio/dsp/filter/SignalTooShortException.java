package org.mistudio.dsp.filter;

/** Zero-phase filtering needs more samples than the edge padding: {@code length > padlen}. */
public final class SignalTooShortException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int length;
    private final int padlen;

    public SignalTooShortException(int length, int padlen) {
        super("signal has " + length + " samples but zero-phase filtering pads " + padlen
                + " at each end and needs more than " + padlen + " samples");
        this.length = length;
        this.padlen = padlen;
    }

    public int length() {
        return length;
    }

    public int padlen() {
        return padlen;
    }
}
