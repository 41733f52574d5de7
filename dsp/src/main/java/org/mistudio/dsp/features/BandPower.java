package org.mistudio.dsp.features;

/** Band power from PSD features: the density summed over the bins of each band times the bin width. */
public final class BandPower {

    private BandPower() {
    }

    /**
     * @param psd   PSD features (density)
     * @param bands {@code {low, high}} Hz per band; the result's frequency axis holds the band centres
     */
    public static FeatureTensor of(FeatureTensor psd, double[][] bands) {
        double[] f = psd.frequencies();
        double res = f.length > 1 ? f[1] - f[0] : 1;
        double[] centres = new double[bands.length];
        int[][] bins = new int[bands.length][];
        for (int b = 0; b < bands.length; b++) {
            bins[b] = FeatureSelection.binsIn(f, bands[b][0], bands[b][1]);
            centres[b] = (bands[b][0] + bands[b][1]) / 2;
        }
        double[][][] v = psd.values();
        double[][][] out = new double[v.length][v.length == 0 ? 0 : v[0].length][bands.length];
        for (int t = 0; t < v.length; t++) {
            for (int c = 0; c < v[t].length; c++) {
                for (int b = 0; b < bands.length; b++) {
                    double s = 0;
                    for (int k : bins[b]) {
                        s += v[t][c][k];
                    }
                    out[t][c][b] = s * res;
                }
            }
        }
        return new FeatureTensor("band power from " + psd.quantity(), psd.labels(), psd.channels(), centres, out);
    }
}
