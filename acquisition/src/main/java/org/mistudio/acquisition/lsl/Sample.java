package org.mistudio.acquisition.lsl;

/**
 * One pulled sample: its timestamp (time-corrected if the inlet was asked to), the values (an array of the
 * stream's format) and whether samples may be missing before it (the outlet was lost and the inlet
 * reconnected, or the inlet's own buffer overflowed).
 */
public record Sample(double timestamp, Object values, boolean gapBefore) {
    public float[] floats() {
        return (float[]) values;
    }

    public double[] doubles() {
        return (double[]) values;
    }

    public String[] strings() {
        return (String[]) values;
    }

    public int[] ints() {
        return (int[]) values;
    }
}
