package org.mistudio.dsp.evaluation;

import java.util.ArrayList;
import java.util.List;

final class Folds {

    private Folds() {
    }

    /** Splits with test = the trials assigned to fold f, train = the rest, both ascending. */
    static List<Split> fromAssignment(int[] fold, int nSplits) {
        List<Split> out = new ArrayList<>(nSplits);
        for (int f = 0; f < nSplits; f++) {
            int nt = 0;
            for (int v : fold) {
                if (v == f) {
                    nt++;
                }
            }
            int[] test = new int[nt];
            int[] train = new int[fold.length - nt];
            int a = 0;
            int b = 0;
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == f) {
                    test[a++] = i;
                } else {
                    train[b++] = i;
                }
            }
            out.add(new Split(train, test));
        }
        return out;
    }
}
