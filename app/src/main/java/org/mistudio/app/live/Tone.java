package org.mistudio.app.live;

import javax.sound.sampled.AudioFormat;

/**
 * The warning tone of a trial, synthesised: a sine with raised-cosine (Hann) fade-in and fade-out, 16-bit signed
 * mono PCM, little-endian.
 *
 * <p>Choice: 1 kHz for 70 ms, the "short acoustic warning tone (1 kHz, 70 ms)" of the Graz cue-based protocol as
 * described for BCI Competition IV data set 2b (BNCI 2014-004, Leeb et al. 2007, doi:10.1109/TNSRE.2007.906956);
 * OpenViBE's scenario plays a short beep sound file at the beep stimulation. 1 kHz is where hearing is most sensitive and cheap speakers reproduce well; 70 ms is long enough to be
 * heard as a tone, short enough not to overlap the cue one second later. The 10 ms fades keep the onset and offset
 * free of clicks (a sine switched on at full amplitude has a broadband step). Amplitude half of full scale leaves the
 * loudness to the operating system's volume without clipping.
 */
public final class Tone {

    public static final float SAMPLE_RATE = 44_100f;
    public static final double FREQUENCY_HZ = 1000;
    public static final double DURATION_S = 0.070;
    public static final double FADE_S = 0.010;
    public static final double AMPLITUDE = 0.5;

    private Tone() {
    }

    /** 16-bit signed mono little-endian at {@link #SAMPLE_RATE}. */
    public static AudioFormat format() {
        return new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
    }

    /** The default beep's samples. */
    public static short[] beep() {
        return synthesise(FREQUENCY_HZ, DURATION_S, FADE_S, AMPLITUDE, SAMPLE_RATE);
    }

    /**
     * A sine of {@code hz} lasting {@code seconds}, {@code amplitude} times full scale, faded in and out over
     * {@code fade} seconds with a raised cosine (0 at the first and last sample).
     */
    public static short[] synthesise(double hz, double seconds, double fade, double amplitude, double rate) {
        if (!(hz > 0 && hz < rate / 2) || !(seconds > 0) || !(fade >= 0 && 2 * fade <= seconds)
                || !(amplitude > 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("tone: need 0 < frequency < rate/2, duration > 0, 0 <= 2 fade <= "
                    + "duration, 0 < amplitude <= 1");
        }
        int n = (int) Math.round(seconds * rate);
        int ramp = (int) Math.round(fade * rate);
        short[] pcm = new short[n];
        for (int i = 0; i < n; i++) {
            double env = 1;
            if (ramp > 0 && i < ramp) {
                env = 0.5 - 0.5 * Math.cos(Math.PI * i / ramp);
            } else if (ramp > 0 && i >= n - ramp) {
                env = 0.5 - 0.5 * Math.cos(Math.PI * (n - 1 - i) / ramp);
            }
            pcm[i] = (short) Math.round(env * amplitude * Short.MAX_VALUE * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return pcm;
    }

    /** Little-endian bytes of 16-bit samples. */
    public static byte[] bytes(short[] pcm) {
        byte[] b = new byte[pcm.length * 2];
        for (int i = 0; i < pcm.length; i++) {
            b[2 * i] = (byte) pcm[i];
            b[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        return b;
    }
}
