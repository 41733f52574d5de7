package org.mistudio.dsp.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.mistudio.dsp.decode.Lda;
import org.mistudio.dsp.decode.Reference;

class SplitterTest {

    private static void assertSplits(JsonNode expected, List<Split> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " split count");
        for (int f = 0; f < actual.size(); f++) {
            assertArrayEquals(Reference.ints(expected.get(f).get(0)), actual.get(f).train(), what + " train " + f);
            assertArrayEquals(Reference.ints(expected.get(f).get(1)), actual.get(f).test(), what + " test " + f);
        }
    }

    @Test
    void kFoldMatchesSklearn() {
        JsonNode ref = Reference.root().get("splits").get("kfold");
        for (int k : new int[] {2, 5, 7}) {
            assertSplits(ref.get(String.valueOf(k)), new KFold(k).split(new int[23]), "KFold(" + k + ")");
        }
        // 23 = 5 * 4 + 3: the first three folds get 5 trials
        List<Split> s = new KFold(5).split(new int[23]);
        assertArrayEquals(new int[] {5, 5, 5, 4, 4}, s.stream().mapToInt(x -> x.test().length).toArray());
    }

    @Test
    void stratifiedKFoldMatchesSklearn() {
        JsonNode ref = Reference.root().get("splits");
        List<String> y = new ArrayList<>();
        ref.get("stratified_y").forEach(n -> y.add(n.asText()));
        for (int k : new int[] {2, 3, 4}) {
            assertSplits(ref.get("stratified").get(String.valueOf(k)), new StratifiedKFold(k).split(y),
                    "StratifiedKFold(" + k + ")");
        }
    }

    @Test
    void shuffleSplitIsSeededDisjointAndComplete() {
        int[] y = new int[50];
        List<Split> a = new ShuffleSplit(4, 0.2, 42).split(y);
        List<Split> b = new ShuffleSplit(4, 0.2, 42).split(y);
        List<Split> c = new ShuffleSplit(4, 0.2, 43).split(y);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(a.get(i).test(), b.get(i).test());
            assertEquals(10, a.get(i).test().length); // ceil(0.2 * 50)
            assertEquals(40, a.get(i).train().length);
            int[] all = new int[50];
            System.arraycopy(a.get(i).train(), 0, all, 0, 40);
            System.arraycopy(a.get(i).test(), 0, all, 40, 10);
            Arrays.sort(all);
            for (int t = 0; t < 50; t++) {
                assertEquals(t, all[t]);
            }
        }
        assertNotEquals(Arrays.toString(a.get(0).test()), Arrays.toString(a.get(1).test()));
        assertNotEquals(Arrays.toString(a.get(0).test()), Arrays.toString(c.get(0).test()));
        assertEquals(5, new ShuffleSplit(1, 0.1, 0.5, 1).split(new int[11]).get(0).train().length); // floor(5.5)
        assertThrows(IllegalArgumentException.class, () -> new ShuffleSplit(2, 1.0, 1));
    }

    @Test
    void rejectsImpossibleSplits() {
        assertThrows(IllegalArgumentException.class, () -> new KFold(1));
        assertThrows(IllegalArgumentException.class, () -> new KFold(5).split(new int[4]));
        assertThrows(IllegalArgumentException.class, () -> new StratifiedKFold(3).split(new int[] {0, 0, 1, 1}));
    }

    @Test
    void crossValScoreMatchesSklearn() {
        JsonNode lda = Reference.root().get("lda");
        JsonNode cv = Reference.root().get("cv");
        double[] got = CrossValidation.score(Lda.svd(), Reference.matrix(lda.get("two_class").get("X")),
                Reference.ints(lda.get("two_class").get("y")), new KFold(5), Scoring.ACCURACY).scores();
        assertArrayEquals(Reference.vector(cv.get("lda_two_class_kfold5_accuracy")), got, 1e-15);
        got = CrossValidation.score(Lda.svd(), Reference.matrix(lda.get("three_class").get("X")),
                Reference.ints(lda.get("three_class").get("y")), new StratifiedKFold(4), Scoring.ACCURACY).scores();
        assertArrayEquals(Reference.vector(cv.get("lda_three_class_stratified4_accuracy")), got, 1e-15);
    }
}
